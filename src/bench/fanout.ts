/**
 * Scheduled delivery to many subscribed channels: a real SQLite file, the
 * real delivery tick and Discord sender, against the local Discord enforcing
 * Discord's global limit (50 requests/s) with real rate-limit headers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REST } from 'discord.js';
import { startLocalDiscord } from '../../test/local-discord/index.js';
import type { AnswerEngine } from '../answers/index.js';
import { composeDailyPost, createDiscordSender } from '../delivery/discordSender.js';
import { runDeliveryTick } from '../schedule/deliver.js';
import { closeDatabase, openDatabase } from '../store/database.js';
import { upsertSubscription } from '../store/subscriptions.js';
import { round1 } from './stats.js';

export interface FanoutResult {
  channels: number;
  delivered: number;
  failed: number;
  seconds: number;
  fanout_posts_per_s: number;
  fanout_429s: number;
}

const LONG_AGO = new Date('2025-01-01T00:00:00Z');

export async function measureFanout(engine: AnswerEngine, channels: number, perSecond = 50): Promise<FanoutResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-bench-fanout-'));
  const discord = await startLocalDiscord({ globalRateLimit: { perSecond } });
  const db = openDatabase(path.join(dir, 'bench.sqlite'));
  try {
    const channelIds = Array.from({ length: channels }, (_, i) => discord.addChannel({ name: `news-${i}` }).id);
    db.transaction(() => {
      for (const channelId of channelIds) {
        upsertSubscription(db, { guildId: discord.defaultGuildId, channelId, hour: 0, timeZone: 'UTC', postWhenEmpty: true, createdBy: 'bench' }, LONG_AGO);
      }
    })();
    const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
    const now = () => new Date();
    const start = performance.now();
    const report = await runDeliveryTick({ db, now, composePost: composeDailyPost(() => engine, now), send: createDiscordSender(rest), concurrency: 8 });
    const seconds = (performance.now() - start) / 1000;
    return {
      channels,
      delivered: report.delivered,
      failed: report.failed,
      seconds: round1(seconds),
      fanout_posts_per_s: round1(report.delivered / seconds),
      fanout_429s: discord.rateLimitHits,
    };
  } finally {
    closeDatabase(db);
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
