/**
 * Hostile input, storms and faults through the real discord.js client and the
 * local Discord: every body the bot sends has mentions disabled, errors are
 * private and readable, everything gets answered, and the token never reaches
 * a log line.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { PermissionFlagsBits, Status } from 'discord.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionCommand } from '../../src/discord/command.js';
import { KIND_COLOURS } from '../../src/discord/render.js';
import { expectNoMentions, isEphemeral, messageBodies, startStack } from '../e2e/stack.js';
import type { Stack } from '../e2e/stack.js';
import { ALL_PERMISSIONS } from '../local-discord/index.js';
import { expectSafeAndReadable, hostileDate, hostileText, LONG_INPUTS, maybe } from './hostileInput.js';

const CALLBACK = '/interactions/:id/:token/callback';
const RANDOM_CASES = 240;
const CONCURRENCY = 20;

type Invocation = { name: string; options: Record<string, string> };

const compact = (options: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(options).filter((entry): entry is [string, string] => entry[1] !== undefined));

const invocation: fc.Arbitrary<Invocation> = fc.oneof(
  fc.record({ name: fc.constant('who'), options: fc.record({ name: hostileText }) }),
  fc.record({ name: fc.constant('timeline'), options: fc.record({ actor: maybe(hostileText), topic: maybe(hostileText), from: maybe(hostileDate), to: maybe(hostileDate) }).map(compact) }),
  fc.record({ name: fc.constant('onthisday'), options: fc.record({ date: maybe(hostileDate) }).map(compact) }),
  fc.record({ name: fc.constant('quote'), options: fc.record({ speaker: maybe(hostileText), about: maybe(hostileText) }).map(compact) }),
  fc.record({ name: fc.constant('ask'), options: fc.record({ question: hostileText }) }),
);

/** Always in the mix, whatever the random draw: the longest inputs and the mass mentions. */
const FIXED: Invocation[] = [
  ...LONG_INPUTS.map((text) => ({ name: 'ask', options: { question: text } })),
  ...LONG_INPUTS.map((text) => ({ name: 'who', options: { name: text } })),
  { name: 'quote', options: { speaker: '@everyone', about: '@here <@&123>' } },
  { name: 'timeline', options: { actor: '@everyone', topic: '[x](http://evil.example)', from: '2015-02-29', to: '0000-00-00' } },
  { name: 'onthisday', options: { date: '02-30' } },
];

/** A command that fails unexpectedly, its message carrying a secret, to prove logs scrub it. */
let secretToLeak = '';
const leaky: InteractionCommand = {
  definition: { name: 'leaky', description: 'fails with the token in its error' },
  execute: () => {
    throw new Error(`upstream said: invalid credentials ${secretToLeak} (Bot ${secretToLeak})`);
  },
};

/** Replies after a pause, so the gateway can drop while it is being answered. */
const slow: InteractionCommand = {
  definition: { name: 'slow', description: 'answers after a pause' },
  execute: async () => {
    await delay(200);
    return { message: { content: 'answered across a reconnect', ephemeral: false } };
  },
};

async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(each));
}

describe('hardening through the real client and the local Discord', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ extraCommands: [leaky, slow] });
    secretToLeak = stack.discord.token;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it(`${RANDOM_CASES} random hostile invocations: each answered, errors and misses private, all readable and safe`, async () => {
    const cases = [...FIXED, ...fc.sample(invocation, RANDOM_CASES)];
    await inBatches(cases, CONCURRENCY, async ({ name, options }) => {
      const { message } = await stack.discord.sendCommand({ name, options }).visibleReply();
      const isError = (message.content ?? '').startsWith('⚠️');
      const isMiss = message.embeds[0]?.color === KIND_COLOURS.not_found || message.embeds[0]?.color === KIND_COLOURS.ambiguous;
      if (isError || isMiss) expect(isEphemeral(message), `/${name} ${JSON.stringify(options).slice(0, 200)}`).toBe(true);
      expectSafeAndReadable(message, Object.values(options));
    });
    const bodies = messageBodies(stack.discord.requests);
    expect(bodies.length).toBeGreaterThanOrEqual(cases.length);
    for (const { body } of bodies) expectNoMentions(body);
  });

  it('a storm of 500s then 429s on callbacks across 20 concurrent interactions: all answered', async () => {
    const before = stack.discord.requestsTo('POST', CALLBACK).length;
    stack.discord.failNext({ method: 'POST', route: CALLBACK }, { status: 500, times: 3 });
    stack.discord.failNext({ method: 'POST', route: CALLBACK }, { status: 429, retryAfter: 0.1, times: 3 });
    const names = ['who', 'sources', 'brief', 'onthisday'];
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) => {
        const name = names[index % names.length]!;
        const options: Record<string, string> = name === 'who' ? { name: 'Obama' } : name === 'onthisday' ? { date: '09-25' } : {};
        return stack.discord.sendCommand({ name, options }).visibleReply();
      }),
    );
    expect(replies).toHaveLength(20);
    for (const { message } of replies) expectSafeAndReadable(message, []);
    await expect
      .poll(() =>
        stack.discord
          .requestsTo('POST', CALLBACK)
          .slice(before)
          .map((entry) => entry.status),
      )
      .toSatisfy((statuses: (number | undefined)[]) => statuses.filter((status) => status === 500).length === 3 && statuses.filter((status) => status === 429).length === 3 && statuses.filter((status) => status === 204).length === 20);
    for (const { body } of messageBodies(stack.discord.requests)) expectNoMentions(body);
  });

  it('the gateway drops while an interaction is being answered: the reply still arrives and the session resumes', async () => {
    const resumed = stack.discord.waitForGateway('resumed');
    const pending = stack.discord.sendCommand({ name: 'slow' });
    await delay(50);
    stack.discord.dropConnection();
    const { message } = await pending.visibleReply();
    expect(message.content).toBe('answered across a reconnect');
    await resumed;
    const after = await stack.discord.sendCommand({ name: 'who', options: { name: '@everyone' } }).visibleReply();
    expectSafeAndReadable(after.message, ['@everyone']);
    expect(stack.bot.client.ws.status).toBe(Status.Ready);
  });

  // test/e2e/subscriptions.test.ts covers a plain member on /subscribe with a real store; this covers
  // every admin command, and a member holding every permission but Manage Server (as if a server admin
  // had opened the commands to everyone: the local Discord does not enforce default_member_permissions).
  it('every subscription command refuses a member without Manage Server, privately', async () => {
    const powerful = stack.discord.addMember({ username: 'almost-admin', permissions: ALL_PERMISSIONS & ~PermissionFlagsBits.ManageGuild & ~PermissionFlagsBits.Administrator });
    const admin = stack.discord.addMember({ username: 'admin', permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages });
    const channel = stack.discord.defaultChannelId;
    const attempts: Invocation[] = [
      { name: 'subscribe', options: { channel, hour: '9' } },
      { name: 'unsubscribe', options: { channel } },
      { name: 'subscriptions', options: {} },
      { name: 'subscription-preview', options: { channel } },
    ];
    for (const { name, options } of attempts) {
      const typed = name === 'subscribe' ? { ...options, hour: 9 } : options;
      const refused = await stack.discord.sendCommand({ name, options: typed, member: powerful }).visibleReply();
      expect(refused.message.content, `/${name}`).toMatch(/Manage Server/);
      expect(isEphemeral(refused.message)).toBe(true);
      expectNoMentions(refused.body as Record<string, unknown>);
      // The same command from an admin gets past the permission check (this stack has no store).
      const allowed = await stack.discord.sendCommand({ name, options: typed, member: admin }).visibleReply();
      expect(allowed.message.content, `/${name} as admin`).not.toMatch(/Manage Server/);
    }
  });

  it('the token appears in no log line, even when an error message carries it', async () => {
    const { message } = await stack.discord.sendCommand({ name: 'leaky' }).visibleReply();
    expect(isEphemeral(message)).toBe(true);
    const errorId = /error `([0-9a-f]+)`/.exec(message.content ?? '')?.[1];
    expect(errorId, 'the failure reply quotes an error id').toBeDefined();
    const logged = stack.logs.map((line) => JSON.stringify(line));
    // The failure was logged (so the scan below looks at the line that had the token)...
    expect(logged.some((line) => line.includes(errorId!) && line.includes('upstream said'))).toBe(true);
    // ...and neither the token nor the "Bot <token>" header form appears anywhere.
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).not.toContain(stack.discord.token);
  });
});
