/**
 * Round trips through the real discord.js client against the local Discord:
 * the bot as `startBot` runs it, a bare client replying a constant (the floor),
 * a bare client replying the bot's own messages (the floor for messages that
 * size) and a second bot answering requests that never repeat (what a reply
 * costs when the bot's reply cache cannot help), measured in alternating
 * batches; plus a burst of interactions all in flight at once at the bot with
 * the event-loop delay. The local Discord runs in this process, so its work is
 * part of every figure.
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
import { NAME_MAX } from '../answers/index.js';
import { loginReady, startBot } from '../discord/bot.js';
import type { RunningBot } from '../discord/bot.js';
import { createLogger } from '../logger.js';
import type { Briefing } from '../summary/load.js';
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

/**
 * Requests none of which repeats another, from the briefing's own names and
 * days, the commands taking turns: each one makes the bot answer and render
 * afresh (its reply cache never hits), where the rotation above repeats itself.
 */
function distinctInteractions(briefing: Briefing, count: number): CommandInput[] {
  const names = [...new Set(briefing.summary.entities.flatMap((entity) => [entity.name, ...entity.aliases]))].filter((name) => name.length <= NAME_MAX);
  const days = Array.from({ length: 366 }, (_, day) => new Date(Date.UTC(2016, 0, 1 + day)).toISOString().slice(5, 10));
  /** The i-th request of a kind, made from the i-th of `values` while there is one. */
  const from = (values: readonly string[], make: (value: string) => CommandInput) => (i: number) => (values[i] === undefined ? undefined : make(values[i]));
  const makers: ((index: number) => CommandInput | undefined)[] = [
    from(names, (name) => ({ name: 'who', options: { name } })),
    from(names, (name) => ({ name: 'ask', options: { question: `Who is ${name}?` } })),
    from(names, (name) => ({ name: 'timeline', options: { actor: name } })),
    from(names, (name) => ({ name: 'quote', options: { speaker: name } })),
    from(days, (date) => ({ name: 'onthisday', options: { date } })),
    from(names, (name) => ({ name: 'ask', options: { question: `What did ${name} say?` } })),
  ];
  const inputs: CommandInput[] = [];
  for (let index = 0; inputs.length < count; index++) {
    const made = makers.map((make) => make(index)).filter((input): input is CommandInput => input !== undefined);
    if (made.length === 0) throw new Error(`the briefing yields only ${inputs.length} distinct requests, not ${count}`);
    inputs.push(...made.slice(0, count - inputs.length));
  }
  return inputs;
}

/** Sends interactions one after another, continuing through `inputs` (round and round); milliseconds from dispatch to the visible reply. */
async function sequentialRtts(discord: LocalDiscord, inputs: readonly CommandInput[], rotation: { next: number }, count: number, into?: number[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const input = inputs[rotation.next++ % inputs.length] as CommandInput;
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
async function interleavedRtts(clients: readonly { discord: LocalDiscord; inputs: readonly CommandInput[] }[], count: number, warmup: number, batch = 50): Promise<number[][]> {
  const rtts = clients.map((): number[] => []);
  const rotations = clients.map(() => ({ next: 0 }));
  for (const [i, { discord, inputs }] of clients.entries()) await sequentialRtts(discord, inputs, rotations[i] as { next: number }, warmup);
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done);
    for (const [i, { discord, inputs }] of clients.entries()) await sequentialRtts(discord, inputs, rotations[i] as { next: number }, size, rtts[i]);
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
  /** The bot answering requests it has not seen before (no reply-cache hits). */
  interaction_rtt_uncached_p50_ms: number;
  interaction_rtt_uncached_p99_ms: number;
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
  return loginReady(client, discord.token);
}

export async function measureInteractions(engine: AnswerEngine, count = 500, burstSize = 1000): Promise<InteractionResult> {
  const warmup = 50;
  // The bot, exactly as main.ts starts it (logs at warn, to nowhere); the floor, a bare client
  // replying a constant; and a bare client replying the bot's own messages. Each has its own local Discord.
  // A second instance of the bot answers requests that never repeat.
  const discords: LocalDiscord[] = [];
  const clients: Client[] = [];
  const bots: RunningBot[] = [];
  try {
    for (let i = 0; i < 4; i++) discords.push(await localDiscordWithCommands());
    const [discord, bareDiscord, samePayloadDiscord, uncachedDiscord] = discords as [LocalDiscord, LocalDiscord, LocalDiscord, LocalDiscord];
    const startBotOn = async (on: LocalDiscord) => {
      const logger = createLogger({ level: 'warn', secrets: [on.token], destination: SILENT, pretty: false });
      bots.push(await startBot({ config: { token: on.token, applicationId: on.applicationId, apiUrl: on.apiUrl }, engine, logger }));
    };
    await startBotOn(discord);
    await startBotOn(uncachedDiscord);
    const replies = await botReplies(discord);
    clients.push(await bareClient(bareDiscord));
    clients.push(await bareClient(samePayloadDiscord, (key) => replies.get(key) ?? CONSTANT_REPLY));
    const series = [
      { discord, inputs: INTERACTIONS },
      { discord: bareDiscord, inputs: INTERACTIONS },
      { discord: samePayloadDiscord, inputs: INTERACTIONS },
      { discord: uncachedDiscord, inputs: distinctInteractions(engine.briefing, warmup + count) },
    ];
    const [botRtts, bareRtts, samePayloadRtts, uncachedRtts] = (await interleavedRtts(series, count, warmup)) as [number[], number[], number[], number[]];
    for (const client of clients.splice(0)) await client.destroy();
    const load = await burst(discord, burstSize);
    return {
      interaction_rtt_p50_ms: round2(percentile(botRtts, 50)),
      interaction_rtt_p99_ms: round2(percentile(botRtts, 99)),
      interaction_rtt_bare_p50_ms: round2(percentile(bareRtts, 50)),
      interaction_rtt_bare_p99_ms: round2(percentile(bareRtts, 99)),
      interaction_rtt_bare_same_payload_p50_ms: round2(percentile(samePayloadRtts, 50)),
      interaction_rtt_uncached_p50_ms: round2(percentile(uncachedRtts, 50)),
      interaction_rtt_uncached_p99_ms: round2(percentile(uncachedRtts, 99)),
      load,
    };
  } finally {
    for (const client of clients) await client.destroy();
    for (const bot of bots) await bot.stop();
    for (const discord of discords) await discord.close();
  }
}
