import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { QUESTION_MAX } from '../src/answers/limits.js';
import type { AnswerCommand } from '../src/discord/command.js';

export const definition = {
  name: 'ask',
  description: 'Ask a question about the story in plain English',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'question', description: 'e.g. What did Obama say about sanctions?', required: true, min_length: 1, max_length: QUESTION_MAX },
  ],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command: AnswerCommand = {
  definition,
  answer: (options, { engine, now }) => engine.ask(options.question ?? '', now),
};
