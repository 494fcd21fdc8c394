/**
 * `npm start` runs the esbuild bundle (scripts/build.mjs → dist/app/main.js),
 * not the sources under tsx. The bundle must behave exactly as the sources:
 * the same console answers byte for byte, the same refusals on bad
 * configuration and bad data, and the bot with a token (discord.js, SQLite and
 * the lazily loaded chunks resolved from node_modules).
 *
 * Each case runs a bundle built into a temporary copy of the app, laid out as
 * in the checkout (dist/app/ two levels below data/, node_modules linked), so
 * data can be damaged without touching the checkout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { startLocalDiscord } from '../local-discord/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const copies: string[] = [];

/** A temporary app: data/ copied (then `damage`d), node_modules linked, the bundle built into dist/app/. */
function bundledApp(damage?: (dataDir: string) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-bundle-'));
  copies.push(dir);
  cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  damage?.(path.join(dir, 'data'));
  const built = spawnSync(process.execPath, ['scripts/build.mjs', `--outdir=${path.join(dir, 'dist', 'app')}`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  return dir;
}

/** Console-mode environment: no token, plain output, logs only from warnings up. */
function consoleEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', LOG_LEVEL: 'warn', NO_COLOR: '1', TZ: 'UTC', ...extra };
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv, input = '') {
  return spawnSync(process.execPath, args, { cwd, env, input, encoding: 'utf8', timeout: 60_000 });
}

let app: string;
beforeAll(() => {
  app = bundledApp();
});
afterAll(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the bundle npm start runs', () => {
  it('answers in the console exactly as the sources do', () => {
    const input = [
      '/help',
      '/brief',
      '/who Meng Jianzhu',
      '/who James',
      '/timeline actor:Obama',
      '/onthisday 09-25',
      '/quote speaker:Obama about:sanctions',
      '/sources',
      'who met Meng Jianzhu?',
      '/nonsense',
      '/quit',
      '',
    ].join('\n');
    const fromSources = run(['--import', 'tsx', 'src/main.ts'], ROOT, consoleEnv(), input);
    const fromBundle = run([path.join(app, 'dist', 'app', 'main.js')], app, consoleEnv(), input);
    expect(fromSources.status).toBe(0);
    expect(fromBundle.status).toBe(0);
    expect(fromBundle.stderr).toBe('');
    expect(fromBundle.stdout).toContain('Briefing Bot — running locally');
    expect(fromBundle.stdout).toBe(fromSources.stdout);
  });

  it('refuses bad configuration, naming every problem', () => {
    const result = run([path.join(app, 'dist', 'app', 'main.js')], app, consoleEnv({ LOG_LEVEL: 'loud', DISCORD_GUILD_ID: '12' }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('LOG_LEVEL must be one of');
    expect(result.stderr).toContain('DISCORD_GUILD_ID must be a Discord id');
  });

  it('refuses bad data, naming the file and the field', () => {
    const damaged = bundledApp((data) => {
      const file = path.join(data, 'summary', 'entities.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('    kind: person\n', ''));
    });
    const result = run([path.join(damaged, 'dist', 'app', 'main.js')], damaged, consoleEnv());
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Refusing to start/);
    expect(result.stderr).toMatch(/data\/summary\/entities\.yaml: entities\[0\]\.kind: /);
  });

  it('with a token: runs the bot, answers, and exits 0 on SIGTERM', async () => {
    const discord = await startLocalDiscord();
    try {
      await new REST({ api: discord.apiUrl }).setToken(discord.token).put(Routes.applicationGuildCommands(discord.applicationId, discord.defaultGuildId), { body: commandDefinitions });
      const bot = spawn(process.execPath, [path.join(app, 'dist', 'app', 'main.js')], {
        cwd: app,
        env: consoleEnv({ DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'info', DATABASE_PATH: path.join(app, 'var', 'briefing.sqlite') }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      bot.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      bot.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(bot, 'exit').then(([code]) => code as number | null);
      const deadline = Date.now() + 20_000;
      while (!stdout.includes('connected to Discord')) {
        if (Date.now() > deadline || bot.exitCode !== null) throw new Error(`the bot did not connect:\n${stdout}\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const reply = await discord.sendCommand({ name: 'who', options: { name: 'Meng Jianzhu' } }).visibleReply();
      expect(reply.message.embeds[0]?.title).toBe('Meng Jianzhu');
      bot.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toContain('disconnected from Discord');
      expect(stdout).not.toContain(discord.token);
    } finally {
      await discord.close();
    }
  });
});
