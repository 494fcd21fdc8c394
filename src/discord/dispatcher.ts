/**
 * The one entry point for every interaction, and its one error boundary:
 *   - a `UserInputError` is shown to the user as it is (ephemeral);
 *   - anything else gets a generic ephemeral reply with a short error id, and
 *     is logged with that id, the command, the guild and the latency;
 *   - autocomplete never throws: on any trouble it offers no choices.
 * Answers are computed synchronously and sent at once (no defer), or taken
 * from the reply cache when asked before; only interaction commands that take
 * long are deferred.
 */
import { randomBytes } from 'node:crypto';
import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes } from 'discord.js';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  InteractionReplyOptions,
  InteractionUpdateOptions,
  JSONEncodable,
  RepliableInteraction,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import { UserInputError } from '../answers/index.js';
import type { Answer, AnswerEngine } from '../answers/index.js';
import { isAnswerCommand } from './command.js';
import type { AnswerCommand, AnswerRequest, AutocompleteChoice, BotServices, CommandContext, CommandOptions, CommandRegistry, CommandReply, InteractionCommand } from './command.js';
import type { CustomIds } from './customIds.js';
import { INERT_PREFIX } from './customIds.js';
import { renderEvidence } from './evidence.js';
import { DISCORD_LIMITS } from './limits.js';
import { NO_MENTIONS } from './payload.js';
import type { MessagePayload } from './payload.js';
import { renderAnswer, renderFailure, renderUserError } from './render.js';
import { ReplyCache, replyKey } from './replyCache.js';

export interface DispatcherOptions {
  registry: CommandRegistry;
  /** The engine to answer from right now (a getter, so a reloaded summary is picked up). */
  engine: () => AnswerEngine;
  customIds: CustomIds;
  logger: Logger;
  clock?: () => Date;
  services?: BotServices;
  /** An interaction command still working after this long gets a "thinking…" reply first (Discord allows 3 s). */
  deferAfterMs?: number;
  /** Autocomplete choices later than this are dropped (Discord's deadline is 3 s). */
  autocompleteBudgetMs?: number;
  /** Rendered replies to answer commands (default: a new one of REPLY_CACHE_ENTRIES). */
  replyCache?: ReplyCache;
}

export interface Dispatcher {
  handle(interaction: Interaction): Promise<void>;
  /** Stop answering new interactions (they get a short "restarting" notice). */
  stopAccepting(): void;
  /** Resolves when every interaction being handled has been answered. */
  drain(): Promise<void>;
  readonly inFlight: number;
}

const RESTARTING = 'I’m restarting: please try again in a minute.';
const EXPIRED = 'This button has expired: please run the command again.';
const STALE = 'This button belongs to an older version of the bot: please run the command again.';
/** Errors that mean the interaction can no longer be answered at all. */
const UNANSWERABLE = new Set<number | string>([RESTJSONErrorCodes.UnknownInteraction, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged]);

const newErrorId = () => randomBytes(3).toString('hex');

function describe(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return `/${interaction.commandName}`;
  if (interaction.isMessageComponent()) return `component ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}

/**
 * The renderers already produce API JSON. Handed over as plain objects,
 * discord.js would re-key every nested object through its camelCase → snake_case
 * transformer on each send (a large share of a reply's cost); as JSON-encodable
 * values it sends them as they are, which is the same JSON.
 */
const asJson = <T>(data: T): JSONEncodable<T> => ({ toJSON: () => data });

function replyOptions(payload: MessagePayload): InteractionReplyOptions {
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: (payload.embeds ?? []).map(asJson),
    components: (payload.components ?? []).map(asJson),
    allowedMentions: NO_MENTIONS,
    ...(payload.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Edits keep the message's visibility: no flags. */
function editOptions(payload: MessagePayload): InteractionUpdateOptions {
  return {
    content: payload.content ?? '',
    embeds: (payload.embeds ?? []).map(asJson),
    components: (payload.components ?? []).map(asJson),
    allowedMentions: NO_MENTIONS,
  };
}

/** Sends a payload whatever state the interaction is in (fresh, deferred or already answered). */
async function send(interaction: RepliableInteraction, payload: MessagePayload): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    // A public "thinking…" cannot turn private: replace it with an ephemeral follow-up.
    if (payload.ephemeral && !interaction.ephemeral) {
      await interaction.deleteReply();
      await interaction.followUp(replyOptions(payload));
    } else {
      await interaction.editReply(editOptions(payload));
    }
  } else if (interaction.deferred || interaction.replied) {
    await interaction.followUp(replyOptions(payload));
  } else {
    await interaction.reply(replyOptions(payload));
  }
}

function boundedChoices(choices: readonly AutocompleteChoice[]): AutocompleteChoice[] {
  return choices
    .filter(
      (choice) =>
        typeof choice.name === 'string' &&
        typeof choice.value === 'string' &&
        choice.name.length >= 1 &&
        choice.name.length <= DISCORD_LIMITS.choiceName &&
        choice.value.length <= DISCORD_LIMITS.choiceValue,
    )
    .slice(0, DISCORD_LIMITS.autocompleteChoices);
}

function readOptions(interaction: ChatInputCommandInteraction | AutocompleteInteraction): Record<string, string> {
  const options: Record<string, string> = {};
  for (const option of interaction.options.data) {
    if (option.value !== undefined && option.value !== null) options[option.name] = String(option.value);
  }
  return options;
}

/** Options worth carrying in a button: given and non-empty. */
function compact(options: CommandOptions): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(options)) if (value) kept[name] = value;
  return kept;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { registry, customIds, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const services = options.services ?? {};
  const deferAfterMs = options.deferAfterMs ?? 1_500;
  const autocompleteBudgetMs = options.autocompleteBudgetMs ?? 2_000;
  const replies = options.replyCache ?? new ReplyCache();
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  const context = (): CommandContext => ({ engine: options.engine(), now: clock(), services });

  /** Recomputes an answer from a request a button carried. */
  function answerFor(request: AnswerRequest, ctx: CommandContext): Answer {
    const command = registry.get(request.command);
    if (!command || !isAnswerCommand(command)) throw new UserInputError(STALE);
    return command.answer(request.options, ctx);
  }

  /** The reply to an answer command: from the cache when the same request was answered today from the same summary. */
  function replyTo(command: AnswerCommand, options: CommandOptions, ctx: CommandContext): MessagePayload {
    const request = { command: command.definition.name, options: compact(options) };
    // Keyed on the options as the answer gets them (empty ones included), not only those a button carries.
    const key = replyKey({ command: request.command, options }, ctx.now);
    const cached = replies.get(ctx.engine, key);
    if (cached) return cached;
    const payload = renderAnswer(command.answer(options, ctx), { customIds, request });
    return usesStoredIds(payload) ? payload : replies.set(ctx.engine, key, payload);
  }

  /** Buttons whose ids live in the bounded in-memory store: a cached copy could outlive them. */
  function usesStoredIds(payload: MessagePayload): boolean {
    return (payload.components ?? []).some((row) => row.components.some((child) => 'custom_id' in child && customIds.isStored(child.custom_id)));
  }

  async function chatInput(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = registry.get(interaction.commandName);
    if (!command) throw new UserInputError(`I don’t offer /${interaction.commandName} any more: type / to see my commands.`);
    const ctx = context();
    if (!isAnswerCommand(command)) return interactionCommand(command, interaction, ctx);
    const given = readOptions(interaction);
    await send(interaction, replyTo(command, command.normalize?.(given, ctx) ?? given, ctx));
  }

  async function interactionCommand(command: InteractionCommand, interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
    let deferral: Promise<unknown> | undefined;
    const timer = setTimeout(() => {
      deferral = interaction.deferReply(command.ephemeral ? { flags: MessageFlags.Ephemeral } : {}).catch((error: unknown) => {
        logger.warn({ err: error, command: describe(interaction) }, 'could not defer the reply');
      });
    }, deferAfterMs);
    let reply: CommandReply;
    try {
      reply = await command.execute(interaction, ctx);
    } finally {
      clearTimeout(timer);
      await deferral; // the error boundary, too, must see the interaction as deferred
    }
    const payload =
      'answer' in reply
        ? renderAnswer(reply.answer, { customIds, ...(reply.request ? { request: reply.request } : {}) })
        : reply.message;
    await send(interaction, command.ephemeral ? { ...payload, ephemeral: true } : payload);
  }

  async function component(interaction: ButtonInteraction | StringSelectMenuInteraction): Promise<void> {
    const decoded = customIds.decode(interaction.customId);
    switch (decoded.kind) {
      case 'unknown':
        if (!interaction.customId.startsWith(INERT_PREFIX)) throw new UserInputError(STALE);
        await interaction.deferUpdate(); // a disabled button: nothing to do
        return;
      case 'expired':
        throw new UserInputError(EXPIRED);
      case 'timeline-page': {
        const request = { command: 'timeline', options: { ...decoded.filters, page: String(decoded.page) } };
        const payload = renderAnswer(answerFor(request, context()), { customIds });
        // The page replaces the message it was asked from; a miss goes to the asker alone.
        if (payload.ephemeral) await send(interaction, payload);
        else await interaction.update(editOptions(payload));
        return;
      }
      case 'sources': {
        const payload = renderEvidence(answerFor(decoded.request, context()), decoded.page, decoded.request, customIds);
        // Paging inside the (ephemeral) evidence view updates it; from an answer it opens one.
        if (interaction.message.flags.has(MessageFlags.Ephemeral)) await interaction.update(editOptions(payload));
        else await send(interaction, payload);
        return;
      }
      case 'pick': {
        const chosen = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
        if (!chosen) throw new UserInputError('Please choose one of the names in the menu.');
        const request = { command: decoded.request.command, options: { ...decoded.request.options, [decoded.option]: chosen } };
        return send(interaction, renderAnswer(answerFor(request, context()), { customIds, request }));
      }
    }
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    let choices: AutocompleteChoice[] = [];
    try {
      const command = registry.get(interaction.commandName);
      if (command?.autocomplete) {
        if (isAnswerCommand(command)) {
          const focused = interaction.options.getFocused(true);
          choices = command.autocomplete?.(focused.name, String(focused.value), context()) ?? [];
        } else {
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<AutocompleteChoice[]>((resolve) => (timer = setTimeout(() => resolve([]), autocompleteBudgetMs)));
          choices = await Promise.race([Promise.resolve(command.autocomplete(interaction, context())), late]).finally(() => clearTimeout(timer));
        }
      }
      choices = boundedChoices(choices);
    } catch (error) {
      logger.warn({ err: error, command: describe(interaction), guild: interaction.guildId }, 'autocomplete failed; offering no choices');
      choices = [];
    }
    try {
      await interaction.respond(choices);
    } catch (error) {
      logger.warn({ err: error, command: describe(interaction), guild: interaction.guildId }, 'could not send autocomplete choices');
    }
  }

  async function fail(interaction: Interaction, error: unknown, started: number): Promise<void> {
    const latencyMs = Math.round(performance.now() - started);
    const where = { command: describe(interaction), guild: interaction.guildId, latencyMs };
    if (error instanceof DiscordAPIError && UNANSWERABLE.has(error.code)) {
      logger.warn({ ...where, err: error }, 'interaction could not be answered (expired or already answered)');
      return;
    }
    let payload: MessagePayload;
    let errorId: string | undefined;
    if (error instanceof UserInputError) {
      payload = renderUserError(error);
    } else {
      errorId = newErrorId();
      logger.error({ ...where, errorId, err: error }, 'interaction failed');
      payload = renderFailure(errorId);
    }
    if (!interaction.isRepliable()) return;
    try {
      await send(interaction, payload);
    } catch (sendError) {
      logger.warn({ ...where, errorId, err: sendError }, 'could not tell the user about an error');
    }
  }

  async function dispatch(interaction: Interaction): Promise<void> {
    const started = performance.now();
    try {
      if (interaction.isAutocomplete()) return await autocomplete(interaction);
      if (!accepting) {
        if (interaction.isRepliable()) await send(interaction, { content: RESTARTING, ephemeral: true });
        return;
      }
      if (interaction.isChatInputCommand()) await chatInput(interaction);
      else if (interaction.isButton() || interaction.isStringSelectMenu()) await component(interaction);
      else return;
      if (logger.isLevelEnabled('debug')) {
        logger.debug({ command: describe(interaction), guild: interaction.guildId, latencyMs: performance.now() - started }, 'answered');
      }
    } catch (error) {
      await fail(interaction, error, started);
    }
  }

  return {
    handle(interaction) {
      const handling = dispatch(interaction);
      inFlight.add(handling);
      handling.then(
        () => inFlight.delete(handling),
        () => inFlight.delete(handling),
      );
      return handling;
    },
    stopAccepting() {
      accepting = false;
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    get inFlight() {
      return inFlight.size;
    },
  };
}
