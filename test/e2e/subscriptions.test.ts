/**
 * Subscriptions end to end: the real bot (startBot, discord.js) on the local Discord, the real
 * commands, real SQLite files in a temp directory, and delivery ticks driven by an injected clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelType, PermissionFlagsBits, REST, Routes } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import { MessageFlags } from 'discord-api-types/v10';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { startBot } from '../../src/discord/bot.js';
import type { RunningBot } from '../../src/discord/bot.js';
import type { BotServices } from '../../src/discord/command.js';
import { createDiscordSender } from '../../src/delivery/discordSender.js';
import { dailyPostsTick } from '../../src/delivery/dailyPosts.js';
import { deliveryNonce } from '../../src/schedule/nonce.js';
import { addDays, localDateOf, postInstantFor } from '../../src/schedule/time.js';
import { closeDatabase, openDatabase } from '../../src/store/database.js';
import type { Database } from '../../src/store/database.js';
import { claimDelivery, getDelivery } from '../../src/store/deliveries.js';
import { getSubscription, listSubscriptions, upsertSubscription } from '../../src/store/subscriptions.js';
import { engine } from '../answers/engine.js';
import { startLocalDiscord } from '../local-discord/index.js';
import type { LocalDiscord, OptionValue } from '../local-discord/index.js';

const LONG_AGO = new Date('2026-01-01T00:00:00Z');
const P = PermissionFlagsBits;

let discord: LocalDiscord;
let bot: RunningBot;
let directory: string;
let db: Database;
let now = new Date('2026-09-25T08:00:00Z');
const services: BotServices = {};
const logger = pino({ level: 'silent' });
const clock = () => now;

let admin: ReturnType<LocalDiscord['addMember']>;
let plainMember: ReturnType<LocalDiscord['addMember']>;
const channels: Record<string, string> = {};

function startTheBot(): Promise<RunningBot> {
  return startBot({
    config: { token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl },
    engine,
    logger,
    clock,
    services,
  });
}

beforeAll(async () => {
  // Discord's per-channel buckets; the local one's default bucket is shared by every channel.
  discord = await startLocalDiscord({ routeRateLimit: { limit: 100_000, windowMs: 1_000 } });
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  await rest.put(Routes.applicationGuildCommands(discord.applicationId, discord.defaultGuildId), { body: commandDefinitions });
  admin = discord.addMember({ username: 'admin', permissions: P.ManageGuild | P.ViewChannel | P.SendMessages });
  plainMember = discord.addMember({ username: 'reader' });
  const seed = (name: string, extra: Parameters<LocalDiscord['addChannel']>[0]) => (channels[name] = discord.addChannel(extra).id);
  seed('news', { name: 'news' });
  seed('other', { name: 'other' });
  seed('noSend', { name: 'no-send', botPermissions: P.ViewChannel | P.EmbedLinks });
  seed('noEmbed', { name: 'no-embed', botPermissions: P.ViewChannel | P.SendMessages });
  seed('noView', { name: 'no-view', botPermissions: 0n });
  seed('voice', { name: 'voice', type: ChannelType.GuildVoice });
  seed('category', { name: 'category', type: ChannelType.GuildCategory });
  bot = await startTheBot();
});

afterAll(async () => {
  await bot.stop();
  await discord.close();
});

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'briefing-subscriptions-'));
  db = openDatabase(join(directory, 'briefing.sqlite'));
  services.subscriptions = db;
  now = new Date('2026-09-25T08:00:00Z');
});

afterEach(() => {
  closeDatabase(db);
  rmSync(directory, { recursive: true, force: true });
});

const isEphemeral = (message: APIMessage) => ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

async function run(name: string, options: Record<string, OptionValue> = {}, member = admin): Promise<string> {
  const reply = await discord.sendCommand({ name, options, member }).visibleReply();
  expect(isEphemeral(reply.message)).toBe(true);
  expect(reply.body.allowed_mentions).toEqual({ parse: [] });
  return reply.message.content;
}

const subscribe = (channel: string, hour: number, timezone?: string, extra: Record<string, OptionValue> = {}) =>
  run('subscribe', { channel, hour, ...(timezone ? { timezone } : {}), ...extra });

const tick = () => dailyPostsTick({ db, rest: bot.client.rest, engine: () => engine, now: clock })();

describe('/subscribe', () => {
  it.each([
    ['a member without Manage Server', () => run('subscribe', { channel: channels.news!, hour: 9 }, plainMember), /Manage Server/],
    ['a channel where the bot cannot send', () => subscribe(channels.noSend!, 9), /missing Send Messages/],
    ['a channel where the bot cannot embed links', () => subscribe(channels.noEmbed!, 9), /missing Embed Links/],
    ['a channel the bot cannot see', () => subscribe(channels.noView!, 9), /View Channel/],
    ['a voice channel', () => subscribe(channels.voice!, 9), /not a text channel/],
    ['a category', () => subscribe(channels.category!, 9), /not a text channel/],
    ['an unknown time zone', () => subscribe(channels.news!, 9, 'Europe/Berlinn'), /not a time zone.*Europe\/Berlin/s],
    ['an hour outside 0–23', () => subscribe(channels.news!, 24), /0 to 23/],
  ])('refuses %s, storing nothing', async (_case, attempt, reason) => {
    expect(await attempt()).toMatch(reason);
    expect(listSubscriptions(db, discord.defaultGuildId)).toEqual([]);
  });

  it('stores a subscription, replies with the next post time, and updates it on a second /subscribe', async () => {
    const first = await subscribe(channels.news!, 9, 'Europe/Berlin');
    const next = postInstantFor('2026-09-26', 9, 'Europe/Berlin'); // 08:00Z is 10:00 in Berlin: today's 09:00 has passed
    expect(first).toContain(`<t:${next.getTime() / 1000}:F>`);
    expect(first).toMatch(/^Subscribed/);
    expect(getSubscription(db, channels.news!)).toMatchObject({ hour: 9, timeZone: 'Europe/Berlin', postWhenEmpty: false });

    const second = await subscribe(channels.news!, 18, 'america/new_york', { post_when_empty: true });
    expect(second).toMatch(/^Updated/);
    expect(getSubscription(db, channels.news!)).toMatchObject({ hour: 18, timeZone: 'America/New_York', postWhenEmpty: true });
    expect(listSubscriptions(db, discord.defaultGuildId)).toHaveLength(1);
  });

  it('offers time zones as the user types', async () => {
    const choices = await discord.sendAutocomplete({ name: 'subscribe', options: { channel: channels.news!, hour: 9, timezone: 'berl' }, focused: 'timezone', member: admin }).choices();
    expect(choices.map((choice) => choice.value)).toContain('Europe/Berlin');
  });
});

describe('/unsubscribe, /subscriptions and /subscription-preview', () => {
  it('lists, then removes, this server’s subscriptions', async () => {
    await subscribe(channels.news!, 9, 'UTC');
    await subscribe(channels.other!, 21, 'Asia/Tokyo');
    const list = await run('subscriptions');
    expect(list).toContain(`<#${channels.news}> at 09:00 UTC`);
    expect(list).toContain(`<#${channels.other}> at 21:00 Asia/Tokyo`);
    expect(list).toContain(`<t:${postInstantFor('2026-09-25', 9, 'UTC').getTime() / 1000}:R>`);

    expect(await run('unsubscribe', { channel: channels.news! })).toMatch(/^Unsubscribed/);
    expect(getSubscription(db, channels.news!)).toBeUndefined();
    expect(await run('unsubscribe', { channel: channels.news! })).toMatch(/no daily posts/);
    expect(await run('subscriptions')).not.toContain(`<#${channels.news}>`);
    expect(await run('subscriptions', {}, plainMember)).toMatch(/Manage Server/);
  });

  it('posts a preview in the channel without touching the schedule', async () => {
    await subscribe(channels.other!, 9, 'UTC');
    const before = discord.channelMessages(channels.other!).length;
    expect(await run('subscription-preview', { channel: channels.other! })).toMatch(/^Posted/);
    const posted = discord.channelMessages(channels.other!).slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.embeds[0]?.title).toBe('On this day: Sept 25');
    expect(getDelivery(db, { channelId: channels.other!, localDate: '2026-09-25' })).toBeUndefined();
    const request = discord.requestsTo('POST', new RegExp(`^/channels/${channels.other}/messages$`)).at(-1)!;
    expect(request.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect((request.body as Record<string, unknown>).nonce).toBeUndefined();
  });
});

describe('daily delivery over Discord', () => {
  const postsTo = (channelId: string) => discord.requestsTo('POST', new RegExp(`^/channels/${channelId}/messages$`));

  async function freshChannel(name: string, hour = 9, timeZone = 'UTC', postWhenEmpty = false): Promise<string> {
    const id = discord.addChannel({ name }).id;
    // Created well before: a subscription made after today's hour is first owed tomorrow.
    upsertSubscription(db, { guildId: discord.defaultGuildId, channelId: id, hour, timeZone, postWhenEmpty, createdBy: admin.user.id }, LONG_AGO);
    return id;
  }

  it('posts once at the hour, with nonce, enforce_nonce and no mentions; a second tick posts nothing', async () => {
    const channelId = await freshChannel('daily-once', 9, 'Europe/Berlin');
    now = new Date('2026-09-25T06:59:00Z'); // 08:59 in Berlin
    await tick();
    expect(postsTo(channelId)).toHaveLength(0);
    now = new Date('2026-09-25T07:00:00Z');
    await tick();
    await tick();
    const posts = postsTo(channelId);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ nonce: deliveryNonce(channelId, '2026-09-25'), enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(discord.channelMessages(channelId)).toHaveLength(1);
    expect(discord.channelMessages(channelId)[0]!.embeds[0]?.title).toBe('On this day: Sept 25');
    expect(getDelivery(db, { channelId, localDate: '2026-09-25' })?.status).toBe('delivered');
  });

  it('posts nothing on an empty day by default, and the nearest anniversary when asked', async () => {
    now = new Date('2026-11-23T12:00:00Z');
    const quiet = await freshChannel('quiet', 9);
    const eager = await freshChannel('eager', 9, 'UTC', true);
    await tick();
    expect(discord.channelMessages(quiet)).toHaveLength(0);
    const [post] = discord.channelMessages(eager);
    expect(post?.embeds[0]?.description ?? '').toContain('Nothing happened on Nov 23. Next: Aug 28.');
  });

  it.each([
    [403, 50013],
    [404, 10003],
  ])('pauses the subscription on %i, shows it in /subscriptions and does not retry', async (status, code) => {
    const channelId = await freshChannel(`lost-${status}`);
    now = new Date('2026-09-25T09:00:00Z');
    discord.failNext({ method: 'POST', route: new RegExp(`^/channels/${channelId}/messages$`) }, { status: status as 403 | 404, code });
    await tick();
    expect(getSubscription(db, channelId)?.pausedReason).toContain(String(status));
    expect(await run('subscriptions')).toMatch(new RegExp(`<#${channelId}>.*paused`));
    now = new Date('2026-09-25T10:00:00Z');
    await tick();
    now = new Date('2026-09-26T09:00:00Z');
    await tick();
    expect(postsTo(channelId)).toHaveLength(1);
    expect(discord.channelMessages(channelId)).toHaveLength(0);
  });

  it('retries a 429 and posts exactly one message', async () => {
    const channelId = await freshChannel('limited');
    now = new Date('2026-09-25T09:00:00Z');
    discord.failNext({ method: 'POST', route: new RegExp(`^/channels/${channelId}/messages$`) }, { status: 429, retryAfter: 0.05 });
    const report = await tick();
    expect(report.delivered).toBe(1);
    expect(postsTo(channelId).map((entry) => entry.status)).toEqual([429, 200]);
    expect(discord.channelMessages(channelId)).toHaveLength(1);
  });

  it('posts exactly once when the process died between sending and recording', async () => {
    const channelId = await freshChannel('crashy');
    now = new Date('2026-09-25T09:00:00Z');
    const nonce = deliveryNonce(channelId, '2026-09-25');
    // What the dead process did: claimed the day, sent the post, never marked it delivered.
    claimDelivery(db, { channelId, localDate: '2026-09-25', nonce }, now);
    const answer = engine.onThisDay({ date: '09-25', now, timeZone: 'UTC' });
    expect((await createDiscordSender(bot.client.rest)(channelId, answer, nonce, { localDate: '2026-09-25', attempt: 1 })).kind).toBe('sent');
    closeDatabase(db);

    // The restart: a new database handle and a new bot process, then the next minute's tick.
    db = openDatabase(join(directory, 'briefing.sqlite'));
    services.subscriptions = db;
    const restarted = await startTheBot();
    try {
      now = new Date('2026-09-25T09:01:00Z');
      await dailyPostsTick({ db, rest: restarted.client.rest, engine: () => engine, now: clock })();
    } finally {
      await restarted.stop();
    }
    expect(postsTo(channelId)).toHaveLength(2);
    expect(discord.channelMessages(channelId)).toHaveLength(1);
    expect(getDelivery(db, { channelId, localDate: '2026-09-25' })?.messageId).toBe(discord.channelMessages(channelId)[0]!.id);
  });

  it('200 subscriptions across zones over a week: one post per channel per local day', async () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Tokyo'];
    // Oct 22–29, 2026: Europe leaves summer time on the 25th.
    const start = new Date('2026-10-22T00:00:00Z');
    const end = new Date('2026-10-29T00:00:00Z');
    now = start;
    const subscriptions = Array.from({ length: 200 }, (_, index) => ({
      channelId: discord.addChannel({ name: `week-${index}` }).id,
      hour: (index * 7) % 24,
      timeZone: zones[index % zones.length]!,
    }));
    for (const { channelId, hour, timeZone } of subscriptions) {
      upsertSubscription(db, { guildId: discord.defaultGuildId, channelId, hour, timeZone, postWhenEmpty: true, createdBy: admin.user.id }, LONG_AGO);
    }

    const expected = new Map<string, string[]>();
    const instants = new Set<number>([start.getTime(), end.getTime()]);
    for (const { channelId, hour, timeZone } of subscriptions) {
      const dates: string[] = [];
      for (let date = localDateOf(start, timeZone); ; date = addDays(date, 1)) {
        const due = postInstantFor(date, hour, timeZone).getTime();
        if (due > end.getTime()) break;
        dates.push(date);
        if (due >= start.getTime()) instants.add(due);
      }
      expected.set(channelId, dates);
    }
    // Every due instant, plus a tick on the hour between them: nothing extra may be posted.
    for (let at = start.getTime(); at <= end.getTime(); at += 3_600_000) instants.add(at + 30_000);
    // 1,400 posts: discord.js's REST and the sender's pacing would hold them to Discord's 50
    // requests/s global limit, which is not what this test is about (it would take 30 s).
    const rest = new REST({ api: discord.apiUrl, globalRequestsPerSecond: 100_000 }).setToken(discord.token);
    const weekTick = dailyPostsTick({ db, rest, engine: () => engine, now: clock, concurrency: 16, postsPerSecond: 2_000 });
    for (const at of [...instants].sort((a, b) => a - b)) {
      now = new Date(at);
      await weekTick();
    }

    for (const { channelId } of subscriptions) {
      const dates = expected.get(channelId)!;
      expect(discord.channelMessages(channelId)).toHaveLength(dates.length);
      const nonces = postsTo(channelId).map((entry) => (entry.body as { nonce: string }).nonce);
      expect(nonces).toEqual(dates.map((date) => deliveryNonce(channelId, date)));
    }
  }, 20_000);
});
