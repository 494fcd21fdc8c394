import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { NAME_MAX } from '../src/answers/limits.js';
import type { AnswerCommand } from '../src/discord/command.js';
import { candidateChoices } from '../src/discord/choices.js';

export const definition = {
  name: 'who',
  description: 'Who is someone in the story? Roles, events, quotes and sources',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'name', description: 'A person or organisation, e.g. Meng Jianzhu, Rice, FBI', required: true, autocomplete: true, min_length: 1, max_length: NAME_MAX },
  ],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command: AnswerCommand = {
  definition,
  // An autocompleted value is an entity id, which the engine takes as exactly that entity.
  answer: (options, { engine }) => engine.who(options.name ?? ''),
  autocomplete: (option, partial, { engine }) => (option === 'name' ? candidateChoices(engine.completeName(partial)) : []),
};
