/**
 * What a slash-command module provides: its definition (plain data, also used
 * by deploy-commands) and a handler. Answer commands map options to an answer
 * and never touch Discord; interaction commands (e.g. subscriptions) get the
 * interaction itself. The dispatcher renders and sends either kind.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Answer, AnswerEngine } from '../answers/index.js';
import type { MessagePayload } from './payload.js';

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Option values by name, as the user typed them (or as a button carries them back). */
export type CommandOptions = Readonly<Record<string, string | undefined>>;

/** A command and its options: enough to compute the same answer again later (buttons, Sources). */
export interface AnswerRequest {
  command: string;
  options: Record<string, string>;
}

/**
 * Resources handlers may need besides the engine. Empty here on purpose: a
 * layer that needs more (the subscription store) adds its fields by
 * declaration merging (`declare module '…/command.js' { interface BotServices { … } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BotServices {}

export interface CommandContext {
  engine: AnswerEngine;
  /** When the interaction was received, from the bot's clock. */
  now: Date;
  services: BotServices;
}

export interface AutocompleteChoice {
  name: string;
  value: string;
}

export interface AnswerCommand {
  readonly definition: CommandDefinition;
  /**
   * Fills in defaults that must not drift when the answer is recomputed from a
   * button later (e.g. "today" for /onthisday). Default: the options as given.
   */
  normalize?(options: CommandOptions, context: CommandContext): CommandOptions;
  /** Synchronous and platform-free: throws `UserInputError` for bad input. */
  answer(options: CommandOptions, context: CommandContext): Answer;
  /** Choices for the focused option; the dispatcher bounds and sends them. */
  autocomplete?(option: string, partial: string, context: CommandContext): AutocompleteChoice[];
}

/** What an interaction command replies: an answer (rendered like any other) or a ready message. */
export type CommandReply = { answer: Answer; request?: AnswerRequest } | { message: MessagePayload };

export interface InteractionCommand {
  readonly definition: CommandDefinition;
  /** Reply ephemerally whatever the outcome (e.g. admin commands). */
  readonly ephemeral?: boolean;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): CommandReply | Promise<CommandReply>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): AutocompleteChoice[] | Promise<AutocompleteChoice[]>;
}

export type BotCommand = AnswerCommand | InteractionCommand;

export const isAnswerCommand = (command: BotCommand): command is AnswerCommand => 'answer' in command;

export type CommandRegistry = ReadonlyMap<string, BotCommand>;

export function createRegistry(commands: readonly BotCommand[]): CommandRegistry {
  const registry = new Map<string, BotCommand>();
  for (const command of commands) {
    if (registry.has(command.definition.name)) throw new Error(`two commands are named /${command.definition.name}`);
    registry.set(command.definition.name, command);
  }
  return registry;
}

/** Option names of a command in definition order: the positions a custom id stores them in. */
export function optionNames(command: BotCommand | undefined): string[] {
  return (command?.definition.options ?? []).map((option) => option.name);
}
