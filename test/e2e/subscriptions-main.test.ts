/**
 * `npm start` with subscriptions: the process opens the database at DATABASE_PATH, serves the
 * subscription commands from it, runs the catch-up tick on start, and closes it on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits, REST, Routes } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { localDateOf } from '../../src/schedule/time.js';
import { closeDatabase, openDatabase } from '../../src/store/database.js';
import { getDelivery } from '../../src/store/deliveries.js';
import { getSubscription, upsertSubscription } from '../../src/store/subscriptions.js';
import { startLocalDiscord } from '../local-discord/index.js';
import type { LocalDiscord } from '../local-discord/index.js';

const projectRoot = new URL('../..', import.meta.url).pathname;
let discord: LocalDiscord;
let directory: string;

beforeAll(async () => {
  discord = await startLocalDiscord();
  await new REST({ api: discord.apiUrl }).setToken(discord.token).put(Routes.applicationGuildCommands(discord.applicationId, discord.defaultGuildId), { body: commandDefinitions });
  directory = mkdtempSync(join(tmpdir(), 'briefing-main-'));
});
afterAll(async () => {
  await discord?.close();
  rmSync(directory, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it('catches up on the day’s post at start, serves /subscribe from DATABASE_PATH, and closes the file on SIGTERM', async () => {
  const databasePath = join(directory, 'nested', 'briefing.sqlite');
  const due = discord.addChannel({ name: 'due-now' }).id;
  const started = new Date();
  // Subscribed days ago for midnight UTC: today's post is owed (caught up) the moment the bot starts.
  const db = openDatabase(databasePath);
  upsertSubscription(db, { guildId: discord.defaultGuildId, channelId: due, hour: 0, timeZone: 'UTC', postWhenEmpty: true, createdBy: '1' }, new Date(started.getTime() - 86_400_000 * 2));
  closeDatabase(db);

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_GUILD_ID: '', DISCORD_API_URL: discord.apiUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const target = discord.addChannel({ name: 'subscribed-live' }).id;
  try {
    await until(() => discord.channelMessages(due).length > 0, 'the catch-up post', () => output);
    const admin = discord.addMember({ permissions: PermissionFlagsBits.ManageGuild });
    const reply = await discord.sendCommand({ name: 'subscribe', options: { channel: target, hour: 7, timezone: 'Europe/Berlin' }, member: admin }).visibleReply();
    expect(reply.message.content).toMatch(/^Subscribed/);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);

  expect(discord.channelMessages(due)).toHaveLength(1);
  expect(output).toContain('disconnected from Discord');
  const reopened = openDatabase(databasePath);
  try {
    expect(getDelivery(reopened, { channelId: due, localDate: localDateOf(new Date(discord.channelMessages(due)[0]!.timestamp), 'UTC') })?.status).toBe('delivered');
    expect(getSubscription(reopened, target)).toMatchObject({ hour: 7, timeZone: 'Europe/Berlin' });
  } finally {
    closeDatabase(reopened);
  }
}, 30_000);
