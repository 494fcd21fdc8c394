import type { Database } from '../store/database.js';
import type { Delivery } from '../store/deliveries.js';
import { listUnfinishedDeliveries, type ZoneToday } from '../store/pending.js';
import { activeTimeZones, type Subscription } from '../store/subscriptions.js';
import { ZoneCalendar, type LocalDate } from './time.js';

/** A subscription whose post for its current local day is owed now. */
export interface DueDelivery {
  subscription: Subscription;
  localDate: LocalDate;
  /** When the post fell due (the configured hour, DST-adjusted). */
  postAt: Date;
  /** The row left by an earlier attempt today (claimed or failed), if any. */
  previous: Delivery | undefined;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MAX_RETRY_DELAY = 30 * MINUTE;
/** Ticks land on the minute while claims are stamped a little later; don't lose a tick to that. */
const TICK_SLACK = 15_000;
const calendar = new ZoneCalendar();

/** How long to wait after the `attempts`-th failed send before trying again: 1, 2, 4, … 30 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY);
}

/**
 * What is owed at `now`: every unpaused subscription whose hour has come on its current local day,
 * for which that day is neither delivered nor skipped. Only the current local day counts, so after
 * downtime the missed post of today is caught up and those of earlier days are not.
 *
 * A new subscription is not owed the day on which it was created after the hour had passed.
 * A row still 'claimed' belongs to an attempt that never finished (ticks never overlap), so it is
 * owed again at once — with its stored nonce. This assumes one scheduler per database file.
 */
export function findDueDeliveries(db: Database, now: Date): DueDelivery[] {
  // Zone arithmetic happens here, once per zone (the calendar remembers it between ticks); the
  // database then returns only the subscriptions that might be owed, with any earlier attempt.
  const zones: ZoneToday[] = activeTimeZones(db).map((timeZone) => {
    const day = calendar.dayOf(now, timeZone);
    // Hours elapsed since local midnight, plus slack for a DST jump (up to two hours): a cheap
    // upper bound on the wall-clock hour, so SQL can leave out hours that cannot have come yet.
    const elapsedHours = Math.floor((now.getTime() - day.from) / HOUR);
    return { timeZone, localDate: day.localDate, latestHour: Math.min(23, elapsedHours + 2) };
  });

  const due: DueDelivery[] = [];
  for (const { subscription, localDate, previous } of listUnfinishedDeliveries(db, zones)) {
    const postAt = calendar.postInstantFor(localDate, subscription.hour, subscription.timeZone);
    if (postAt > now || postAt < subscription.createdAt) continue;
    if (previous && !isOwedAgain(previous, now)) continue;
    due.push({ subscription, localDate, postAt, previous });
  }
  return due.sort((a, b) => a.postAt.getTime() - b.postAt.getTime());
}

function isOwedAgain(previous: Delivery, now: Date): boolean {
  switch (previous.status) {
    case 'delivered':
    case 'skipped':
      return false;
    case 'claimed':
      return true;
    case 'failed':
      return now.getTime() - previous.claimedAt.getTime() >= retryDelayMs(previous.attempts) - TICK_SLACK;
  }
}
