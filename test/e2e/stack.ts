/**
 * The bot as `npm start` runs it (startBot, the real discord.js client, the
 * real data), logged in to the local Discord, with its commands registered as
 * deploy-commands would. One stack per test file keeps the suite fast.
 */
import { Writable } from 'node:stream';
import { REST, Routes } from 'discord.js';
import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import { MessageFlags } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { commandDefinitions, commands } from '../../commands/index.js';
import type { BotCommand } from '../../src/discord/command.js';
import { startBot } from '../../src/discord/bot.js';
import type { RunningBot, StartBotOptions } from '../../src/discord/bot.js';
import { createLogger } from '../../src/logger.js';
import { engine } from '../answers/engine.js';
import { startLocalDiscord } from '../local-discord/index.js';
import type { LocalDiscord, LocalDiscordOptions, RestLogEntry } from '../local-discord/index.js';

export { engine };

export interface Stack {
  discord: LocalDiscord;
  bot: RunningBot;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Starts another bot instance on the same local Discord (e.g. after a restart). */
  startAnotherBot(): Promise<RunningBot>;
  stop(): Promise<void>;
}

export interface StackOptions {
  discord?: LocalDiscordOptions;
  /** Commands besides the real ones (test-only, not registered with Discord). */
  extraCommands?: BotCommand[];
  clock?: () => Date;
  deferAfterMs?: number;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const discord = await startLocalDiscord(options.discord);
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  await rest.put(Routes.applicationGuildCommands(discord.applicationId, discord.defaultGuildId), { body: commandDefinitions });

  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', secrets: [discord.token], destination: sink, pretty: false });
  const botOptions: StartBotOptions = {
    config: { token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl },
    engine,
    logger,
    commands: [...commands, ...(options.extraCommands ?? [])],
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  };
  const bots: RunningBot[] = [await startBot(botOptions)];
  return {
    discord,
    bot: bots[0]!,
    logs,
    async startAnotherBot() {
      const bot = await startBot(botOptions);
      bots.push(bot);
      return bot;
    },
    async stop() {
      for (const bot of bots) await bot.stop();
      await discord.close();
    },
  };
}

export const isEphemeral = (message: APIMessage) => ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

export function firstEmbed(message: APIMessage): APIEmbed {
  const embed = message.embeds[0];
  if (!embed) throw new Error(`message ${message.id} has no embed: ${JSON.stringify(message).slice(0, 300)}`);
  return embed;
}

/** All the text of a message's embeds, for "does it say X" checks. */
export function embedText(message: APIMessage): string {
  return message.embeds
    .flatMap((embed) => [embed.title, embed.description, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]), embed.footer?.text])
    .filter(Boolean)
    .join('\n');
}

export function customIdsOf(message: APIMessage): string[] {
  const ids: string[] = [];
  for (const row of message.components ?? []) {
    if (!('components' in row)) continue;
    for (const component of row.components as readonly object[]) if ('custom_id' in component && typeof component.custom_id === 'string') ids.push(component.custom_id);
  }
  return ids;
}

export function buttonId(message: APIMessage, label: string): string {
  for (const row of message.components ?? []) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      if ('label' in component && component.label === label && 'custom_id' in component && !component.disabled) return component.custom_id;
    }
  }
  throw new Error(`no enabled "${label}" button on message ${message.id}`);
}

/** Every request through which the bot sent or edited a message, with the message body it sent. */
export function messageBodies(requests: readonly RestLogEntry[]): { entry: RestLogEntry; body: Record<string, unknown> }[] {
  const bodies: { entry: RestLogEntry; body: Record<string, unknown> }[] = [];
  for (const entry of requests) {
    const body = entry.body as Record<string, unknown> | undefined;
    if (!body || (entry.method !== 'POST' && entry.method !== 'PATCH')) continue;
    if (entry.route === '/interactions/:interactionId/:token/callback') {
      // 4: reply, 7: update; 5, 6 and 8 (defer, autocomplete) carry no message.
      if (body.type === 4 || body.type === 7) bodies.push({ entry, body: body.data as Record<string, unknown> });
    } else if (entry.path.startsWith('/webhooks/') || /^\/channels\/[^/]+\/messages/.test(entry.path)) {
      bodies.push({ entry, body });
    }
  }
  return bodies;
}

export function expectNoMentions(body: Record<string, unknown>): void {
  expect(body.allowed_mentions).toEqual({ parse: [] });
}
