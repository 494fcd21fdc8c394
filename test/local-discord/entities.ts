// Snowflakes, permission arithmetic and builders for the API objects the local
// Discord hands out. Objects are complete v10 payloads so discord.js can build
// its structures from them exactly as it would from Discord.
import { randomBytes } from 'node:crypto';
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  OverwriteType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type {
  APIGuild,
  APIGuildChannel,
  APIGuildMember,
  APIOverwrite,
  APIRole,
  APIUser,
  ChannelFlags,
  GuildChannelType,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from 'discord-api-types/v10';

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastTimestamp = 0n;
let increment = 0n;

/** A unique, increasing snowflake whose timestamp is now, as Discord's ids are. */
export function snowflake(): string {
  const now = BigInt(Date.now());
  if (now > lastTimestamp) {
    lastTimestamp = now;
    increment = 0n;
  } else if (++increment > 0xfffn) {
    // More than 4096 ids in one millisecond: borrow the next millisecond.
    lastTimestamp += 1n;
    increment = 0n;
  }
  return (((lastTimestamp - DISCORD_EPOCH) << 22n) | increment).toString();
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What @everyone may do in a fresh guild: talk and read, but manage nothing. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak;

/** What the bot's managed role grants guild-wide unless a test says otherwise. */
export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis;

export function makeUser(fields: Partial<APIUser> & { username: string }): APIUser {
  return {
    id: snowflake(),
    discriminator: '0',
    global_name: fields.username,
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    ...fields,
  };
}

export function makeRole(fields: Omit<Partial<APIRole>, 'permissions'> & { id: string; name: string; permissions: bigint }): APIRole {
  const { permissions, ...rest } = fields;
  return {
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position: 0,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...rest,
    permissions: permissions.toString(),
  };
}

export function makeGuildMember(user: APIUser, roleIds: string[], joinedAt = new Date().toISOString()): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: roleIds,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function makeGuild(fields: { id: string; name: string; ownerId: string; roles: APIRole[]; applicationId?: string }): APIGuild {
  return {
    id: fields.id,
    name: fields.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: fields.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: fields.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

export interface ChannelFields {
  id: string;
  guildId: string;
  name: string;
  type: GuildChannelType;
  position: number;
  permissionOverwrites: APIOverwrite[];
  parentId?: string | null;
  topic?: string | null;
}

export function makeGuildChannel(fields: ChannelFields): APIGuildChannel {
  const channel: APIGuildChannel & Record<string, unknown> = {
    id: fields.id,
    type: fields.type,
    guild_id: fields.guildId,
    name: fields.name,
    position: fields.position,
    permission_overwrites: fields.permissionOverwrites,
    parent_id: fields.parentId ?? null,
    nsfw: false,
    flags: 0 as ChannelFlags,
  };
  if (isTextBased(fields.type)) {
    Object.assign(channel, { topic: fields.topic ?? null, last_message_id: null, rate_limit_per_user: 0 });
  }
  return channel;
}

export function isTextBased(type: ChannelType): boolean {
  return [
    ChannelType.GuildText,
    ChannelType.GuildAnnouncement,
    ChannelType.GuildVoice,
    ChannelType.GuildStageVoice,
    ChannelType.AnnouncementThread,
    ChannelType.PublicThread,
    ChannelType.PrivateThread,
  ].includes(type);
}

/** An overwrite that pins a member's permissions in a channel to exactly `permissions`. */
export function exactMemberOverwrite(userId: string, permissions: bigint): APIOverwrite {
  return {
    id: userId,
    type: OverwriteType.Member,
    allow: permissions.toString(),
    deny: (ALL_PERMISSIONS & ~permissions).toString(),
  };
}

/**
 * Discord's documented permission algorithm: owner and Administrator get
 * everything; otherwise @everyone + role permissions, then the channel's
 * @everyone overwrite, role overwrites (combined), and the member overwrite.
 */
export function computePermissions(
  guild: Pick<APIGuild, 'id' | 'owner_id' | 'roles'>,
  member: { userId: string; roleIds: readonly string[] },
  channel?: Pick<APIGuildChannel, 'permission_overwrites'>,
): bigint {
  if (guild.owner_id === member.userId) return ALL_PERMISSIONS;
  const roleById = new Map(guild.roles.map((role) => [role.id, role]));
  let permissions = BigInt(roleById.get(guild.id)?.permissions ?? '0');
  for (const roleId of member.roleIds) permissions |= BigInt(roleById.get(roleId)?.permissions ?? '0');
  if (permissions & PermissionFlagsBits.Administrator) return ALL_PERMISSIONS;
  if (!channel) return permissions;

  const overwrites = channel.permission_overwrites ?? [];
  const apply = (overwrite: { allow: bigint; deny: bigint } | undefined): void => {
    if (overwrite) permissions = (permissions & ~overwrite.deny) | overwrite.allow;
  };
  const parse = (o: APIOverwrite): { allow: bigint; deny: bigint } => ({ allow: BigInt(o.allow), deny: BigInt(o.deny) });

  const everyone = overwrites.find((o) => o.id === guild.id);
  apply(everyone && parse(everyone));
  const roleOverwrites = overwrites.filter((o) => o.type === OverwriteType.Role && member.roleIds.includes(o.id)).map(parse);
  apply(roleOverwrites.reduce((acc, o) => ({ allow: acc.allow | o.allow, deny: acc.deny | o.deny }), { allow: 0n, deny: 0n }));
  const own = overwrites.find((o) => o.type === OverwriteType.Member && o.id === member.userId);
  apply(own && parse(own));
  return permissions;
}
