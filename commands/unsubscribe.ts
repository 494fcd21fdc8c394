import { ApplicationCommandOptionType } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ADMIN_COMMAND_SCOPE, adminCommand, reply } from '../src/discord/subscriptions/guard.js';
import { getSubscription, removeSubscription } from '../src/store/subscriptions.js';

export const definition = {
  name: 'unsubscribe',
  description: 'Stop the daily "on this day" posts in a channel',
  options: [{ type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'The subscribed channel', required: true }],
  ...ADMIN_COMMAND_SCOPE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = adminCommand({
  definition,
  execute(interaction, context, admin) {
    const channelId = interaction.options.getChannel('channel', true).id;
    // Only this server's subscriptions: a channel id from elsewhere is "not subscribed" here.
    const existing = getSubscription(admin.db, channelId);
    if (!existing || existing.guildId !== admin.guild.id) return reply(`<#${channelId}> has no daily posts.`);
    removeSubscription(admin.db, channelId);
    return reply(`Unsubscribed: <#${channelId}> gets no more daily posts.`);
  },
});
