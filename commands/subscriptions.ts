import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ADMIN_COMMAND_SCOPE, discordTime, formatHour, adminCommand, reply } from '../src/discord/subscriptions/guard.js';
import { nextPostTime } from '../src/schedule/time.js';
import { lastDelivery } from '../src/store/deliveries.js';
import type { Delivery } from '../src/store/deliveries.js';
import { listSubscriptions } from '../src/store/subscriptions.js';
import type { Subscription } from '../src/store/subscriptions.js';

export const definition = {
  name: 'subscriptions',
  description: "This server's daily \"on this day\" posts",
  ...ADMIN_COMMAND_SCOPE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord's message limit, less room for the heading. */
const MAX_CHARS = 1900;

export const command = adminCommand({
  definition,
  execute(interaction, context, admin) {
    const subscriptions = listSubscriptions(admin.db, admin.guild.id);
    if (subscriptions.length === 0) return reply('No daily posts in this server. Start one with `/subscribe`.');
    const lines: string[] = [];
    let length = 0;
    for (const [index, subscription] of subscriptions.entries()) {
      const line = describe(subscription, lastDelivery(admin.db, subscription.channelId), context.now);
      if (length + line.length > MAX_CHARS) {
        lines.push(`…and ${subscriptions.length - index} more.`);
        break;
      }
      lines.push(line);
      length += line.length + 1;
    }
    return reply(`**Daily posts in this server (${subscriptions.length})**\n${lines.join('\n')}`);
  },
});

function describe(subscription: Subscription, last: Delivery | undefined, now: Date): string {
  const schedule = `<#${subscription.channelId}> at ${formatHour(subscription.hour)} ${subscription.timeZone}`;
  const state = subscription.pausedReason
    ? `**paused**: ${subscription.pausedReason} (fix the bot's permissions, then \`/subscribe\` again)`
    : `next ${discordTime(nextPostTime(subscription, now), 'R')}`;
  const lastText = last ? ` · last: ${last.localDate} ${last.status}${last.deliveredAt ? ` ${discordTime(last.deliveredAt, 'R')}` : ''}` : '';
  const error = !subscription.pausedReason && subscription.lastError ? ` · last error: ${subscription.lastError}` : '';
  return `• ${schedule} · ${state}${lastText}${error}`;
}
