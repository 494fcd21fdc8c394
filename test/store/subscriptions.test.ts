import { describe, expect, it } from 'vitest';
import { closeDatabase } from '../../src/store/database.js';
import {
  countSubscriptions,
  getSubscription,
  InvalidSubscriptionError,
  listActiveSubscriptions,
  listSubscriptions,
  pauseSubscription,
  recordSubscriptionError,
  removeGuildSubscriptions,
  removeSubscription,
  resumeSubscription,
  upsertSubscription,
  type SubscriptionRequest,
} from '../../src/store/subscriptions.js';
import { useTempDatabases } from './tempDatabase.js';

const temp = useTempDatabases();
const monday = new Date('2025-06-02T08:00:00Z');
const tuesday = new Date('2025-06-03T08:00:00Z');
const request = (overrides: Partial<SubscriptionRequest> = {}): SubscriptionRequest => ({
  guildId: 'guild-1',
  channelId: 'chan-1',
  hour: 9,
  timeZone: 'Europe/Berlin',
  createdBy: 'alice',
  ...overrides,
});

describe('subscriptions', () => {
  it('subscribes a channel and reads it back typed', () => {
    const db = temp.open();
    const { subscription, created } = upsertSubscription(db, request({ postWhenEmpty: true }), monday);
    expect(created).toBe(true);
    expect(getSubscription(db, 'chan-1')).toEqual(subscription);
    expect(subscription).toEqual({
      guildId: 'guild-1',
      channelId: 'chan-1',
      hour: 9,
      timeZone: 'Europe/Berlin',
      postWhenEmpty: true,
      createdBy: 'alice',
      createdAt: monday,
      updatedAt: monday,
      pausedReason: null,
      pausedAt: null,
      lastError: null,
    });
    expect(upsertSubscription(db, request({ channelId: 'chan-2' }), monday).subscription.postWhenEmpty).toBe(false);
  });

  it('re-subscribing the same channel updates it: one row, original creator and creation time kept', () => {
    const db = temp.open();
    upsertSubscription(db, request(), monday);
    const { subscription, created } = upsertSubscription(
      db,
      request({ hour: 18, timeZone: 'Asia/Tokyo', postWhenEmpty: true, createdBy: 'bob' }),
      tuesday,
    );
    expect(created).toBe(false);
    expect(subscription).toMatchObject({
      hour: 18,
      timeZone: 'Asia/Tokyo',
      postWhenEmpty: true,
      createdBy: 'alice',
      createdAt: monday,
      updatedAt: tuesday,
    });
    expect(listSubscriptions(db, 'guild-1')).toHaveLength(1);
  });

  it('re-subscribing resumes a paused subscription and clears its error', () => {
    const db = temp.open();
    upsertSubscription(db, request(), monday);
    pauseSubscription(db, 'chan-1', '403 Missing Access', monday);
    const { subscription } = upsertSubscription(db, request(), tuesday);
    expect(subscription).toMatchObject({ pausedReason: null, pausedAt: null, lastError: null });
  });

  it.each([
    [{ hour: 24 }, /hour/],
    [{ hour: -1 }, /hour/],
    [{ hour: 8.5 }, /hour/],
    [{ timeZone: 'Mars/Olympus_Mons' }, /not an IANA time zone/],
    [{ timeZone: '+05:00' }, /not an IANA time zone/],
    [{ timeZone: '' }, /not an IANA time zone/],
    [{ channelId: ' ' }, /channelId is empty/],
  ])('rejects %o', (overrides, message) => {
    const db = temp.open();
    expect(() => upsertSubscription(db, request(overrides), monday)).toThrow(InvalidSubscriptionError);
    expect(() => upsertSubscription(db, request(overrides), monday)).toThrow(message);
    expect(countSubscriptions(db).total).toBe(0);
  });

  it('stores the canonical spelling of a zone typed carelessly', () => {
    const db = temp.open();
    const { subscription } = upsertSubscription(db, request({ timeZone: ' america/new_york ' }), monday);
    expect(subscription.timeZone).toBe('America/New_York');
  });

  it('lists a guild’s subscriptions oldest first, and only that guild’s', () => {
    const db = temp.open();
    upsertSubscription(db, request({ channelId: 'late' }), tuesday);
    upsertSubscription(db, request({ channelId: 'early' }), monday);
    upsertSubscription(db, request({ channelId: 'elsewhere', guildId: 'guild-2' }), monday);
    expect(listSubscriptions(db, 'guild-1').map((s) => s.channelId)).toEqual(['early', 'late']);
    expect(listSubscriptions(db, 'guild-2').map((s) => s.channelId)).toEqual(['elsewhere']);
    expect(listSubscriptions(db, 'guild-3')).toEqual([]);
  });

  it('unsubscribes a channel, or a whole guild', () => {
    const db = temp.open();
    upsertSubscription(db, request({ channelId: 'a' }), monday);
    upsertSubscription(db, request({ channelId: 'b' }), monday);
    upsertSubscription(db, request({ channelId: 'c', guildId: 'guild-2' }), monday);
    expect(removeSubscription(db, 'a')).toBe(true);
    expect(removeSubscription(db, 'a')).toBe(false);
    expect(getSubscription(db, 'a')).toBeUndefined();
    expect(removeGuildSubscriptions(db, 'guild-1')).toBe(1);
    expect(listActiveSubscriptions(db).map((s) => s.channelId)).toEqual(['c']);
  });

  it('pauses and resumes; paused subscriptions are not active', () => {
    const db = temp.open();
    upsertSubscription(db, request({ channelId: 'a' }), monday);
    upsertSubscription(db, request({ channelId: 'b' }), monday);
    expect(pauseSubscription(db, 'a', '404 Unknown Channel', tuesday)).toBe(true);
    expect(pauseSubscription(db, 'nope', 'x', tuesday)).toBe(false);
    expect(getSubscription(db, 'a')).toMatchObject({
      pausedReason: '404 Unknown Channel',
      pausedAt: tuesday,
      lastError: '404 Unknown Channel',
    });
    expect(listActiveSubscriptions(db).map((s) => s.channelId)).toEqual(['b']);
    expect(countSubscriptions(db)).toEqual({ total: 2, paused: 1 });

    expect(resumeSubscription(db, 'a', tuesday)).toBe(true);
    expect(getSubscription(db, 'a')).toMatchObject({ pausedReason: null, pausedAt: null, lastError: null });
    expect(listActiveSubscriptions(db)).toHaveLength(2);
  });

  it('records and clears the last error without pausing', () => {
    const db = temp.open();
    upsertSubscription(db, request(), monday);
    recordSubscriptionError(db, 'chan-1', '503 Service Unavailable');
    expect(getSubscription(db, 'chan-1')).toMatchObject({ lastError: '503 Service Unavailable', pausedAt: null });
    recordSubscriptionError(db, 'chan-1', null);
    expect(getSubscription(db, 'chan-1')?.lastError).toBeNull();
  });

  it('keeps values verbatim (parameters, not string-built SQL) and persists them in the file', () => {
    const db = temp.open();
    const hostile = "x'); DROP TABLE subscriptions; --";
    upsertSubscription(db, request({ channelId: hostile, createdBy: 'O\'Brien "quoted"' }), monday);
    closeDatabase(db);
    const reopened = temp.open();
    expect(getSubscription(reopened, hostile)?.createdBy).toBe('O\'Brien "quoted"');
  });
});
