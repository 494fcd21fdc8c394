// The world the local Discord serves: the bot, its guilds (roles, channels,
// members), stored messages, registered commands. Fixture changes made after
// the bot connected are dispatched over the gateway, as Discord would.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  InteractionContextType,
} from 'discord-api-types/v10';
import type {
  APIApplicationCommand,
  APIGuild,
  APIGuildChannel,
  APIGuildMember,
  APIMessage,
  APIOverwrite,
  APIRole,
  APIUser,
  GatewayGuildCreateDispatchData,
  GuildChannelType,
} from 'discord-api-types/v10';
import {
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  computePermissions,
  exactMemberOverwrite,
  makeGuild,
  makeGuildChannel,
  makeGuildMember,
  makeRole,
  makeUser,
  snowflake,
} from './entities.js';
import type { MentionContext } from './messages.js';

export interface ChannelSeed {
  name: string;
  /** Defaults to a text channel. */
  type?: GuildChannelType;
  /** Pin the bot's permissions in this channel to exactly these bits (as a member overwrite). */
  botPermissions?: bigint;
  permission_overwrites?: APIOverwrite[];
  topic?: string | null;
  parentId?: string | null;
}

export interface GuildSeed {
  id?: string;
  name?: string;
  /** What the bot's managed role grants guild-wide. */
  botPermissions?: bigint;
  everyonePermissions?: bigint;
  /** Defaults to one text channel, #general. */
  channels?: ChannelSeed[];
}

export interface GuildRecord {
  guild: APIGuild;
  channels: Map<string, APIGuildChannel>;
  members: Map<string, APIGuildMember>;
  joinedAt: string;
  botRoleId: string;
}

export interface LocalMember {
  guildId: string;
  user: APIUser;
  member: APIGuildMember;
}

export type Dispatch = (event: GatewayDispatchEvents, data: unknown, intent: GatewayIntentBits) => void;

export class DiscordState {
  readonly applicationId = snowflake();
  readonly botUser: APIUser = makeUser({ id: this.applicationId, username: 'Local Bot', bot: true });
  readonly owner: APIUser = makeUser({ username: 'guild-owner' });
  readonly guilds = new Map<string, GuildRecord>();
  readonly users = new Map<string, APIUser>([[this.botUser.id, this.botUser], [this.owner.id, this.owner]]);
  private readonly channelGuild = new Map<string, string>();
  private readonly channelMessages = new Map<string, APIMessage[]>();
  private readonly messageIndex = new Map<string, APIMessage>();
  private readonly nonces = new Map<string, { messageId: string; at: number }>();
  private readonly commands = new Map<string, APIApplicationCommand[]>();

  constructor(
    private readonly dispatch: Dispatch,
    private readonly nonceWindowMs: number,
  ) {}

  addGuild(seed: GuildSeed = {}): GuildRecord {
    const id = seed.id ?? snowflake();
    const botRoleId = snowflake();
    const roles = [
      makeRole({ id, name: '@everyone', permissions: seed.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS }),
      makeRole({
        id: botRoleId,
        name: this.botUser.username,
        permissions: seed.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
        position: 1,
        managed: true,
        tags: { bot_id: this.botUser.id },
      }),
    ];
    const joinedAt = new Date().toISOString();
    const record: GuildRecord = {
      guild: makeGuild({ id, name: seed.name ?? 'Local Guild', ownerId: this.owner.id, roles }),
      channels: new Map(),
      members: new Map([[this.botUser.id, makeGuildMember(this.botUser, [botRoleId], joinedAt)]]),
      joinedAt,
      botRoleId,
    };
    this.guilds.set(id, record);
    for (const channel of seed.channels ?? [{ name: 'general' }]) this.createChannel(record, channel);
    this.dispatch(GatewayDispatchEvents.GuildCreate, this.guildCreatePayload(id), GatewayIntentBits.Guilds);
    return record;
  }

  addChannel(seed: ChannelSeed & { guildId: string }): APIGuildChannel {
    const channel = this.createChannel(this.guildRecord(seed.guildId), seed);
    this.dispatch(GatewayDispatchEvents.ChannelCreate, channel, GatewayIntentBits.Guilds);
    return channel;
  }

  addRole(input: { guildId: string; name: string; permissions: bigint }): APIRole {
    const { guild } = this.guildRecord(input.guildId);
    const role = makeRole({ id: snowflake(), name: input.name, permissions: input.permissions, position: guild.roles.length });
    guild.roles.push(role);
    this.dispatch(GatewayDispatchEvents.GuildRoleCreate, { guild_id: guild.id, role }, GatewayIntentBits.Guilds);
    return role;
  }

  /** A member of a guild; `permissions` gives them a role granting exactly those bits (plus @everyone's). */
  addMember(input: { guildId: string; username?: string; permissions?: bigint; roleIds?: string[] }): LocalMember {
    const record = this.guildRecord(input.guildId);
    const user = makeUser({ username: input.username ?? `member-${record.members.size}` });
    const roleIds = [...(input.roleIds ?? [])];
    if (input.permissions !== undefined) {
      roleIds.push(this.addRole({ guildId: input.guildId, name: `${user.username}-role`, permissions: input.permissions }).id);
    }
    const member = makeGuildMember(user, roleIds);
    record.members.set(user.id, member);
    this.users.set(user.id, user);
    return { guildId: input.guildId, user, member };
  }

  guildRecord(guildId: string): GuildRecord {
    const record = this.guilds.get(guildId);
    if (!record) throw new Error(`local-discord: no guild ${guildId}`);
    return record;
  }

  channel(channelId: string): { channel: APIGuildChannel; record: GuildRecord } | undefined {
    const guildId = this.channelGuild.get(channelId);
    const record = guildId === undefined ? undefined : this.guilds.get(guildId);
    const channel = record?.channels.get(channelId);
    return channel && record ? { channel, record } : undefined;
  }

  permissionsIn(channelId: string, userId: string): bigint {
    const found = this.channel(channelId);
    if (!found) throw new Error(`local-discord: no channel ${channelId}`);
    const roleIds = found.record.members.get(userId)?.roles ?? [];
    return computePermissions(found.record.guild, { userId, roleIds }, found.channel);
  }

  guildCreatePayload(guildId: string): GatewayGuildCreateDispatchData {
    const record = this.guildRecord(guildId);
    const botMember = record.members.get(this.botUser.id);
    return {
      ...record.guild,
      joined_at: record.joinedAt,
      large: false,
      unavailable: false,
      member_count: record.members.size + 1,
      voice_states: [],
      // Without the privileged GuildMembers intent Discord sends only the bot's own member.
      members: botMember ? [botMember] : [],
      channels: [...record.channels.values()] as GatewayGuildCreateDispatchData['channels'],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  mentionContext(guildId: string | undefined): MentionContext {
    return { users: this.users, roles: guildId ? (this.guilds.get(guildId)?.guild.roles ?? []) : [] };
  }

  storeMessage(message: APIMessage): void {
    this.messageIndex.set(message.id, message);
    const list = this.channelMessages.get(message.channel_id) ?? [];
    list.push(message);
    this.channelMessages.set(message.channel_id, list);
  }

  replaceMessage(message: APIMessage): void {
    this.messageIndex.set(message.id, message);
    const list = this.channelMessages.get(message.channel_id) ?? [];
    const index = list.findIndex((m) => m.id === message.id);
    if (index >= 0) list[index] = message;
  }

  deleteMessage(message: APIMessage): void {
    this.messageIndex.delete(message.id);
    const list = this.channelMessages.get(message.channel_id) ?? [];
    this.channelMessages.set(message.channel_id, list.filter((m) => m.id !== message.id));
  }

  message(messageId: string): APIMessage | undefined {
    return this.messageIndex.get(messageId);
  }

  /** Messages visible in a channel, oldest first (ephemeral replies are never in a channel's history). */
  messages(channelId: string): APIMessage[] {
    return [...(this.channelMessages.get(channelId) ?? [])];
  }

  /** A message the same author created in this channel with this nonce, within the dedup window. */
  messageForNonce(channelId: string, authorId: string, nonce: string | number): APIMessage | undefined {
    const seen = this.nonces.get(`${channelId}:${authorId}:${nonce}`);
    if (!seen || Date.now() - seen.at > this.nonceWindowMs) return undefined;
    return this.messageIndex.get(seen.messageId);
  }

  rememberNonce(message: APIMessage): void {
    if (message.nonce === undefined) return;
    this.nonces.set(`${message.channel_id}:${message.author.id}:${message.nonce}`, { messageId: message.id, at: Date.now() });
  }

  /** Bulk overwrite: commands keep their id when one of the same type and name existed. */
  overwriteCommands(guildId: string | undefined, bodies: Record<string, unknown>[]): APIApplicationCommand[] {
    const key = guildId ?? 'global';
    const previous = this.commands.get(key) ?? [];
    const next = bodies.map((body): APIApplicationCommand => {
      const type = (body.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
      const existing = previous.find((c) => c.type === type && c.name === body.name);
      const command: APIApplicationCommand = {
        ...(body as Partial<APIApplicationCommand>),
        id: existing?.id ?? snowflake(),
        application_id: this.applicationId,
        type,
        name: String(body.name),
        description: typeof body.description === 'string' ? body.description : '',
        default_member_permissions: (body.default_member_permissions as string | null | undefined) ?? null,
        nsfw: body.nsfw === true,
        version: snowflake(),
      };
      if (guildId) {
        command.guild_id = guildId;
      } else {
        command.integration_types ??= [ApplicationIntegrationType.GuildInstall];
        command.contexts ??= [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel];
      }
      return command;
    });
    this.commands.set(key, next);
    return next;
  }

  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return [...(this.commands.get(guildId ?? 'global') ?? [])];
  }

  /** The command a user in this guild would see under this name (guild commands shadow global ones). */
  findCommand(name: string, guildId: string | undefined, type = ApplicationCommandType.ChatInput): APIApplicationCommand | undefined {
    const lists = [guildId ? this.commands.get(guildId) : undefined, this.commands.get('global')];
    for (const list of lists) {
      const found = list?.find((c) => c.name === name && c.type === type);
      if (found) return found;
    }
    return undefined;
  }

  private createChannel(record: GuildRecord, seed: ChannelSeed): APIGuildChannel {
    const overwrites = [...(seed.permission_overwrites ?? [])];
    if (seed.botPermissions !== undefined) overwrites.push(exactMemberOverwrite(this.botUser.id, seed.botPermissions));
    const channel = makeGuildChannel({
      id: snowflake(),
      guildId: record.guild.id,
      name: seed.name,
      type: seed.type ?? ChannelType.GuildText,
      position: record.channels.size,
      permissionOverwrites: overwrites,
      parentId: seed.parentId ?? null,
      topic: seed.topic ?? null,
    });
    record.channels.set(channel.id, channel);
    this.channelGuild.set(channel.id, record.guild.id);
    return channel;
  }
}
