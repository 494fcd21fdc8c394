import type { Database } from '../store/database.js';
import { claimDelivery, markDelivered, markFailed, markSkipped, pruneDeliveries, type DeliveryKey } from '../store/deliveries.js';
import { pauseSubscription, recordSubscriptionError, type Subscription } from '../store/subscriptions.js';
import { findDueDeliveries, type DueDelivery } from './due.js';
import { deliveryNonce } from './nonce.js';
import type { LocalDate } from './time.js';

/** What the platform layer reports back for one send. */
export type SendOutcome =
  /** Posted (or Discord matched the nonce to the message already posted). */
  | { kind: 'sent'; messageId: string }
  /** Worth retrying later today: rate limit, 5xx, network. */
  | { kind: 'transient'; error: string }
  /** The channel is lost to the bot (403 missing access/permissions, 404 unknown channel): pause it. */
  | { kind: 'permanent'; reason: string };

export interface SendAttempt {
  localDate: LocalDate;
  /** 1 for the first try of the day; higher when re-sending after a failure or a crash. */
  attempt: number;
}

/**
 * Sends one post. Must pass `nonce` to the platform with deduplication enforced (Discord:
 * `nonce` + `enforce_nonce: true`), so that a re-send after a crash cannot post twice.
 * A thrown error is treated as transient.
 */
export type SendPost<Content> = (
  channelId: string,
  content: Content,
  nonce: string,
  attempt: SendAttempt,
) => Promise<SendOutcome>;

/**
 * Builds the day's post for a subscription, platform-free; null when there is nothing to post
 * (the composer applies `subscription.postWhenEmpty`).
 */
export type ComposePost<Content> = (
  localDate: LocalDate,
  subscription: Subscription,
) => Content | null | Promise<Content | null>;

/** pino-compatible: pass a pino logger as it is. */
export interface DeliveryLogger {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

export interface DeliveryTickOptions<Content> {
  db: Database;
  now: () => Date;
  composePost: ComposePost<Content>;
  send: SendPost<Content>;
  logger?: DeliveryLogger;
  /** Sends in flight at once; the platform layer does the rate limiting. Default 4. */
  concurrency?: number;
  /** Delivery rows older than this many days are deleted at the end of a tick. Default 90. */
  keepDays?: number;
}

/**
 * How long delivery rows are kept: long enough for /subscriptions to show the last post and for
 * anyone looking into a complaint, short enough that the table stays the size of a season
 * (10,000 channels add 10,000 rows a day). Only today's rows matter for exactly-once.
 */
export const DELIVERY_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

export interface DeliveryTickReport {
  at: Date;
  /** Posts owed when the tick looked. */
  due: number;
  delivered: number;
  skipped: number;
  /** Failed this time; retried on a later tick today. */
  failed: number;
  /** Failed for good: the subscription is now paused. */
  paused: number;
}

/**
 * The database stopped accepting reads or writes mid-tick. The tick stops sending at once (a post
 * that cannot be claimed must not be sent); whatever was left is owed again on the next tick.
 */
export class DeliveryStoreError extends Error {
  override readonly name = 'DeliveryStoreError';
  constructor(
    message: string,
    readonly report: DeliveryTickReport,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

type Result = 'delivered' | 'skipped' | 'failed' | 'paused' | 'not-owed';

const silent: DeliveryLogger = { info() {}, warn() {}, error() {} };

/**
 * One pass of the daily scheduler: finds what is owed now and delivers it exactly once per
 * (channel, local date): claim the row, send with the day's deterministic nonce, record the result.
 */
export async function runDeliveryTick<Content>(options: DeliveryTickOptions<Content>): Promise<DeliveryTickReport> {
  const { db, now, logger = silent } = options;
  const at = now();
  const report: DeliveryTickReport = { at, due: 0, delivered: 0, skipped: 0, failed: 0, paused: 0 };

  let due: DueDelivery[];
  try {
    due = findDueDeliveries(db, at);
  } catch (error) {
    throw new DeliveryStoreError(`could not read what is due: ${describe(error)}`, report, { cause: error });
  }
  report.due = due.length;

  let storeFailure: StoreFailure | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (storeFailure === undefined && next < due.length) {
      const item = due[next++] as DueDelivery;
      try {
        const result = await deliverOne(item, options, logger);
        if (result !== 'not-owed') report[result] += 1;
      } catch (error) {
        if (!(error instanceof StoreFailure)) throw error;
        storeFailure ??= error;
        report.failed += 1;
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, due.length));
  await Promise.all(Array.from({ length: workers }, worker));

  if (storeFailure) {
    logger.error({ err: storeFailure.cause, report }, `delivery tick stopped: ${storeFailure.message}`);
    throw new DeliveryStoreError(storeFailure.message, report, { cause: storeFailure.cause });
  }
  if (report.due > 0) logger.info({ report }, 'delivery tick finished');
  pruneOldDeliveries(db, at, options.keepDays ?? DELIVERY_RETENTION_DAYS, logger);
  return report;
}

/**
 * Deletes rows for local dates more than `keepDays` before today in UTC (a day's slack covers
 * every zone). Uses the local_date index, so a tick with nothing to prune costs one lookup.
 * A failure here loses nothing: it is logged and retried next tick.
 */
function pruneOldDeliveries(db: Database, at: Date, keepDays: number, logger: DeliveryLogger): void {
  const cutoff = new Date(at.getTime() - (keepDays + 1) * DAY_MS).toISOString().slice(0, 10);
  try {
    const removed = pruneDeliveries(db, cutoff);
    if (removed > 0) logger.info({ removed, before: cutoff }, 'pruned old delivery rows');
  } catch (error) {
    logger.warn({ err: error }, 'could not prune old delivery rows');
  }
}

async function deliverOne<Content>(
  { subscription, localDate, previous }: DueDelivery,
  { db, now, composePost, send }: DeliveryTickOptions<Content>,
  logger: DeliveryLogger,
): Promise<Result> {
  const { channelId } = subscription;
  const key: DeliveryKey = { channelId, localDate };
  const context = { channelId, guildId: subscription.guildId, localDate };
  const nonce = previous?.nonce ?? deliveryNonce(channelId, localDate);

  const claim = store(`claim ${channelId} ${localDate}`, () => claimDelivery(db, { ...key, nonce }, now()));
  if (!claim) return 'not-owed';

  let content: Content | null;
  try {
    content = await composePost(localDate, subscription);
  } catch (error) {
    logger.error({ ...context, err: error }, 'could not compose the daily post');
    store(`record failure for ${channelId}`, () => markFailed(db, key, `compose: ${describe(error)}`));
    return 'failed';
  }
  if (content === null) {
    store(`record skip for ${channelId}`, () => markSkipped(db, key, 'nothing to post'));
    return 'skipped';
  }

  let outcome: SendOutcome;
  try {
    outcome = await send(channelId, content, claim.nonce, { localDate, attempt: claim.attempts });
  } catch (error) {
    outcome = { kind: 'transient', error: describe(error) };
  }

  switch (outcome.kind) {
    case 'sent': {
      const { messageId } = outcome;
      store(`record message ${messageId} (posted, will be re-sent with the same nonce)`, () => {
        markDelivered(db, key, messageId, now());
        if (subscription.lastError !== null) recordSubscriptionError(db, channelId, null);
      });
      return 'delivered';
    }
    case 'transient':
      logger.warn({ ...context, attempt: claim.attempts, error: outcome.error }, 'daily post failed; will retry');
      store(`record failure for ${channelId}`, () =>
        db.transaction(() => {
          markFailed(db, key, outcome.error);
          recordSubscriptionError(db, channelId, outcome.error);
        })(),
      );
      return 'failed';
    case 'permanent':
      logger.warn({ ...context, reason: outcome.reason }, 'channel lost; subscription paused');
      store(`pause ${channelId}`, () =>
        db.transaction(() => {
          markFailed(db, key, outcome.reason);
          pauseSubscription(db, channelId, outcome.reason, now());
        })(),
      );
      return 'paused';
  }
}

class StoreFailure extends Error {}

/** Runs a store call; a failure aborts the tick rather than being mistaken for a send failure. */
function store<T>(what: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw new StoreFailure(`database error while trying to ${what}: ${describe(error)}`, { cause: error });
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
