import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { NAME_MAX } from '../src/answers/limits.js';
import type { AnswerCommand } from '../src/discord/command.js';
import { candidateChoices } from '../src/discord/choices.js';

export const definition = {
  name: 'quote',
  description: 'Direct quotations, exactly as printed, by speaker and/or subject',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'speaker', description: 'Who said it, e.g. Obama, Xi, Josh Earnest', autocomplete: true, max_length: NAME_MAX },
    { type: ApplicationCommandOptionType.String, name: 'about', description: 'A word or subject, e.g. sanctions, hacking', max_length: NAME_MAX },
  ],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command: AnswerCommand = {
  definition,
  answer: (options, { engine }) => engine.quote({ speaker: options.speaker, about: options.about }),
  autocomplete: (option, partial, { engine }) => (option === 'speaker' ? candidateChoices(engine.completeName(partial)) : []),
};
