/**
 * The Discord bot: a discord.js client (gateway intent Guilds only) wired to
 * the dispatcher. `startBot` resolves once the client is ready; `stop()` shuts
 * down gracefully: stop accepting, finish the replies in flight, run the
 * shutdown hook (schedules, database), then destroy the client.
 */
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Events, GatewayIntentBits, RESTEvents } from 'discord.js';
import type { Logger } from 'pino';
import { commands as defaultCommands } from '../../commands/index.js';
import { createAnswerEngine } from '../answers/index.js';
import type { AnswerEngine } from '../answers/index.js';
import type { Config } from '../config.js';
import type { Briefing } from '../summary/load.js';
import { createRegistry, optionNames } from './command.js';
import type { BotCommand, BotServices } from './command.js';
import { CustomIds } from './customIds.js';
import { createDispatcher } from './dispatcher.js';
import type { Dispatcher } from './dispatcher.js';
import { NO_MENTIONS } from './payload.js';

export type DiscordConfig = NonNullable<Config['discord']>;

export interface StartBotOptions {
  config: DiscordConfig;
  /** The engine, or a getter for the current one (hot reload); or a briefing to build one from. */
  engine?: AnswerEngine | (() => AnswerEngine);
  briefing?: Briefing;
  logger: Logger;
  clock?: () => Date;
  /** Default: every command in commands/. */
  commands?: readonly BotCommand[];
  services?: BotServices;
  /** Runs once the client is ready (e.g. start the daily posts). */
  onReady?: (client: Client<true>) => void | Promise<void>;
  /** Runs during shutdown, after the last reply and before the client is destroyed (stop schedules, close the database). */
  onShutdown?: () => void | Promise<void>;
  /** Longest wait for replies in flight at shutdown. */
  drainTimeoutMs?: number;
  /** An interaction command still working after this long is deferred first (default 1.5 s). */
  deferAfterMs?: number;
}

export interface RunningBot {
  client: Client<true>;
  dispatcher: Dispatcher;
  stop(): Promise<void>;
}

function engineGetter(options: StartBotOptions): () => AnswerEngine {
  const { engine, briefing } = options;
  if (typeof engine === 'function') return engine;
  const fixed = engine ?? (briefing ? createAnswerEngine(briefing) : undefined);
  if (!fixed) throw new Error('startBot needs an engine or a briefing');
  return () => fixed;
}

/** Logs `client` in and resolves once it is ready; on failure the client is destroyed (no socket left open). */
export async function loginReady(client: Client, token: string): Promise<Client<true>> {
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return client as Client<true>;
}

export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const registry = createRegistry(options.commands ?? defaultCommands);
  // Every reply with a button encodes a custom id from these: worked out once, not per reply.
  const optionOrder = new Map([...registry].map(([name, command]) => [name, optionNames(command)]));
  const dispatcher = createDispatcher({
    registry,
    engine: engineGetter(options),
    customIds: new CustomIds((command) => optionOrder.get(command)),
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.services ? { services: options.services } : {}),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Also set on every payload; this default covers anything sent elsewhere through the client.
    allowedMentions: NO_MENTIONS,
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    dispatcher.handle(interaction).catch((error: unknown) => logger.error({ err: error }, 'interaction handler escaped its error boundary'));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  let stopping: Promise<void> | undefined;
  // destroy() closes the socket too: only a connection lost while running is worth a line.
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (!stopping) logger.warn({ shard, code: event.code }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping) logger.info({ shard }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope }, 'rate limited by Discord'),
  );

  const readyClient = await loginReady(client, config.token);
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, commands: registry.size }, 'connected to Discord');
  await options.onReady?.(readyClient);

  const stop = () =>
    (stopping ??= (async () => {
      dispatcher.stopAccepting();
      const drained = await Promise.race([dispatcher.drain().then(() => true), delay(options.drainTimeoutMs ?? 10_000, false, { ref: false })]);
      if (!drained) logger.warn({ inFlight: dispatcher.inFlight }, 'shutting down with replies still in flight');
      try {
        await options.onShutdown?.();
      } catch (error) {
        logger.error({ err: error }, 'shutdown hook failed');
      }
      await client.destroy();
      logger.info('disconnected from Discord');
    })());

  return { client: readyClient, dispatcher, stop };
}
