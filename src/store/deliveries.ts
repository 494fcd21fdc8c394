import type { Database } from './database.js';
import { statementsFor } from './statements.js';

/**
 * - claimed: a send is under way, or its outcome was lost (crash): retry with the same nonce.
 * - delivered: posted; final.
 * - skipped: nothing to post that day; final.
 * - failed: the last send failed; retried later the same day unless the subscription is paused.
 */
export type DeliveryStatus = 'claimed' | 'delivered' | 'skipped' | 'failed';

/** One channel's post for one local day. There is at most one per (channel, local date). */
export interface Delivery {
  channelId: string;
  localDate: string;
  status: DeliveryStatus;
  nonce: string;
  messageId: string | null;
  claimedAt: Date;
  deliveredAt: Date | null;
  attempts: number;
  error: string | null;
}

export interface DeliveryKey {
  channelId: string;
  localDate: string;
}

/** A row as SQLite returns it; for the store's own modules. */
export interface DeliveryRow {
  channel_id: string;
  local_date: string;
  status: DeliveryStatus;
  nonce: string;
  message_id: string | null;
  claimed_at: string;
  delivered_at: string | null;
  attempts: number;
  error: string | null;
}

const COLUMNS = 'channel_id, local_date, status, nonce, message_id, claimed_at, delivered_at, attempts, error';
const KEY = 'channel_id = @channelId AND local_date = @localDate';

const statements = statementsFor((db) => ({
  // One statement, so the check and the claim cannot interleave with another writer. A retry keeps
  // the nonce stored by the first claim; a final row (delivered/skipped) is left alone and returns nothing.
  claim: db.prepare<DeliveryKey & { nonce: string; now: string }, DeliveryRow>(
    `INSERT INTO deliveries (channel_id, local_date, status, nonce, claimed_at, attempts)
     VALUES (@channelId, @localDate, 'claimed', @nonce, @now, 1)
     ON CONFLICT (channel_id, local_date) DO UPDATE SET
       status = 'claimed', claimed_at = excluded.claimed_at, attempts = deliveries.attempts + 1
     WHERE deliveries.status IN ('claimed', 'failed')
     RETURNING ${COLUMNS}`,
  ),
  delivered: db.prepare<DeliveryKey & { messageId: string; now: string }>(
    `UPDATE deliveries SET status = 'delivered', message_id = @messageId, delivered_at = @now, error = NULL
     WHERE ${KEY} AND status IN ('claimed', 'failed')`,
  ),
  skipped: db.prepare<DeliveryKey & { reason: string | null }>(
    `UPDATE deliveries SET status = 'skipped', error = @reason WHERE ${KEY} AND status IN ('claimed', 'failed')`,
  ),
  failed: db.prepare<DeliveryKey & { error: string }>(
    `UPDATE deliveries SET status = 'failed', error = @error WHERE ${KEY} AND status = 'claimed'`,
  ),
  get: db.prepare<DeliveryKey, DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE ${KEY}`),
  last: db.prepare<[string], DeliveryRow>(
    `SELECT ${COLUMNS} FROM deliveries WHERE channel_id = ? ORDER BY local_date DESC LIMIT 1`,
  ),
  history: db.prepare<[string, number], DeliveryRow>(
    `SELECT ${COLUMNS} FROM deliveries WHERE channel_id = ? ORDER BY local_date DESC LIMIT ?`,
  ),
  since: db.prepare<[string], DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE local_date >= ?`),
  prune: db.prepare<[string]>('DELETE FROM deliveries WHERE local_date < ?'),
}));

/**
 * Claims the day's delivery before sending: inserts it, or re-claims a row whose earlier attempt
 * failed or never finished (attempts + 1, same nonce). Returns undefined when the day is already
 * delivered or skipped — the caller must then not send.
 */
export function claimDelivery(db: Database, key: DeliveryKey & { nonce: string }, now: Date): Delivery | undefined {
  const row = statements(db).claim.get({ ...key, now: now.toISOString() });
  return row ? deliveryFromRow(row) : undefined;
}

/** Records the posted message; false if the row was not awaiting a result. */
export function markDelivered(db: Database, key: DeliveryKey, messageId: string, now: Date): boolean {
  return statements(db).delivered.run({ ...key, messageId, now: now.toISOString() }).changes > 0;
}

/** Records that there was nothing to post that day (final). */
export function markSkipped(db: Database, key: DeliveryKey, reason: string | null = null): boolean {
  return statements(db).skipped.run({ ...key, reason }).changes > 0;
}

/** Records a failed send; the row stays retryable (claimDelivery re-claims it). */
export function markFailed(db: Database, key: DeliveryKey, error: string): boolean {
  return statements(db).failed.run({ ...key, error }).changes > 0;
}

export function getDelivery(db: Database, key: DeliveryKey): Delivery | undefined {
  const row = statements(db).get.get(key);
  return row ? deliveryFromRow(row) : undefined;
}

/** The channel's most recent delivery row (any status), by local date. */
export function lastDelivery(db: Database, channelId: string): Delivery | undefined {
  const row = statements(db).last.get(channelId);
  return row ? deliveryFromRow(row) : undefined;
}

/** The channel's latest `limit` delivery rows, newest first. */
export function deliveryHistory(db: Database, channelId: string, limit = 30): Delivery[] {
  return statements(db).history.all(channelId, limit).map(deliveryFromRow);
}

/** Every delivery row for local dates on or after `localDate` (the scheduler asks for "today"). */
export function deliveriesSince(db: Database, localDate: string): Delivery[] {
  return statements(db).since.all(localDate).map(deliveryFromRow);
}

/** Deletes rows for local dates before `localDate`; returns how many. */
export function pruneDeliveries(db: Database, localDate: string): number {
  return statements(db).prune.run(localDate).changes;
}

export function deliveryFromRow(row: DeliveryRow): Delivery {
  return {
    channelId: row.channel_id,
    localDate: row.local_date,
    status: row.status,
    nonce: row.nonce,
    messageId: row.message_id,
    claimedAt: new Date(row.claimed_at),
    deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at),
    attempts: row.attempts,
    error: row.error,
  };
}
