/**
 * Round trips through the real discord.js client against the local Discord:
 * the bot as `startBot` runs it, a bare client replying a constant (the floor),
 * and a bare client replying the bot's own messages (the floor for messages
 * that size), measured in alternating batches, plus a burst of interactions all in flight
 * at once at the bot with the event-loop delay. The local Discord runs in this
 * process, so its work is part of every figure.
 */
import { Writable } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, REST, Routes } from 'discord.js';
import type { InteractionReplyOptions } from 'discord.js';
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';
import { commandDefinitions } from '../../commands/index.js';
import { startLocalDiscord } from '../../test/local-discord/index.js';
import type { CommandInput, LocalDiscord } from '../../test/local-discord/index.js';
import type { AnswerEngine } from '../answers/index.js';
import { startBot } from '../discord/bot.js';
import type { RunningBot } from '../discord/bot.js';
import { createLogger } from '../logger.js';
import { percentile, round1 } from './stats.js';

const SILENT = new Writable({ write: (_chunk, _encoding, callback) => callback() });

/** A fixed rotation over the answer commands, with options from the real story. */
const INTERACTIONS: CommandInput[] = [
  { name: 'who', options: { name: 'Meng Jianzhu' } },
  { name: 'who', options: { name: 'Rice' } },
  { name: 'timeline', options: {} },
  { name: 'timeline', options: { actor: 'Xi Jinping' } },
  { name: 'onthisday', options: { date: '09-25' } },
  { name: 'quote', options: { speaker: 'Obama' } },
  { name: 'quote', options: { about: 'hacking' } },
  { name: 'ask', options: { question: 'What did Obama say about sanctions?' } },
  { name: 'ask', options: { question: 'Who is Susan Rice?' } },
  { name: 'brief', options: {} },
];

async function localDiscordWithCommands(): Promise<LocalDiscord> {
  const discord = await startLocalDiscord();
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  await rest.put(Routes.applicationGuildCommands(discord.applicationId, discord.defaultGuildId), { body: commandDefinitions });
  return discord;
}

/** Sends interactions one after another, continuing a rotation; milliseconds from dispatch to the visible reply. */
async function sequentialRtts(discord: LocalDiscord, rotation: { next: number }, count: number, into?: number[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const input = INTERACTIONS[rotation.next++ % INTERACTIONS.length] as CommandInput;
    const start = performance.now();
    await discord.sendCommand(input).visibleReply();
    into?.push(performance.now() - start);
  }
}

/**
 * Every client answers `count` interactions, in alternating batches after the
 * same warm-up, so JIT warm-up of discord.js and the local Discord, and the
 * load other processes put on the machine, fall on all alike. (Measured one
 * after the other, a later client inherited a warmed-up runtime and the
 * earlier one's garbage.) Each client keeps its own pass through the rotation.
 */
async function interleavedRtts(discords: readonly LocalDiscord[], count: number, warmup: number, batch = 50): Promise<number[][]> {
  const rtts = discords.map((): number[] => []);
  const rotations = discords.map(() => ({ next: 0 }));
  for (const [i, discord] of discords.entries()) await sequentialRtts(discord, rotations[i] as { next: number }, warmup);
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done);
    for (const [i, discord] of discords.entries()) await sequentialRtts(discord, rotations[i] as { next: number }, size, rtts[i]);
  }
  return rtts;
}

export interface BurstResult {
  answered: number;
  sent: number;
  all_answered_ms: number | null;
  event_loop_delay_p99_ms: number;
}

/** `count` interactions dispatched at once; how long until every one has its visible reply. */
async function burst(discord: LocalDiscord, count: number): Promise<BurstResult> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const start = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: count }, (_, i) => discord.sendCommand(INTERACTIONS[i % INTERACTIONS.length] as CommandInput).visibleReply()),
  );
  const elapsed = performance.now() - start;
  histogram.disable();
  const answered = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
  return {
    answered,
    sent: count,
    all_answered_ms: answered === count ? round1(elapsed) : null,
    event_loop_delay_p99_ms: round1(histogram.percentile(99) / 1e6),
  };
}

export interface InteractionResult {
  interaction_rtt_p50_ms: number;
  interaction_rtt_p99_ms: number;
  interaction_rtt_bare_p50_ms: number;
  interaction_rtt_bare_p99_ms: number;
  /** A bare client replying, without any work, exactly the message the bot sent for the same command: what the message's size alone costs. */
  interaction_rtt_bare_same_payload_p50_ms: number;
  load: BurstResult;
}

/**
 * The message the bot sent for each item of the rotation, as Discord received it (API JSON),
 * ready for a bare client to send as it is.
 */
async function botReplies(discord: LocalDiscord): Promise<Map<string, InteractionReplyOptions>> {
  const replies = new Map<string, InteractionReplyOptions>();
  for (const input of INTERACTIONS) {
    await discord.sendCommand(input).visibleReply();
    const callback = discord.requestsTo('POST', /\/callback$/).at(-1)?.body as { data?: Record<string, unknown> } | undefined;
    const data = callback?.data ?? {};
    replies.set(inputKey(input.name, input.options ?? {}), {
      ...(typeof data.content === 'string' ? { content: data.content } : {}),
      embeds: (data.embeds as APIEmbed[] | undefined) ?? [],
      components: (data.components as APIActionRowComponent<APIComponentInMessageActionRow>[] | undefined) ?? [],
      allowedMentions: { parse: [] },
      ...(typeof data.flags === 'number' ? { flags: data.flags as InteractionReplyOptions['flags'] } : {}),
    });
  }
  return replies;
}

/** Sub-millisecond figures: 0.1 ms steps would be a tenth of the bare figure, too coarse for a 1.2× comparison. */
const round2 = (value: number): number => Math.round(value * 100) / 100;

const CONSTANT_REPLY: InteractionReplyOptions = { content: 'ok', allowedMentions: { parse: [] } };
const inputKey = (name: string, options: Record<string, unknown>) => `${name} ${JSON.stringify(options)}`;

/** A bare client: replies `replyFor(interaction)` at once (a constant unless told otherwise). */
async function bareClient(discord: LocalDiscord, replyFor: (key: string) => InteractionReplyOptions = () => CONSTANT_REPLY): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    const options = Object.fromEntries(interaction.options.data.map((option) => [option.name, option.value]));
    void interaction.reply(replyFor(inputKey(interaction.commandName, options)));
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(discord.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return client;
}

export async function measureInteractions(engine: AnswerEngine, count = 500, burstSize = 1000): Promise<InteractionResult> {
  const warmup = 50;
  // The bot, exactly as main.ts starts it (logs at warn, to nowhere); the floor, a bare client
  // replying a constant; and a bare client replying the bot's own messages. Each has its own local Discord.
  const discords: LocalDiscord[] = [];
  const clients: Client[] = [];
  let bot: RunningBot | undefined;
  try {
    for (let i = 0; i < 3; i++) discords.push(await localDiscordWithCommands());
    const [discord, bareDiscord, samePayloadDiscord] = discords as [LocalDiscord, LocalDiscord, LocalDiscord];
    const logger = createLogger({ level: 'warn', secrets: [discord.token], destination: SILENT, pretty: false });
    bot = await startBot({ config: { token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl }, engine, logger });
    const replies = await botReplies(discord);
    clients.push(await bareClient(bareDiscord));
    clients.push(await bareClient(samePayloadDiscord, (key) => replies.get(key) ?? CONSTANT_REPLY));
    const [botRtts, bareRtts, samePayloadRtts] = (await interleavedRtts(discords, count, warmup)) as [number[], number[], number[]];
    for (const client of clients.splice(0)) await client.destroy();
    const load = await burst(discord, burstSize);
    return {
      interaction_rtt_p50_ms: round2(percentile(botRtts, 50)),
      interaction_rtt_p99_ms: round2(percentile(botRtts, 99)),
      interaction_rtt_bare_p50_ms: round2(percentile(bareRtts, 50)),
      interaction_rtt_bare_p99_ms: round2(percentile(bareRtts, 99)),
      interaction_rtt_bare_same_payload_p50_ms: round2(percentile(samePayloadRtts, 50)),
      load,
    };
  } finally {
    for (const client of clients) await client.destroy();
    await bot?.stop();
    for (const discord of discords) await discord.close();
  }
}
