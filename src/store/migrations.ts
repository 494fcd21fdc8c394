/**
 * The schema, as an ordered list of migrations. Each runs once, in its own transaction, and is
 * recorded in `schema_migrations` (and mirrored in `PRAGMA user_version`).
 * Never edit a migration that has shipped: append a new one.
 */
export interface Migration {
  /** 1, 2, 3, … with no gaps: the position in the list. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions and deliveries',
    // Instants are ISO-8601 UTC strings (they sort as text); local dates are YYYY-MM-DD in the
    // subscription's zone. Deliveries carry no foreign key on purpose: they outlive an
    // unsubscribe, so unsubscribing and re-subscribing the same day cannot post that day twice.
    sql: `
      CREATE TABLE subscriptions (
        channel_id      TEXT    NOT NULL PRIMARY KEY,
        guild_id        TEXT    NOT NULL,
        hour            INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
        time_zone       TEXT    NOT NULL CHECK (length(time_zone) > 0),
        post_when_empty INTEGER NOT NULL DEFAULT 0 CHECK (post_when_empty IN (0, 1)),
        created_by      TEXT    NOT NULL,
        created_at      TEXT    NOT NULL,
        updated_at      TEXT    NOT NULL,
        paused_reason   TEXT,
        paused_at       TEXT,
        last_error      TEXT,
        CHECK ((paused_at IS NULL) = (paused_reason IS NULL))
      ) STRICT;
      CREATE INDEX subscriptions_by_guild ON subscriptions (guild_id);
      -- The scheduler looks active subscriptions up by zone and hour, every minute.
      CREATE INDEX active_subscriptions_by_zone ON subscriptions (time_zone, hour) WHERE paused_at IS NULL;

      CREATE TABLE deliveries (
        channel_id   TEXT    NOT NULL,
        local_date   TEXT    NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status       TEXT    NOT NULL CHECK (status IN ('claimed', 'delivered', 'skipped', 'failed')),
        nonce        TEXT    NOT NULL CHECK (length(nonce) BETWEEN 1 AND 25),
        message_id   TEXT,
        claimed_at   TEXT    NOT NULL,
        delivered_at TEXT,
        attempts     INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
        error        TEXT,
        CONSTRAINT one_delivery_per_channel_day UNIQUE (channel_id, local_date),
        CHECK ((status = 'delivered') = (message_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX deliveries_by_date ON deliveries (local_date);
    `,
  },
];
