import type { Database } from './database.js';
import { deliveryFromRow, type Delivery, type DeliveryRow } from './deliveries.js';
import { statementsFor } from './statements.js';
import { subscriptionFromRow, type Subscription, type SubscriptionRow } from './subscriptions.js';

/** What "today" is in one zone, worked out by the caller (SQLite knows no IANA zones). */
export interface ZoneToday {
  timeZone: string;
  localDate: string;
  /** Subscriptions with a later hour cannot be due yet and are not returned. */
  latestHour: number;
}

/** An unpaused subscription whose delivery for its local today is not finished. */
export interface UnfinishedDelivery {
  subscription: Subscription;
  localDate: string;
  /** The row of an earlier, unfinished attempt today (claimed or failed), if any. */
  previous: Delivery | undefined;
}

type Row = SubscriptionRow & {
  today: string;
  d_status: DeliveryRow['status'] | null;
  d_nonce: string | null;
  d_message_id: string | null;
  d_claimed_at: string | null;
  d_delivered_at: string | null;
  d_attempts: number | null;
  d_error: string | null;
};

const statements = statementsFor((db) => ({
  // The zones arrive as one JSON parameter, so a tick is one query however many zones there are;
  // finished days (delivered or skipped) are filtered out here, not in JavaScript.
  unfinished: db.prepare<[string], Row>(
    `SELECT s.guild_id, s.channel_id, s.hour, s.time_zone, s.post_when_empty, s.created_by, s.created_at,
            s.updated_at, s.paused_reason, s.paused_at, s.last_error,
            z.local_date AS today, d.status AS d_status, d.nonce AS d_nonce, d.message_id AS d_message_id,
            d.claimed_at AS d_claimed_at, d.delivered_at AS d_delivered_at, d.attempts AS d_attempts, d.error AS d_error
     FROM (SELECT json_extract(value, '$.timeZone') AS time_zone,
                  json_extract(value, '$.localDate') AS local_date,
                  json_extract(value, '$.latestHour') AS latest_hour
           FROM json_each(?)) AS z
     JOIN subscriptions AS s
       ON s.time_zone = z.time_zone AND s.hour <= z.latest_hour AND s.paused_at IS NULL
     LEFT JOIN deliveries AS d ON d.channel_id = s.channel_id AND d.local_date = z.local_date
     WHERE d.status IS NULL OR d.status IN ('claimed', 'failed')`,
  ),
}));

/**
 * Unpaused subscriptions in the given zones, with an hour no later than the zone's `latestHour`,
 * whose delivery for the zone's local date is missing or unfinished.
 */
export function listUnfinishedDeliveries(db: Database, zones: readonly ZoneToday[]): UnfinishedDelivery[] {
  if (zones.length === 0) return [];
  return statements(db)
    .unfinished.all(JSON.stringify(zones))
    .map((row) => ({
      subscription: subscriptionFromRow(row),
      localDate: row.today,
      previous:
        row.d_status === null
          ? undefined
          : deliveryFromRow({
              channel_id: row.channel_id,
              local_date: row.today,
              status: row.d_status,
              nonce: row.d_nonce as string,
              message_id: row.d_message_id,
              claimed_at: row.d_claimed_at as string,
              delivered_at: row.d_delivered_at,
              attempts: row.d_attempts as number,
              error: row.d_error,
            }),
    }));
}
