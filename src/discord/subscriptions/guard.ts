/**
 * Checks shared by the subscription commands. Discord hides them from members without Manage
 * Server by default, but a server admin can change that in the integration settings: so each
 * command checks again when handled.
 */
import { ApplicationIntegrationType, ChannelType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import type { ChatInputCommandInteraction, Guild, GuildBasedChannel } from 'discord.js';
import type { CommandContext, CommandReply, InteractionCommand } from '../command.js';
import type { Database } from '../../store/database.js';
import './services.js';

export const MANAGE_GUILD = PermissionFlagsBits.ManageGuild.toString();

/** Who may see and use the admin commands: Manage Server, in servers only (re-checked when handled). */
export const ADMIN_COMMAND_SCOPE = {
  default_member_permissions: MANAGE_GUILD,
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};

export const reply = (content: string): CommandReply => ({ message: { content, ephemeral: true } });

export interface AdminScope {
  db: Database;
  guild: Guild;
}

type Guarded = ({ ok: true } & AdminScope) | { ok: false; reply: CommandReply };

function guardAdmin(interaction: ChatInputCommandInteraction, context: CommandContext): Guarded {
  const guild = interaction.guild;
  if (!interaction.inGuild() || !guild) return { ok: false, reply: reply('Subscriptions belong to a server: use this command in one.') };
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    return { ok: false, reply: reply('Sorry, only members with the **Manage Server** permission can manage daily posts.') };
  }
  const db = context.services.subscriptions;
  if (!db) return { ok: false, reply: reply('Daily posts are not available on this bot right now.') };
  return { ok: true, db, guild };
}

/**
 * An admin command: ephemeral, and its `execute` runs only once `guardAdmin` has passed, with the
 * store and the server it checked. The one place the check is wired, so no admin command can skip it.
 */
export function adminCommand(command: {
  definition: InteractionCommand['definition'];
  execute(interaction: ChatInputCommandInteraction, context: CommandContext, admin: AdminScope): CommandReply | Promise<CommandReply>;
  autocomplete?: InteractionCommand['autocomplete'];
}): InteractionCommand {
  return {
    ...command,
    ephemeral: true,
    execute(interaction, context) {
      const guarded = guardAdmin(interaction, context);
      return guarded.ok ? command.execute(interaction, context, guarded) : guarded.reply;
    },
  };
}

const POSTABLE = new Set<ChannelType>([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
const NEEDED: [bigint, string][] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

/** Why the bot cannot post in this channel, or undefined when it can. */
export function cannotPostReason(interaction: ChatInputCommandInteraction, guild: Guild, channelId: string): string | undefined {
  const channel: GuildBasedChannel | undefined = guild.channels.cache.get(channelId);
  const resolved = interaction.options.getChannel('channel');
  const type = channel?.type ?? resolved?.type;
  if (type === undefined || !POSTABLE.has(type)) return `<#${channelId}> is not a text channel: choose a text or announcement channel.`;
  const me = guild.members.me;
  const permissions = channelId === interaction.channelId ? interaction.appPermissions : me && channel ? channel.permissionsFor(me) : null;
  if (!permissions) return `I cannot see <#${channelId}>: give me View Channel, Send Messages and Embed Links there.`;
  const missing = NEEDED.filter(([bit]) => !permissions.has(bit)).map(([, name]) => name);
  if (missing.length > 0) return `I cannot post in <#${channelId}>: I am missing ${missing.join(', ')} there. Give me those permissions and try again.`;
  return undefined;
}

export const discordTime = (instant: Date, style: 'F' | 'R') => `<t:${Math.floor(instant.getTime() / 1000)}:${style}>`;

export const formatHour = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
