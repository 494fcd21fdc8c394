import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { NAME_MAX } from '../src/answers/limits.js';
import type { AnswerCommand } from '../src/discord/command.js';
import { candidateChoices } from '../src/discord/choices.js';

export const definition = {
  name: 'timeline',
  description: 'Dated events in order, with their sources; filter by actor, topic or dates',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'actor', description: 'Only events involving this person or organisation', autocomplete: true, max_length: NAME_MAX },
    { type: ApplicationCommandOptionType.String, name: 'topic', description: 'Only events on this thread of the story, e.g. sanctions', autocomplete: true, max_length: NAME_MAX },
    { type: ApplicationCommandOptionType.String, name: 'from', description: 'Earliest date, YYYY-MM-DD', min_length: 4, max_length: 10 },
    { type: ApplicationCommandOptionType.String, name: 'to', description: 'Latest date, YYYY-MM-DD', min_length: 4, max_length: 10 },
  ],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command: AnswerCommand = {
  definition,
  // `page` is not a slash option: the Previous/Next and Sources buttons carry it.
  answer: (options, { engine }) =>
    engine.timeline({ actor: options.actor, topic: options.topic, from: options.from, to: options.to, page: options.page }),
  autocomplete: (option, partial, { engine }) => {
    if (option === 'actor') return candidateChoices(engine.completeName(partial));
    if (option === 'topic') return candidateChoices(engine.completeTopic(partial));
    return [];
  },
};
