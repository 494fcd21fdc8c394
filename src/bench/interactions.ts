/**
 * Round trips through the real discord.js client against the local Discord:
 * the bot as `startBot` runs it, and a bare client replying a constant (the floor),
 * plus a burst of interactions all in flight at once with the event-loop delay.
 * The local Discord runs in this process, so its work is part of every figure.
 */
import { Writable } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, REST, Routes } from 'discord.js';
import { commandDefinitions } from '../../commands/index.js';
import { startLocalDiscord } from '../../test/local-discord/index.js';
import type { CommandInput, LocalDiscord } from '../../test/local-discord/index.js';
import type { AnswerEngine } from '../answers/index.js';
import { startBot } from '../discord/bot.js';
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

/** Sends `count` interactions one after another; milliseconds from dispatch to the visible reply. */
async function sequentialRtts(discord: LocalDiscord, count: number, warmup: number): Promise<number[]> {
  const rtts: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const input = INTERACTIONS[i % INTERACTIONS.length] as CommandInput;
    const start = performance.now();
    await discord.sendCommand(input).visibleReply();
    if (i >= warmup) rtts.push(performance.now() - start);
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

export async function measureInteractions(engine: AnswerEngine, count = 500, burstSize = 1000): Promise<InteractionResult> {
  const warmup = 50;
  // The bot, exactly as main.ts starts it (logs at warn, to nowhere).
  const discord = await localDiscordWithCommands();
  const logger = createLogger({ level: 'warn', secrets: [discord.token], destination: SILENT, pretty: false });
  const bot = await startBot({ config: { token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl }, engine, logger });
  let botRtts: number[];
  let load: BurstResult;
  try {
    botRtts = await sequentialRtts(discord, count, warmup);
    load = await burst(discord, burstSize);
  } finally {
    await bot.stop();
    await discord.close();
  }

  // The floor: a bare client on its own local Discord, replying a constant.
  const bareDiscord = await localDiscordWithCommands();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: bareDiscord.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply({ content: 'ok', allowedMentions: { parse: [] } });
  });
  let bareRtts: number[];
  try {
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(bareDiscord.token);
    await ready;
    bareRtts = await sequentialRtts(bareDiscord, count, warmup);
  } finally {
    await client.destroy();
    await bareDiscord.close();
  }

  return {
    interaction_rtt_p50_ms: round1(percentile(botRtts, 50)),
    interaction_rtt_p99_ms: round1(percentile(botRtts, 99)),
    interaction_rtt_bare_p50_ms: round1(percentile(bareRtts, 50)),
    interaction_rtt_bare_p99_ms: round1(percentile(bareRtts, 99)),
    load,
  };
}
