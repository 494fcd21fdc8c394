/**
 * `npm start` as a process: with a token it connects to the (local) Discord and
 * answers, and SIGTERM shuts it down cleanly (exit 0); without a token it runs
 * the console; bad configuration makes it refuse to start.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { startLocalDiscord } from '../local-discord/index.js';
import type { LocalDiscord } from '../local-discord/index.js';

const projectRoot = new URL('../..', import.meta.url).pathname;
// The bot opens its database at start: keep it out of the checkout.
const databaseDir = mkdtempSync(path.join(tmpdir(), 'briefing-main-'));
afterAll(() => rmSync(databaseDir, { recursive: true, force: true }));

function start(env: Record<string, string>, input?: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', LOG_LEVEL: 'info', DATABASE_PATH: path.join(databaseDir, 'briefing.sqlite'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if (input !== undefined) child.stdin.end(input);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const waitFor = async (text: string, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!stdout.includes(text)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no "${text}" in the output:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { child, exited, waitFor, output: () => ({ stdout, stderr }) };
}

describe('npm start', () => {
  let discord: LocalDiscord;

  beforeAll(async () => {
    discord = await startLocalDiscord();
    await new REST({ api: discord.apiUrl }).setToken(discord.token).put(Routes.applicationGuildCommands(discord.applicationId, discord.defaultGuildId), { body: commandDefinitions });
  });
  afterAll(async () => {
    await discord?.close();
  });

  it('with a token: runs the bot, answers, and exits 0 on SIGTERM after a clean shutdown', async () => {
    const bot = start({ DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl });
    await bot.waitFor('connected to Discord');
    const reply = await discord.sendCommand({ name: 'who', options: { name: 'Meng Jianzhu' } }).visibleReply();
    expect(reply.message.embeds[0]?.title).toBe('Meng Jianzhu');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const { stdout } = bot.output();
    expect(stdout).toContain('disconnected from Discord');
    expect(stdout).not.toContain(discord.token);
  });

  it('without a token: runs the local console', async () => {
    const local = start({}, '/who James\n');
    expect(await local.exited).toBe(0);
    expect(local.output().stdout).toContain('Which “James” do you mean?');
  });

  it('refuses to start on bad configuration, naming every problem, without echoing the token', async () => {
    const secret = 'not-a-token-but-secret';
    const bad = start({ DISCORD_TOKEN: secret, LOG_LEVEL: 'loud' });
    expect(await bad.exited).toBe(1);
    const { stderr } = bad.output();
    expect(stderr).toContain('DISCORD_TOKEN does not look like a bot token');
    expect(stderr).toContain('LOG_LEVEL must be one of');
    expect(stderr).toContain('DISCORD_APPLICATION_ID is required');
    expect(stderr).not.toContain(secret);
  });
});
