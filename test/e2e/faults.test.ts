/**
 * End to end under faults: Discord's REST answering 429 or 500, the gateway
 * dropping the connection, the bot restarting between a message and a click
 * on its button, and a shutdown while a reply is in flight.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Status } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionCommand } from '../../src/discord/command.js';
import { buttonId, firstEmbed, isEphemeral, startStack } from './stack.js';
import type { Stack } from './stack.js';

const CALLBACK = '/interactions/:id/:token/callback';
/** Statuses of the last two interaction callbacks: the failed attempt and its retry. */
const statuses = (stack: Stack) => stack.discord.requestsTo('POST', CALLBACK).slice(-2).map((entry) => entry.status);

/** Replies after a pause, so a shutdown can start while the reply is in flight. */
const slowReply: InteractionCommand = {
  definition: { name: 'slowreply', description: 'answers after a pause' },
  execute: async () => {
    await delay(300);
    return { message: { content: 'finished before shutting down', ephemeral: false } };
  },
};

describe('the bot survives faults', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ extraCommands: [slowReply] });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a 429 with retry_after on its reply: waits and answers', async () => {
    stack.discord.failNext({ method: 'POST', route: CALLBACK }, { status: 429, retryAfter: 0.2 });
    const reply = await stack.discord.sendCommand({ name: 'who', options: { name: 'Meng Jianzhu' } }).visibleReply();
    expect(firstEmbed(reply.message).title).toBe('Meng Jianzhu');
    // The log entry gets its status once the response is written, just after the reply is visible.
    await expect.poll(() => statuses(stack)).toEqual([429, 204]);
  });

  it('a 500 on its reply: retries and answers', async () => {
    stack.discord.failNext({ method: 'POST', route: CALLBACK }, { status: 500 });
    const reply = await stack.discord.sendCommand({ name: 'sources' }).visibleReply();
    expect(firstEmbed(reply.message).title).toMatch(/^Sources: \d+ articles$/);
    await expect.poll(() => statuses(stack)).toEqual([500, 204]);
  });

  it('a dropped gateway connection: resumes the session and still answers', async () => {
    const resumed = stack.discord.waitForGateway('resumed');
    stack.discord.dropConnection();
    await resumed;
    const reply = await stack.discord.sendCommand({ name: 'onthisday', options: { date: '09-25' } }).visibleReply();
    expect(firstEmbed(reply.message).title).toBe('On this day: Sept 25');
    expect(stack.bot.client.ws.status).toBe(Status.Ready);
  });

  it('a restart: a new instance answers a button of a message the old one sent', async () => {
    const first = await stack.discord.sendCommand({ name: 'timeline', options: { topic: 'sanctions' } }).visibleReply();
    await stack.bot.stop();
    const successor = await stack.startAnotherBot();
    const page2 = await stack.discord.sendButton({ customId: buttonId(first.message, 'Next'), message: first.message }).visibleReply();
    expect(firstEmbed(page2.message).description).toMatch(/page 2 of 2/);
    expect(successor.client.isReady()).toBe(true);

    // Graceful shutdown: the reply in flight is finished before the client is destroyed.
    const inFlight = stack.discord.sendCommand({ name: 'slowreply' });
    await delay(50);
    const stopped = successor.stop();
    const during = await stack.discord.sendCommand({ name: 'brief' }).visibleReply();
    expect(during.message.content).toMatch(/restarting/);
    expect(isEphemeral(during.message)).toBe(true);
    await stopped;
    // Already answered when stop() resolves: stop waited for it.
    expect(inFlight.answers.map((answer) => answer.kind)).toEqual(['callback']);
    expect((await inFlight.visibleReply(0)).message.content).toBe('finished before shutting down');
    expect(successor.client.isReady()).toBe(false);
  });
});
