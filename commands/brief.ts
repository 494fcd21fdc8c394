import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { AnswerCommand } from '../src/discord/command.js';

export const definition = {
  name: 'brief',
  description: 'The story so far: key points in order, main actors, and what the sources dispute',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command: AnswerCommand = {
  definition,
  answer: (_options, { engine }) => engine.brief(),
};
