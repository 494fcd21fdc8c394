import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { AnswerCommand } from '../src/discord/command.js';

export const definition = {
  name: 'onthisday',
  description: "What happened on this day (or a given day) in the story's timeline",
  options: [
    { type: ApplicationCommandOptionType.String, name: 'date', description: 'A day as MM-DD or YYYY-MM-DD (default: today)', min_length: 4, max_length: 10 },
  ],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** "MM-DD" of a moment in UTC: Discord does not tell a bot its users' time zones. */
const monthDayUtc = (now: Date) => now.toISOString().slice(5, 10);

export const command: AnswerCommand = {
  definition,
  // "Today" is fixed when asked, so the Sources button shows the same day's evidence tomorrow.
  normalize: (options, { now }) => (options.date?.trim() ? options : { ...options, date: monthDayUtc(now) }),
  answer: (options, { engine, now }) => engine.onThisDay({ date: options.date, now, timeZone: 'UTC' }),
};
