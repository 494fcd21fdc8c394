/**
 * Process start → ready, and resident memory once ready, for the bot in local
 * console mode (ready = its banner on stdout) and for a bare discord.js process.
 * Measured as `npm start` runs the bot: both are first bundled by
 * scripts/build.mjs with the same esbuild options, then
 * spawned the same way, `node <bundle>` with stdin a pipe.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, round1 } from './stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN_ENTRY = fileURLToPath(new URL('../../dist/app/main.js', import.meta.url));
export const BARE_ENTRY = fileURLToPath(new URL('../../dist/bench/bareClient.js', import.meta.url));

/** Builds both bundles from the current sources, as `npm start`'s prestart does for the bot. */
export function buildEntries(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--bench'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface StartupSample {
  ms: number;
  rssMb: number;
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) / 1024;
}

/** One run: spawn, wait for the first stdout bytes, read RSS, close stdin and wait for the exit. */
export function startOnce(entry: string, timeoutMs = 30_000): Promise<StartupSample> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LOG_LEVEL: 'warn' };
  delete env.DISCORD_TOKEN;
  delete env.DISCORD_APPLICATION_ID;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let sample: StartupSample | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} not ready after ${timeoutMs} ms: ${stderr.slice(0, 500)}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => {
      const ms = performance.now() - start;
      try {
        sample = { ms, rssMb: residentMb(child.pid as number) };
      } catch (error) {
        reject(error as Error);
      }
      child.stdin.end();
    });
    child.stdout.resume();
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (sample) resolve(sample);
      else reject(new Error(`${entry} exited (${code}) before ready: ${stderr.slice(0, 500)}`));
    });
  });
}

export interface StartupResult {
  startup_ms: number;
  rss_mb: number;
  startup_bare_discordjs_ms: number;
  rss_bare_discordjs_mb: number;
}

/** Median of `runs` runs each, interleaved so both see the same machine load. */
export async function measureStartup(runs = 5): Promise<StartupResult> {
  buildEntries();
  const bot: StartupSample[] = [];
  const bare: StartupSample[] = [];
  for (let i = 0; i < runs; i++) {
    bot.push(await startOnce(MAIN_ENTRY));
    bare.push(await startOnce(BARE_ENTRY));
  }
  return {
    startup_ms: round1(median(bot.map((s) => s.ms))),
    rss_mb: round1(median(bot.map((s) => s.rssMb))),
    startup_bare_discordjs_ms: round1(median(bare.map((s) => s.ms))),
    rss_bare_discordjs_mb: round1(median(bare.map((s) => s.rssMb))),
  };
}
