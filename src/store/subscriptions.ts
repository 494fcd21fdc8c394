import { canonicalTimeZone } from '../schedule/time.js';
import type { Database } from './database.js';
import { statementsFor } from './statements.js';

/** One channel's daily "on this day" subscription. */
export interface Subscription {
  guildId: string;
  channelId: string;
  /** The local hour, 0–23, at which the day's post is due. */
  hour: number;
  /** IANA zone the hour is read in. */
  timeZone: string;
  /** On a day with no entry, post the nearest upcoming anniversary instead of nothing. */
  postWhenEmpty: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the bot lost the channel (permission removed, channel deleted): no posts until resumed. */
  pausedReason: string | null;
  pausedAt: Date | null;
  lastError: string | null;
}

export interface SubscriptionRequest {
  guildId: string;
  channelId: string;
  hour: number;
  timeZone: string;
  postWhenEmpty?: boolean;
  /** The user who asked; kept from the first subscription when re-subscribing. */
  createdBy: string;
}

export class InvalidSubscriptionError extends Error {
  override readonly name = 'InvalidSubscriptionError';
}

/** A row as SQLite returns it; for the store's own modules. */
export interface SubscriptionRow {
  guild_id: string;
  channel_id: string;
  hour: number;
  time_zone: string;
  post_when_empty: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  paused_reason: string | null;
  paused_at: string | null;
  last_error: string | null;
}

const COLUMNS = `guild_id, channel_id, hour, time_zone, post_when_empty, created_by, created_at, updated_at,
  paused_reason, paused_at, last_error`;

const statements = statementsFor((db) => ({
  get: db.prepare<[string], SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE channel_id = ?`),
  // Re-subscribing is a deliberate act by someone who can fix permissions, so it also resumes.
  upsert: db.prepare<{
    guildId: string;
    channelId: string;
    hour: number;
    timeZone: string;
    postWhenEmpty: number;
    createdBy: string;
    now: string;
  }>(
    `INSERT INTO subscriptions (guild_id, channel_id, hour, time_zone, post_when_empty, created_by, created_at, updated_at)
     VALUES (@guildId, @channelId, @hour, @timeZone, @postWhenEmpty, @createdBy, @now, @now)
     ON CONFLICT (channel_id) DO UPDATE SET
       guild_id = excluded.guild_id, hour = excluded.hour, time_zone = excluded.time_zone,
       post_when_empty = excluded.post_when_empty, updated_at = excluded.updated_at,
       paused_reason = NULL, paused_at = NULL, last_error = NULL`,
  ),
  remove: db.prepare<[string]>('DELETE FROM subscriptions WHERE channel_id = ?'),
  removeGuild: db.prepare<[string]>('DELETE FROM subscriptions WHERE guild_id = ?'),
  listGuild: db.prepare<[string], SubscriptionRow>(
    `SELECT ${COLUMNS} FROM subscriptions WHERE guild_id = ? ORDER BY created_at, channel_id`,
  ),
  listActive: db.prepare<[], SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE paused_at IS NULL`),
  activeZones: db.prepare<[], { time_zone: string }>(
    'SELECT DISTINCT time_zone FROM subscriptions WHERE paused_at IS NULL',
  ),
  count: db.prepare<[], { total: number; paused: number }>(
    'SELECT count(*) AS total, count(paused_at) AS paused FROM subscriptions',
  ),
  pause: db.prepare<{ channelId: string; reason: string; now: string }>(
    `UPDATE subscriptions SET paused_reason = @reason, paused_at = @now, last_error = @reason, updated_at = @now
     WHERE channel_id = @channelId`,
  ),
  resume: db.prepare<{ channelId: string; now: string }>(
    `UPDATE subscriptions SET paused_reason = NULL, paused_at = NULL, last_error = NULL, updated_at = @now
     WHERE channel_id = @channelId`,
  ),
  recordError: db.prepare<{ channelId: string; error: string | null }>(
    'UPDATE subscriptions SET last_error = @error WHERE channel_id = @channelId',
  ),
}));

/**
 * Subscribes a channel, or updates its schedule if it already is (one subscription per channel).
 * Validates the hour and zone, and stores the zone's canonical spelling.
 */
export function upsertSubscription(
  db: Database,
  request: SubscriptionRequest,
  now: Date,
): { subscription: Subscription; created: boolean } {
  if (!Number.isInteger(request.hour) || request.hour < 0 || request.hour > 23) {
    throw new InvalidSubscriptionError(`hour must be a whole number from 0 to 23, got ${request.hour}`);
  }
  const timeZone = canonicalTimeZone(request.timeZone);
  if (!timeZone) throw new InvalidSubscriptionError(`"${request.timeZone}" is not an IANA time zone`);
  for (const field of ['guildId', 'channelId', 'createdBy'] as const) {
    if (request[field].trim() === '') throw new InvalidSubscriptionError(`${field} is empty`);
  }
  const { get, upsert } = statements(db);
  return db
    .transaction(() => {
      const created = get.get(request.channelId) === undefined;
      upsert.run({
        guildId: request.guildId,
        channelId: request.channelId,
        hour: request.hour,
        timeZone,
        postWhenEmpty: request.postWhenEmpty ? 1 : 0,
        createdBy: request.createdBy,
        now: now.toISOString(),
      });
      const row = get.get(request.channelId);
      if (!row) throw new Error(`subscription for ${request.channelId} vanished inside its own transaction`);
      return { subscription: subscriptionFromRow(row), created };
    })
    .immediate();
}

/** Unsubscribes a channel; false if it was not subscribed. Its delivery history is kept. */
export function removeSubscription(db: Database, channelId: string): boolean {
  return statements(db).remove.run(channelId).changes > 0;
}

/** Drops every subscription of a guild (the bot was removed from it); returns how many. */
export function removeGuildSubscriptions(db: Database, guildId: string): number {
  return statements(db).removeGuild.run(guildId).changes;
}

export function getSubscription(db: Database, channelId: string): Subscription | undefined {
  const row = statements(db).get.get(channelId);
  return row ? subscriptionFromRow(row) : undefined;
}

/** A guild's subscriptions, oldest first. */
export function listSubscriptions(db: Database, guildId: string): Subscription[] {
  return statements(db).listGuild.all(guildId).map(subscriptionFromRow);
}

/** Every subscription that is not paused: the scheduler's candidates. */
export function listActiveSubscriptions(db: Database): Subscription[] {
  return statements(db).listActive.all().map(subscriptionFromRow);
}

/** The distinct zones of unpaused subscriptions. */
export function activeTimeZones(db: Database): string[] {
  return statements(db).activeZones.all().map((row) => row.time_zone);
}

export function countSubscriptions(db: Database): { total: number; paused: number } {
  return statements(db).count.get() ?? { total: 0, paused: 0 };
}

/** Stops posting to a channel until it is resumed or re-subscribed; false if not subscribed. */
export function pauseSubscription(db: Database, channelId: string, reason: string, now: Date): boolean {
  return statements(db).pause.run({ channelId, reason, now: now.toISOString() }).changes > 0;
}

export function resumeSubscription(db: Database, channelId: string, now: Date): boolean {
  return statements(db).resume.run({ channelId, now: now.toISOString() }).changes > 0;
}

/** Notes (or clears, with null) the last error seen while posting, without pausing. */
export function recordSubscriptionError(db: Database, channelId: string, error: string | null): void {
  statements(db).recordError.run({ channelId, error });
}

export function subscriptionFromRow(row: SubscriptionRow): Subscription {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    hour: row.hour,
    timeZone: row.time_zone,
    postWhenEmpty: row.post_when_empty === 1,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    pausedReason: row.paused_reason,
    pausedAt: row.paused_at === null ? null : new Date(row.paused_at),
    lastError: row.last_error,
  };
}
