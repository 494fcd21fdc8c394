/**
 * The daily posts as the running bot does them: one scheduler (a node-cron tick a minute) that
 * runs a delivery tick with the Discord sender. Separate from main.ts so that tests and benchmarks
 * can drive `tick` with their own clock.
 */
import type { REST } from 'discord.js';
import type { Answer, AnswerEngine } from '../answers/index.js';
import type { Database } from '../store/database.js';
import { runDeliveryTick } from '../schedule/deliver.js';
import type { DeliveryLogger, DeliveryTickReport } from '../schedule/deliver.js';
import { startScheduler } from '../schedule/scheduler.js';
import type { Scheduler } from '../schedule/scheduler.js';
import { composeDailyPost, createDiscordSender } from './discordSender.js';

export interface DailyPostsOptions {
  db: Database;
  rest: REST;
  engine: () => AnswerEngine;
  now?: () => Date;
  logger?: DeliveryLogger;
  concurrency?: number;
  /** Pace of the posts (default DELIVERY_POSTS_PER_SECOND, under Discord's global limit). */
  postsPerSecond?: number;
}

/** One delivery tick against Discord (what the scheduler runs each minute). */
export function dailyPostsTick(options: DailyPostsOptions): () => Promise<DeliveryTickReport> {
  const now = options.now ?? (() => new Date());
  const send = createDiscordSender(options.rest, options.postsPerSecond !== undefined ? { postsPerSecond: options.postsPerSecond } : {});
  const composePost = composeDailyPost(options.engine, now);
  return () =>
    runDeliveryTick<Answer>({
      db: options.db,
      now,
      composePost,
      send,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    });
}

/** Starts the minute tick (and a catch-up tick at once); `stop()` waits for a running tick. */
export function startDailyPosts(options: DailyPostsOptions & { cronExpression?: string; runOnStart?: boolean }): Scheduler {
  return startScheduler({
    tick: dailyPostsTick(options),
    ...(options.cronExpression ? { cronExpression: options.cronExpression } : {}),
    ...(options.runOnStart !== undefined ? { runOnStart: options.runOnStart } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
