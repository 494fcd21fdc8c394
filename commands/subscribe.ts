import { ApplicationCommandOptionType, ChannelType } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ADMIN_COMMAND_SCOPE, cannotPostReason, discordTime, formatHour, adminCommand, reply } from '../src/discord/subscriptions/guard.js';
import { canonicalTimeZone, nextPostTime, searchTimeZones } from '../src/schedule/time.js';
import { upsertSubscription } from '../src/store/subscriptions.js';

export const definition = {
  name: 'subscribe',
  description: "Post the day's \"on this day\" entries in a channel every day",
  options: [
    { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where to post', required: true, channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] },
    { type: ApplicationCommandOptionType.Integer, name: 'hour', description: 'Hour of the day, 0–23, in the time zone', required: true, min_value: 0, max_value: 23 },
    { type: ApplicationCommandOptionType.String, name: 'timezone', description: 'IANA time zone, e.g. Europe/Berlin (default UTC)', autocomplete: true, max_length: 64 },
    { type: ApplicationCommandOptionType.Boolean, name: 'post_when_empty', description: 'On days without an entry, post the nearest upcoming anniversary (default: post nothing)' },
  ],
  ...ADMIN_COMMAND_SCOPE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = adminCommand({
  definition,
  execute(interaction, context, admin) {
    const channelId = interaction.options.getChannel('channel', true).id;
    const hour = interaction.options.getInteger('hour', true);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) return reply(`The hour must be a whole number from 0 to 23 (you gave ${hour}).`);
    const typedZone = interaction.options.getString('timezone')?.trim() || 'UTC';
    const timeZone = canonicalTimeZone(typedZone);
    if (!timeZone) {
      const suggestions = searchTimeZones(typedZone.split('/').at(-1) ?? typedZone, 3);
      const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((zone) => `\`${zone}\``).join(', ')}?` : ' Use an IANA name such as `Europe/Berlin`.';
      return reply(`\`${typedZone}\` is not a time zone I know.${hint}`);
    }
    const problem = cannotPostReason(interaction, admin.guild, channelId);
    if (problem) return reply(problem);

    const postWhenEmpty = interaction.options.getBoolean('post_when_empty') ?? false;
    const { subscription, created } = upsertSubscription(
      admin.db,
      { guildId: admin.guild.id, channelId, hour, timeZone, postWhenEmpty, createdBy: interaction.user.id },
      context.now,
    );
    const next = nextPostTime(subscription, context.now);
    return reply(
      `${created ? 'Subscribed' : 'Updated'}: <#${channelId}> gets the day's entries at ${formatHour(hour)} ${timeZone}` +
        `${postWhenEmpty ? ' (the nearest anniversary on empty days)' : ''}. Next post: ${discordTime(next, 'F')}.`,
    );
  },
  autocomplete(interaction) {
    return searchTimeZones(interaction.options.getFocused()).map((zone) => ({ name: zone, value: zone }));
  },
});

