import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { AnswerCommand } from '../src/discord/command.js';

export const definition = {
  name: 'sources',
  description: 'The articles behind every answer: outlet, title, date',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command: AnswerCommand = {
  definition,
  answer: (_options, { engine }) => engine.sources(),
};
