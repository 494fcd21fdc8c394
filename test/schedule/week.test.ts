import { describe, expect, it } from 'vitest';
import { runDeliveryTick, type SendPost } from '../../src/schedule/deliver.js';
import { addDays } from '../../src/schedule/time.js';
import { closeDatabase, type Database } from '../../src/store/database.js';
import { deliveriesSince } from '../../src/store/deliveries.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { useTempDatabases } from '../store/tempDatabase.js';
import { composeEveryDay, FakeClock, FakeDiscord, type TestPost } from './fakeDiscord.js';
import { wallClock } from './wallClock.js';

const temp = useTempDatabases();
const MINUTE = 60_000;
const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Auckland',
  'UTC',
];

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('200 subscriptions over a simulated week and a half, minute by minute', () => {
  // Covers Europe's (Oct 26) and North America's (Nov 2) fall back, with flaky sends and with
  // processes that die right after Discord accepted a post; every tick is a real SQLite round trip.
  it('posts exactly once per channel per local day, at the configured hour', async () => {
    const next = random(20251025);
    const start = new Date('2025-10-25T00:00:00Z');
    const end = new Date('2025-11-03T12:00:00Z');
    const clock = new FakeClock(start);
    const discord = new FakeDiscord(clock.now);
    let db: Database = temp.open();

    const channels = Array.from({ length: 200 }, (_, i) => ({
      channelId: `channel-${i}`,
      timeZone: ZONES[Math.floor(next() * ZONES.length)] as string,
      hour: Math.floor(next() * 24),
    }));
    for (const { channelId, timeZone, hour } of channels) {
      upsertSubscription(db, { guildId: 'guild-sim', channelId, hour, timeZone, createdBy: 'sim' }, start);
    }

    let transientFailures = 0;
    const crashes: number[] = [];
    let crashed: () => void = () => {};
    const flakySend: SendPost<TestPost> = async (channelId, content, nonce, attempt) => {
      const roll = next();
      if (roll < 0.08) {
        transientFailures += 1;
        return { kind: 'transient', error: '503 Service Unavailable' };
      }
      const outcome = await discord.send(channelId, content, nonce, attempt);
      if (roll > 0.99) {
        crashes.push(clock.now().getTime());
        crashed(); // the process dies before it can record the message
        return new Promise(() => {});
      }
      return outcome;
    };

    for (let minute = 0; clock.now() < end; minute += 1, clock.advance(MINUTE)) {
      const died = new Promise<'died'>((resolve) => (crashed = () => resolve('died')));
      const tick = runDeliveryTick({ db, now: clock.now, composePost: composeEveryDay, send: flakySend });
      tick.catch(() => {}); // a tick abandoned by a crash may reject later on the closed connection
      const result = await Promise.race([tick, died]);
      if (result === 'died' || minute % 1500 === 1499) {
        closeDatabase(db);
        db = temp.open();
      }
    }

    // One last, healthy tick settles whatever the final crash left claimed.
    await runDeliveryTick({ db, now: clock.now, composePost: composeEveryDay, send: discord.send });

    expect(transientFailures).toBeGreaterThan(50);
    expect(crashes.length).toBeGreaterThan(5);

    const rows = deliveriesSince(db, '2025-10-01');
    const messageById = new Map(discord.messages.map((message) => [message.id, message]));
    for (const { channelId, timeZone, hour } of channels) {
      const posts = discord.messagesIn(channelId);
      const days = posts.map((post) => post.content.localDate);
      expect(new Set(days).size, `${channelId}: a day posted twice`).toBe(days.length);

      // Every whole local day inside the simulation got its post.
      const firstDay = wallClock(start, timeZone).slice(0, 10);
      const lastDay = wallClock(end, timeZone).slice(0, 10);
      for (let day = addDays(firstDay, 1); day < lastDay; day = addDays(day, 1)) {
        expect(days, `${channelId} (${timeZone} ${hour}h) on ${day}`).toContain(day);
      }

      for (const post of posts) {
        const target = `${post.content.localDate} ${String(hour).padStart(2, '0')}:00`;
        const postedAt = wallClock(post.at, timeZone);
        expect(postedAt >= target, `${channelId} posted early at ${postedAt}`).toBe(true);
        const row = rows.find((r) => r.channelId === channelId && r.localDate === post.content.localDate);
        // Sent at the first tick at or after the hour — unless an earlier try failed, or a crash
        // since the hour cut the tick short before this channel's turn.
        const interrupted = crashes.some((at) => at < post.at.getTime() && wallClock(new Date(at), timeZone) >= target);
        if (row?.attempts === 1 && !interrupted) {
          expect(wallClock(new Date(post.at.getTime() - MINUTE), timeZone) < target, `${channelId} late`).toBe(true);
        }
      }
    }

    // The store and "Discord" agree: every delivered row names a real message for its channel and day.
    const delivered = rows.filter((row) => row.status === 'delivered');
    expect(delivered.length).toBe(discord.messages.length);
    for (const row of delivered) {
      const message = messageById.get(row.messageId ?? '');
      expect(message?.channelId).toBe(row.channelId);
      expect(message?.content.localDate).toBe(row.localDate);
    }
  });
});
