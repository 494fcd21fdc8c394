import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DeliveryStoreError,
  runDeliveryTick,
  type ComposePost,
  type DeliveryTickReport,
  type SendPost,
} from '../../src/schedule/deliver.js';
import { deliveryNonce } from '../../src/schedule/nonce.js';
import { closeDatabase, type Database } from '../../src/store/database.js';
import { claimDelivery, getDelivery } from '../../src/store/deliveries.js';
import { getSubscription, removeSubscription, upsertSubscription } from '../../src/store/subscriptions.js';
import { useTempDatabases } from '../store/tempDatabase.js';
import { composeEveryDay, FakeClock, FakeDiscord, type PostedMessage, type TestPost } from './fakeDiscord.js';
import { wallClock } from './wallClock.js';

const temp = useTempDatabases();
const MINUTE = 60_000;
const LONG_AGO = new Date('2025-01-01T00:00:00Z');

function subscribe(db: Database, channelId: string, hour: number, timeZone: string, at: Date = LONG_AGO): void {
  upsertSubscription(db, { guildId: 'guild-1', channelId, hour, timeZone, createdBy: 'tester' }, at);
}

/** A bot with a real database file, a hand-moved clock and a fake Discord. */
function bot(start: string, options: { composePost?: ComposePost<TestPost>; send?: SendPost<TestPost> } = {}) {
  const clock = new FakeClock(start);
  const discord = new FakeDiscord(clock.now);
  let db = temp.open();
  const tick = (): Promise<DeliveryTickReport> =>
    runDeliveryTick({
      db,
      now: clock.now,
      composePost: options.composePost ?? composeEveryDay,
      send: options.send ?? discord.send,
    });
  return {
    clock,
    discord,
    get db() {
      return db;
    },
    tick,
    /** The process dies and comes back: a fresh connection to the same file, nothing kept in memory. */
    restart() {
      closeDatabase(db);
      db = temp.open();
    },
    /** Ticks every `step` from now until `until` (exclusive). */
    async runUntil(until: string, step = MINUTE): Promise<DeliveryTickReport[]> {
      const reports: DeliveryTickReport[] = [];
      const end = new Date(until).getTime();
      while (clock.now().getTime() < end) {
        reports.push(await tick());
        clock.advance(step);
      }
      return reports;
    },
  };
}

const summary = (messages: PostedMessage[]) =>
  messages.map((m) => `${m.channelId} ${m.content.localDate} ${m.at.toISOString()}`).sort();

describe('runDeliveryTick: when posts go out', () => {
  it('posts each subscription once per local day, at its hour in its own zone', async () => {
    const b = bot('2025-06-09T12:00:00Z');
    const created = b.clock.now();
    subscribe(b.db, 'new-york', 9, 'America/New_York', created);
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin', created);
    subscribe(b.db, 'tokyo', 9, 'Asia/Tokyo', created);
    subscribe(b.db, 'kolkata', 9, 'Asia/Kolkata', created);
    subscribe(b.db, 'utc', 0, 'UTC', created);
    await b.runUntil('2025-06-11T00:00:00Z');

    expect(summary(b.discord.messages)).toEqual([
      'berlin 2025-06-10 2025-06-10T07:00:00.000Z',
      'kolkata 2025-06-10 2025-06-10T03:30:00.000Z',
      'new-york 2025-06-09 2025-06-09T13:00:00.000Z',
      'new-york 2025-06-10 2025-06-10T13:00:00.000Z',
      'tokyo 2025-06-10 2025-06-10T00:00:00.000Z',
      'utc 2025-06-10 2025-06-10T00:00:00.000Z',
    ]);
    for (const message of b.discord.messages) {
      expect(message.nonce).toBe(deliveryNonce(message.channelId, message.content.localDate));
      expect(getDelivery(b.db, message.content)).toMatchObject({ status: 'delivered', messageId: message.id, attempts: 1 });
    }
  });

  it('reports what it did', async () => {
    const b = bot('2025-06-10T07:00:00Z', {
      composePost: (localDate, sub) => (sub.channelId === 'empty' ? null : composeEveryDay(localDate, sub)),
    });
    for (const channel of ['ok', 'empty', 'flaky', 'gone', 'later']) {
      subscribe(b.db, channel, channel === 'later' ? 10 : 9, 'Europe/Berlin');
    }
    b.discord.failNext('flaky', { kind: 'transient', error: '503 Service Unavailable' });
    b.discord.failNext('gone', { kind: 'permanent', reason: '404 Unknown Channel' });
    expect(await b.tick()).toEqual({
      at: new Date('2025-06-10T07:00:00Z'),
      due: 4,
      delivered: 1,
      skipped: 1,
      failed: 1,
      paused: 1,
    });
    expect(await b.tick()).toMatchObject({ due: 0 });
  });

  it('does not post on the day a subscription was made after its hour had passed', async () => {
    const b = bot('2025-06-10T08:00:00Z'); // 10:00 in Berlin
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin', b.clock.now());
    await b.runUntil('2025-06-11T08:00:00Z', 5 * MINUTE);
    expect(summary(b.discord.messages)).toEqual(['berlin 2025-06-11 2025-06-11T07:00:00.000Z']);
  });

  it('catches up today’s missed post after downtime, but not yesterday’s', async () => {
    const b = bot('2025-06-09T05:00:00Z'); // 07:00 Berlin: before the 09:00 post
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin');
    expect(await b.tick()).toMatchObject({ due: 0 });

    // Down from June 9, 07:00 until June 10, 08:00 (Berlin): June 9's post is lost for good.
    b.clock.set('2025-06-10T06:00:00Z');
    b.restart();
    expect(await b.tick()).toMatchObject({ due: 0 });

    // Down again from 08:00 to 15:00: today's post goes out as soon as the bot is back.
    b.clock.set('2025-06-10T13:00:00Z');
    b.restart();
    expect(await b.tick()).toMatchObject({ due: 1, delivered: 1 });
    await b.runUntil('2025-06-10T21:00:00Z');

    expect(summary(b.discord.messages)).toEqual(['berlin 2025-06-10 2025-06-10T13:00:00.000Z']);
    expect(getDelivery(b.db, { channelId: 'berlin', localDate: '2025-06-09' })).toBeUndefined();
  });

  it('never posts a day twice, even when the hour changes or the channel re-subscribes after posting', async () => {
    const b = bot('2025-06-10T07:00:00Z');
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin');
    await b.tick();
    subscribe(b.db, 'berlin', 15, 'Europe/Berlin', b.clock.now());
    removeSubscription(b.db, 'berlin');
    subscribe(b.db, 'berlin', 11, 'Europe/Berlin', new Date('2025-06-10T07:30:00Z'));
    await b.runUntil('2025-06-10T21:00:00Z', 5 * MINUTE);
    expect(b.discord.messages).toHaveLength(1);
  });

  it('moves today’s post when the hour is changed before it went out', async () => {
    const b = bot('2025-06-10T06:00:00Z');
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin');
    await b.tick();
    subscribe(b.db, 'berlin', 14, 'Europe/Berlin', b.clock.now());
    await b.runUntil('2025-06-10T21:00:00Z');
    expect(summary(b.discord.messages)).toEqual(['berlin 2025-06-10 2025-06-10T12:00:00.000Z']);
  });
});

describe('runDeliveryTick across clock changes', () => {
  // Each case ticks every minute through one local day (from 23:30 the evening before) with one
  // subscription per hour 0–23, all made at the start: each must post exactly once, on that day,
  // at the wall-clock hour — or, when that hour does not exist, at the first minute after the gap.
  it.each([
    ['America/New_York', '2025-03-09', '2025-03-09T04:30:00Z', '2025-03-10T04:00:00Z', { 1: '06:00', 2: '07:00', 3: '07:00' }],
    ['America/New_York', '2025-11-02', '2025-11-02T03:30:00Z', '2025-11-03T05:00:00Z', { 1: '05:00', 2: '07:00' }],
    ['Europe/Berlin', '2025-03-30', '2025-03-29T22:30:00Z', '2025-03-30T22:00:00Z', { 2: '01:00', 3: '01:00' }],
    ['Europe/Berlin', '2025-10-26', '2025-10-25T21:30:00Z', '2025-10-26T23:00:00Z', { 2: '00:00', 3: '02:00' }],
    ['Asia/Tokyo', '2025-03-09', '2025-03-08T14:30:00Z', '2025-03-09T15:00:00Z', { 0: '15:00', 9: '00:00' }],
    ['Asia/Kolkata', '2025-11-02', '2025-11-01T18:00:00Z', '2025-11-02T18:30:00Z', { 9: '03:30' }],
  ] as const)('%s on %s', async (zone, day, start, end, utcTimeOfHour) => {
    const b = bot(start);
    for (let hour = 0; hour < 24; hour += 1) subscribe(b.db, `hour-${hour}`, hour, zone, b.clock.now());
    await b.runUntil(end);

    for (let hour = 0; hour < 24; hour += 1) {
      const posts = b.discord.messagesIn(`hour-${hour}`);
      expect(posts, `hour ${hour}`).toHaveLength(1);
      const [post] = posts as [PostedMessage];
      expect(post.content.localDate).toBe(day);
      const target = `${day} ${String(hour).padStart(2, '0')}:00`;
      expect(wallClock(post.at, zone) >= target, `hour ${hour} posted at ${wallClock(post.at, zone)}`).toBe(true);
      expect(wallClock(new Date(post.at.getTime() - MINUTE), zone) < target, `hour ${hour} posted late`).toBe(true);
    }
    for (const [hour, utcTime] of Object.entries(utcTimeOfHour)) {
      const [post] = b.discord.messagesIn(`hour-${hour}`) as [PostedMessage];
      expect(post.at.toISOString().slice(11, 16), `hour ${hour}`).toBe(utcTime);
    }
  });
});

describe('runDeliveryTick when Discord says no', () => {
  it.each([
    ['403 Missing Access'],
    ['404 Unknown Channel'],
  ])('%s pauses the subscription and stops trying; re-subscribing resumes it', async (reason) => {
    const b = bot('2025-06-10T07:00:00Z');
    subscribe(b.db, 'lost', 9, 'Europe/Berlin');
    subscribe(b.db, 'fine', 9, 'Europe/Berlin');
    b.discord.failNext('lost', { kind: 'permanent', reason });

    expect(await b.tick()).toMatchObject({ due: 2, delivered: 1, paused: 1 });
    expect(getSubscription(b.db, 'lost')).toMatchObject({ pausedReason: reason, pausedAt: b.clock.now(), lastError: reason });
    expect(getDelivery(b.db, { channelId: 'lost', localDate: '2025-06-10' })).toMatchObject({ status: 'failed', error: reason });

    b.clock.advance(MINUTE);
    await b.runUntil('2025-06-12T00:00:00Z', 5 * MINUTE);
    expect(b.discord.requestsTo('lost')).toBe(1);
    expect(b.discord.messagesIn('lost')).toEqual([]);
    expect(b.discord.messagesIn('fine')).toHaveLength(2);

    // Someone fixed the permissions and subscribed again: today's post is owed and sent once.
    b.clock.set('2025-06-12T10:00:00Z');
    subscribe(b.db, 'lost', 9, 'Europe/Berlin');
    await b.runUntil('2025-06-12T12:00:00Z');
    expect(summary(b.discord.messagesIn('lost'))).toEqual(['lost 2025-06-12 2025-06-12T10:00:00.000Z']);
  });

  it('retries a transient failure and posts exactly once', async () => {
    const b = bot('2025-06-10T07:00:00Z');
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin');
    b.discord.failNext('berlin', { kind: 'transient', error: '503 Service Unavailable' });

    expect(await b.tick()).toMatchObject({ failed: 1, delivered: 0 });
    expect(getSubscription(b.db, 'berlin')?.lastError).toBe('503 Service Unavailable');
    await b.runUntil('2025-06-10T09:00:00Z');

    expect(b.discord.messages).toHaveLength(1);
    expect(b.discord.requestsTo('berlin')).toBe(2);
    const delivery = getDelivery(b.db, { channelId: 'berlin', localDate: '2025-06-10' });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, messageId: b.discord.messages[0]?.id, error: null });
    expect(getSubscription(b.db, 'berlin')).toMatchObject({ lastError: null, pausedAt: null });
  });

  it('backs off between retries of a failing channel, and the next day starts afresh', async () => {
    const b = bot('2025-06-10T07:00:00Z');
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin');
    b.discord.failNext('berlin', ...Array.from({ length: 50 }, () => ({ kind: 'transient' as const, error: '502' })));
    await b.runUntil('2025-06-10T09:00:00Z');
    const minutesAfterHour = b.discord.requests.map((r) => (r.at.getTime() - Date.parse('2025-06-10T07:00:00Z')) / MINUTE);
    expect(minutesAfterHour).toEqual([0, 1, 3, 7, 15, 31, 61, 91]);
    expect(getDelivery(b.db, { channelId: 'berlin', localDate: '2025-06-10' })).toMatchObject({ status: 'failed', attempts: 8 });

    b.discord.recover('berlin');
    b.clock.set('2025-06-11T07:00:00Z');
    await b.tick();
    expect(summary(b.discord.messages)).toEqual(['berlin 2025-06-11 2025-06-11T07:00:00.000Z']);
  });

  it('treats a send that throws as transient', async () => {
    let calls = 0;
    const clock = new FakeClock('2025-06-10T07:00:00Z');
    const discord = new FakeDiscord(clock.now);
    const db = temp.open();
    subscribe(db, 'berlin', 9, 'Europe/Berlin');
    const send: SendPost<TestPost> = async (...args) => {
      calls += 1;
      if (calls === 1) throw new Error('socket hang up');
      return discord.send(...args);
    };
    const tick = () => runDeliveryTick({ db, now: clock.now, composePost: composeEveryDay, send });
    expect(await tick()).toMatchObject({ failed: 1 });
    expect(getDelivery(db, { channelId: 'berlin', localDate: '2025-06-10' })?.error).toBe('socket hang up');
    clock.advance(MINUTE);
    expect(await tick()).toMatchObject({ delivered: 1 });
    expect(discord.messages).toHaveLength(1);
  });

  it('skips a day with nothing to post, for good', async () => {
    const seen: { localDate: string; postWhenEmpty: boolean }[] = [];
    const b = bot('2025-06-10T07:00:00Z', {
      composePost: (localDate, subscription) => {
        seen.push({ localDate, postWhenEmpty: subscription.postWhenEmpty });
        return null;
      },
    });
    upsertSubscription(
      b.db,
      { guildId: 'g', channelId: 'berlin', hour: 9, timeZone: 'Europe/Berlin', postWhenEmpty: true, createdBy: 'u' },
      LONG_AGO,
    );
    expect(await b.tick()).toMatchObject({ due: 1, skipped: 1 });
    await b.runUntil('2025-06-10T21:00:00Z', 5 * MINUTE);
    expect(seen).toEqual([{ localDate: '2025-06-10', postWhenEmpty: true }]);
    expect(b.discord.requests).toEqual([]);
    expect(getDelivery(b.db, { channelId: 'berlin', localDate: '2025-06-10' })?.status).toBe('skipped');
  });

  it('retries when composing the post fails', async () => {
    let failures = 1;
    const b = bot('2025-06-10T07:00:00Z', {
      composePost: (localDate, subscription) => {
        if (failures-- > 0) throw new Error('summary not loaded');
        return composeEveryDay(localDate, subscription);
      },
    });
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin');
    expect(await b.tick()).toMatchObject({ failed: 1 });
    expect(getDelivery(b.db, { channelId: 'berlin', localDate: '2025-06-10' })?.error).toMatch(/summary not loaded/);
    await b.runUntil('2025-06-10T08:00:00Z');
    expect(b.discord.messages).toHaveLength(1);
  });
});

describe('runDeliveryTick keeps the deliveries table small', () => {
  it('deletes rows more than 90 days (plus a day for zones) old, keeps the rest, and still posts', async () => {
    const b = bot('2025-06-10T07:00:00Z');
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin');
    const old = ['2025-03-09', '2025-03-10', '2025-03-11', '2025-06-09'];
    for (const localDate of old) claimDelivery(b.db, { channelId: 'archive', localDate, nonce: `n-${localDate}` }, LONG_AGO);

    expect(await b.tick()).toMatchObject({ due: 1, delivered: 1 });
    const kept = [...old, '2025-06-10'].filter((localDate) =>
      [getDelivery(b.db, { channelId: 'archive', localDate }), getDelivery(b.db, { channelId: 'berlin', localDate })].some(Boolean),
    );
    expect(kept).toEqual(['2025-03-11', '2025-06-09', '2025-06-10']);
  });

  it('keeps as many days as asked', async () => {
    const clock = new FakeClock('2025-06-10T07:00:00Z');
    const db = temp.open();
    claimDelivery(db, { channelId: 'archive', localDate: '2025-06-07', nonce: 'n1' }, LONG_AGO);
    claimDelivery(db, { channelId: 'archive', localDate: '2025-06-08', nonce: 'n2' }, LONG_AGO);
    await runDeliveryTick({ db, now: clock.now, composePost: composeEveryDay, send: new FakeDiscord(clock.now).send, keepDays: 1 });
    expect(getDelivery(db, { channelId: 'archive', localDate: '2025-06-07' })).toBeUndefined();
    expect(getDelivery(db, { channelId: 'archive', localDate: '2025-06-08' })).toBeDefined();
  });
});

describe('runDeliveryTick across crashes', () => {
  it('a crash after claiming, before sending: the next run sends once, with the same nonce', async () => {
    const b = bot('2025-06-10T07:00:00Z');
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin');
    const key = { channelId: 'berlin', localDate: '2025-06-10' };
    claimDelivery(b.db, { ...key, nonce: deliveryNonce(key.channelId, key.localDate) }, b.clock.now());
    b.restart();

    b.clock.advance(MINUTE);
    await b.runUntil('2025-06-10T09:00:00Z');
    expect(b.discord.messages).toHaveLength(1);
    expect(b.discord.messages[0]?.nonce).toBe(deliveryNonce(key.channelId, key.localDate));
    expect(getDelivery(b.db, key)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('a process killed after Discord accepted the post, before recording it: still exactly one message', async () => {
    const b = bot('2025-06-10T07:00:00Z');
    subscribe(b.db, 'berlin', 9, 'Europe/Berlin');
    closeDatabase(b.db);

    const messagesFile = `${temp.directory()}/messages.jsonl`;
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./fixtures/crashAfterSend.ts', import.meta.url)),
        temp.pathFor(),
        b.clock.now().toISOString(),
        messagesFile,
      ],
      { cwd: fileURLToPath(new URL('../../', import.meta.url)), encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const sentBeforeCrash = readFileSync(messagesFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PostedMessage & { at: string });
    expect(sentBeforeCrash).toHaveLength(1);
    for (const message of sentBeforeCrash) b.discord.remember({ ...message, at: new Date(message.at) });

    b.restart();
    const key = { channelId: 'berlin', localDate: '2025-06-10' };
    expect(getDelivery(b.db, key)).toMatchObject({ status: 'claimed', attempts: 1 });

    b.clock.advance(MINUTE);
    await b.runUntil('2025-06-10T09:00:00Z');
    expect(b.discord.messages).toHaveLength(1);
    expect(b.discord.requestsTo('berlin')).toBe(1);
    expect(getDelivery(b.db, key)).toMatchObject({ status: 'delivered', messageId: 'msg-before-crash', attempts: 2 });
  });
});

describe('runDeliveryTick when the database is unavailable', () => {
  it('sends nothing while the database is locked, and delivers once it is free', async () => {
    const clock = new FakeClock('2025-06-10T07:00:00Z');
    const discord = new FakeDiscord(clock.now);
    const db = temp.open('briefing.sqlite', { busyTimeoutMs: 20 });
    subscribe(db, 'berlin', 9, 'Europe/Berlin');
    const tick = () => runDeliveryTick({ db, now: clock.now, composePost: composeEveryDay, send: discord.send });

    const other = new BetterSqlite3(temp.pathFor());
    other.exec('BEGIN IMMEDIATE');
    const failure = await tick().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryStoreError);
    expect((failure as Error).message).toMatch(/claim berlin 2025-06-10.*locked/);
    expect((failure as DeliveryStoreError).report).toMatchObject({ due: 1, delivered: 0, failed: 1 });
    expect(discord.requests).toEqual([]);

    other.exec('ROLLBACK');
    other.close();
    clock.advance(MINUTE);
    expect(await tick()).toMatchObject({ delivered: 1 });
    expect(discord.messages).toHaveLength(1);
  });

  it('a post that went out but could not be recorded is matched by its nonce on the next tick', async () => {
    const clock = new FakeClock('2025-06-10T07:00:00Z');
    const discord = new FakeDiscord(clock.now);
    const db = temp.open('briefing.sqlite', { busyTimeoutMs: 20 });
    subscribe(db, 'a', 9, 'Europe/Berlin');
    subscribe(db, 'b', 10, 'Europe/Berlin');
    const other = new BetterSqlite3(temp.pathFor());
    const lockAfterSend: SendPost<TestPost> = async (...args) => {
      const outcome = await discord.send(...args);
      if (!other.inTransaction) other.exec('BEGIN IMMEDIATE');
      return outcome;
    };
    clock.set('2025-06-10T08:00:00Z');
    const failure = await runDeliveryTick({ db, now: clock.now, composePost: composeEveryDay, send: lockAfterSend, concurrency: 1 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DeliveryStoreError);
    expect((failure as Error).message).toMatch(/record message msg-1/);
    expect(discord.messages).toHaveLength(1); // the tick stopped: 'b' was not sent unrecorded as well

    other.exec('ROLLBACK');
    other.close();
    clock.advance(MINUTE);
    expect(await runDeliveryTick({ db, now: clock.now, composePost: composeEveryDay, send: discord.send })).toMatchObject({
      due: 2,
      delivered: 2,
    });
    expect(discord.messages.map((m) => m.channelId).sort()).toEqual(['a', 'b']);
    expect(getDelivery(db, { channelId: 'a', localDate: '2025-06-10' })).toMatchObject({ messageId: 'msg-1', attempts: 2 });
  });
});

describe('runDeliveryTick with many channels due at once', () => {
  it('keeps at most `concurrency` sends in flight and delivers them all', async () => {
    const clock = new FakeClock('2025-06-10T07:00:00Z');
    const discord = new FakeDiscord(clock.now);
    const db = temp.open();
    for (let i = 0; i < 30; i += 1) subscribe(db, `channel-${i}`, 9, 'Europe/Berlin');
    let inFlight = 0;
    let mostInFlight = 0;
    const slowSend: SendPost<TestPost> = async (...args) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return discord.send(...args);
    };
    const report = await runDeliveryTick({ db, now: clock.now, composePost: composeEveryDay, send: slowSend, concurrency: 3 });
    expect(report).toMatchObject({ due: 30, delivered: 30 });
    expect(mostInFlight).toBe(3);
    expect(new Set(discord.messages.map((m) => m.channelId)).size).toBe(30);
  });
});
