import { ApplicationCommandOptionType, DiscordAPIError, Routes } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ADMIN_COMMAND_SCOPE, cannotPostReason, adminCommand, reply } from '../src/discord/subscriptions/guard.js';
import { NO_MENTIONS } from '../src/discord/payload.js';
import { answerEmbed } from '../src/discord/render.js';
import { localDateOf } from '../src/schedule/time.js';
import { getSubscription } from '../src/store/subscriptions.js';

export const definition = {
  name: 'subscription-preview',
  description: "Post today's \"on this day\" entry in a channel now (the schedule is not affected)",
  options: [{ type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where to post the preview', required: true }],
  ...ADMIN_COMMAND_SCOPE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = adminCommand({
  definition,
  async execute(interaction, context, admin) {
    const channelId = interaction.options.getChannel('channel', true).id;
    const problem = cannotPostReason(interaction, admin.guild, channelId);
    if (problem) return reply(problem);
    // "Today" in the channel's subscribed zone when it has one, else UTC.
    const subscription = getSubscription(admin.db, channelId);
    const timeZone = subscription?.guildId === admin.guild.id ? subscription.timeZone : 'UTC';
    const localDate = localDateOf(context.now, timeZone);
    const answer = context.engine.onThisDay({ date: localDate.slice(5), now: context.now, timeZone });
    try {
      // A plain message, no nonce: a preview is not the day's delivery and never stands in for it.
      await interaction.client.rest.post(Routes.channelMessages(channelId), { body: { embeds: [answerEmbed(answer)], allowed_mentions: NO_MENTIONS } });
    } catch (error) {
      if (error instanceof DiscordAPIError) return reply(`Discord refused the preview in <#${channelId}>: ${error.message}`);
      throw error;
    }
    return reply(`Posted today's entry (${localDate}, ${timeZone}) in <#${channelId}>.`);
  },
});
