/**
 * Round trips through the real discord.js client against the local Discord:
 * the bot as `startBot` runs it, and a bare client replying a constant (the floor),
 * measured in alternating batches, plus a burst of interactions all in flight
 * at once at the bot with the event-loop delay. The local Discord runs in this
 * process, so its work is part of every figure.
 */
import { Writable } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, REST, Routes } from 'discord.js';
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
 * Both clients answer `count` interactions, in alternating batches after the
 * same warm-up, so JIT warm-up of discord.js and the local Discord, and the
 * load other processes put on the machine, fall on both alike. (Measured one
 * after the other, the second client inherited a warmed-up runtime and the
 * first one's garbage.) Each client keeps its own pass through the rotation.
 */
async function interleavedRtts(bot: LocalDiscord, bare: LocalDiscord, count: number, warmup: number, batch = 50): Promise<{ bot: number[]; bare: number[] }> {
  const rtts = { bot: [] as number[], bare: [] as number[] };
  const botRotation = { next: 0 };
  const bareRotation = { next: 0 };
  await sequentialRtts(bot, botRotation, warmup);
  await sequentialRtts(bare, bareRotation, warmup);
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done);
    await sequentialRtts(bot, botRotation, size, rtts.bot);
    await sequentialRtts(bare, bareRotation, size, rtts.bare);
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
  load: BurstResult;
}

/** Sub-millisecond figures: 0.1 ms steps would be a tenth of the bare figure, too coarse for a 1.2× comparison. */
const round2 = (value: number): number => Math.round(value * 100) / 100;

async function bareClient(discord: LocalDiscord): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply({ content: 'ok', allowedMentions: { parse: [] } });
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
  // The bot, exactly as main.ts starts it (logs at warn, to nowhere), and the
  // floor: a bare client replying a constant. Each has its own local Discord.
  const discord = await localDiscordWithCommands();
  const bareDiscord = await localDiscordWithCommands().catch(async (error: unknown) => {
    await discord.close();
    throw error;
  });
  const logger = createLogger({ level: 'warn', secrets: [discord.token], destination: SILENT, pretty: false });
  let bot: RunningBot | undefined;
  let client: Client | undefined;
  try {
    bot = await startBot({ config: { token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl }, engine, logger });
    client = await bareClient(bareDiscord);
    const rtts = await interleavedRtts(discord, bareDiscord, count, warmup);
    await client.destroy();
    client = undefined;
    const load = await burst(discord, burstSize);
    return {
      interaction_rtt_p50_ms: round2(percentile(rtts.bot, 50)),
      interaction_rtt_p99_ms: round2(percentile(rtts.bot, 99)),
      interaction_rtt_bare_p50_ms: round2(percentile(rtts.bare, 50)),
      interaction_rtt_bare_p99_ms: round2(percentile(rtts.bare, 99)),
      load,
    };
  } finally {
    await client?.destroy();
    await bot?.stop();
    await discord.close();
    await bareDiscord.close();
  }
}
