/**
 * The Discord sender against the local Discord (real discord.js REST), and the daily post's
 * composition on the real data.
 */
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDailyPost, createDiscordSender } from '../../src/delivery/discordSender.js';
import type { Subscription } from '../../src/store/subscriptions.js';
import { engine } from '../answers/engine.js';
import { startLocalDiscord } from '../local-discord/index.js';
import type { LocalDiscord } from '../local-discord/index.js';

let discord: LocalDiscord;
let rest: REST;

beforeAll(async () => {
  discord = await startLocalDiscord();
  // No retries: a 500 should come back as "transient" at once instead of being retried here.
  rest = new REST({ api: discord.apiUrl, retries: 0 }).setToken(discord.token);
});
afterAll(() => discord.close());

const now = new Date('2026-09-25T12:00:00Z');
const subscription = (postWhenEmpty: boolean): Subscription => ({
  guildId: 'g',
  channelId: 'c',
  hour: 9,
  timeZone: 'UTC',
  postWhenEmpty,
  createdBy: 'u',
  createdAt: now,
  updatedAt: now,
  pausedReason: null,
  pausedAt: null,
  lastError: null,
});

describe('createDiscordSender', () => {
  const answer = engine.onThisDay({ date: '09-25', now, timeZone: 'UTC' });
  const attempt = { localDate: '2026-09-25', attempt: 1 };

  it('posts with the nonce enforced and no mentions; the same nonce again returns the same message', async () => {
    const channelId = discord.addChannel({ name: 'sender-ok' }).id;
    const send = createDiscordSender(rest);
    const first = await send(channelId, answer, 'nonce-sender-ok', attempt);
    const second = await send(channelId, answer, 'nonce-sender-ok', attempt);
    expect(first.kind).toBe('sent');
    expect(second).toEqual(first);
    expect(discord.channelMessages(channelId)).toHaveLength(1);
    expect(discord.requestsTo('POST', new RegExp(`^/channels/${channelId}/messages$`))[0]?.body).toMatchObject({
      nonce: 'nonce-sender-ok',
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
  });

  it.each([
    [403, 50013, 'permanent'],
    [403, 50001, 'permanent'],
    [404, 10003, 'permanent'],
    [500, undefined, 'transient'],
  ] as const)('maps %i (code %s) to %s', async (status, code, kind) => {
    const channelId = discord.addChannel({ name: `sender-${status}-${code ?? 'none'}` }).id;
    discord.failNext({ method: 'POST', route: new RegExp(`^/channels/${channelId}/messages$`) }, { status, ...(code ? { code } : {}) });
    const outcome = await createDiscordSender(rest)(channelId, answer, `nonce-${status}-${code ?? 0}`, attempt);
    expect(outcome.kind).toBe(kind);
    expect(discord.channelMessages(channelId)).toHaveLength(0);
  });

  it('reports a channel the bot may not post in as permanent', async () => {
    const channelId = discord.addChannel({ name: 'sender-readonly', botPermissions: 1024n }).id; // View Channel only
    expect((await createDiscordSender(rest)(channelId, answer, 'nonce-readonly', attempt)).kind).toBe('permanent');
  });
});

describe('createDiscordSender under a global rate limit', () => {
  it('spaces posts so that a Discord allowing 20 requests/s never answers 429', async () => {
    const limited = await startLocalDiscord({ globalRateLimit: { perSecond: 20 } });
    try {
      // discord.js allows itself 50/s: unpaced, 40 posts 8 at a time would overrun 20/s at once.
      const limitedRest = new REST({ api: limited.apiUrl }).setToken(limited.token);
      const send = createDiscordSender(limitedRest, { postsPerSecond: 16 });
      const answer = engine.onThisDay({ date: '09-25', now, timeZone: 'UTC' });
      const channels = Array.from({ length: 40 }, (_, i) => limited.addChannel({ name: `paced-${i}` }).id);
      const queue = channels.map((channelId, i) => ({ channelId, nonce: `paced-${i}` }));
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          expect(await send(next.channelId, answer, next.nonce, { localDate: '2026-09-25', attempt: 1 })).toMatchObject({ kind: 'sent' });
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      expect(channels.map((id) => limited.channelMessages(id).length)).toEqual(channels.map(() => 1));
      expect(limited.rateLimitHits).toBe(0);
    } finally {
      await limited.close();
    }
  });
});

describe('composeDailyPost', () => {
  const compose = composeDailyPost(() => engine, () => now);

  it("is the day's entries on a day with events", async () => {
    const post = await compose('2026-09-25', subscription(false));
    expect(post?.title).toBe('On this day: Sept 25');
  });

  it('is nothing on an empty day, unless the subscription asks for the nearest anniversary', async () => {
    expect(await compose('2026-11-23', subscription(false))).toBeNull();
    const post = await compose('2026-11-23', subscription(true));
    expect(post?.body[0]).toMatchObject({ type: 'line', text: 'Nothing happened on Nov 23. Next: Aug 28.' });
    expect(post?.body).toHaveLength(2);
    expect(post?.body[1]).toMatchObject({ type: 'list', heading: 'Nearest after: Aug 28' });
  });
});

describe('composeDailyPost in September', () => {
  it("names the day the way the answers do (\"Sept\")", async () => {
    const post = await composeDailyPost(() => engine, () => now)('2026-09-30', subscription(true));
    expect(post?.body[0]).toMatchObject({ text: expect.stringMatching(/^Nothing happened on Sept 30\. Next: Aug 28\.$/) as unknown });
  });
});
