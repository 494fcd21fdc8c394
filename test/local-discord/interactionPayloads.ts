// Builds INTERACTION_CREATE payloads the way Discord fills them in for a guild:
// invoking member with channel permissions, app_permissions, resolved entities,
// and option types taken from the registered command when there is one.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
} from 'discord-api-types/v10';
import type {
  APIApplicationCommandOption,
  APIGuildChannel,
  APIInteraction,
  APIInteractionDataResolved,
  APIMessage,
  APIRole,
  APIUser,
} from 'discord-api-types/v10';
import { randomToken, snowflake } from './entities.js';
import type { DiscordState, LocalMember } from './state.js';

export type OptionValue = string | number | boolean | LocalMember | APIUser | APIGuildChannel | APIRole;

export interface InvokerOptions {
  /** Defaults to the first guild. */
  guildId?: string;
  /** Defaults to the guild's first text channel. */
  channelId?: string;
  /** Defaults to a plain member (only @everyone's permissions). */
  member?: LocalMember;
  /** Overrides the invoking member's computed channel permissions in the payload. */
  permissions?: bigint;
  locale?: Locale;
}

export interface CommandInput extends InvokerOptions {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
}

export interface AutocompleteInput extends CommandInput {
  /** The option the user is typing in; its value is sent as the partial string typed so far. */
  focused: string;
}

export interface ComponentInput extends InvokerOptions {
  customId: string;
  /** The message carrying the component; when omitted, a bot message with that component is created first. */
  message?: APIMessage;
}

export interface SelectInput extends ComponentInput {
  values: string[];
  componentType?: ComponentType.StringSelect | ComponentType.UserSelect | ComponentType.RoleSelect | ComponentType.ChannelSelect | ComponentType.MentionableSelect;
}

type Json = Record<string, unknown>;
type Resolved = Required<Pick<APIInteractionDataResolved, 'users' | 'members' | 'channels' | 'roles'>>;

const isMember = (v: unknown): v is LocalMember => typeof v === 'object' && v !== null && 'member' in v && 'guildId' in v;
const isChannel = (v: unknown): v is APIGuildChannel => typeof v === 'object' && v !== null && 'guild_id' in v && 'type' in v;
const isRole = (v: unknown): v is APIRole => typeof v === 'object' && v !== null && 'permissions' in v && 'hoist' in v;
const isUser = (v: unknown): v is APIUser => typeof v === 'object' && v !== null && 'username' in v;

function inferType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'string') return ApplicationCommandOptionType.String;
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  if (isMember(value) || isUser(value)) return ApplicationCommandOptionType.User;
  if (isChannel(value)) return ApplicationCommandOptionType.Channel;
  if (isRole(value)) return ApplicationCommandOptionType.Role;
  throw new Error('local-discord: cannot infer an option type; register the command first');
}

function entityId(value: OptionValue): string {
  if (isMember(value)) return value.user.id;
  if (typeof value === 'object') return value.id;
  return String(value);
}

interface Invoker {
  guildId: string;
  channel: APIGuildChannel;
  member: LocalMember;
  memberPermissions: bigint;
  appPermissions: bigint;
  locale: Locale;
}

export class InteractionPayloads {
  private readonly defaultMembers = new Map<string, LocalMember>();

  constructor(private readonly state: DiscordState) {}

  command(input: CommandInput): APIInteraction {
    return this.applicationCommand(InteractionType.ApplicationCommand, input, undefined);
  }

  autocomplete(input: AutocompleteInput): APIInteraction {
    return this.applicationCommand(InteractionType.ApplicationCommandAutocomplete, input, input.focused);
  }

  /** A click on a button or a choice in a select menu of `message`. */
  component(input: ComponentInput, componentType: ComponentType, message: APIMessage, values?: string[]): APIInteraction {
    const invoker = this.invoker({ ...input, channelId: message.channel_id });
    const data: Json = { custom_id: input.customId, component_type: componentType };
    if (values) {
      data.values = values;
      if (componentType !== ComponentType.StringSelect) {
        const resolved = this.emptyResolved();
        for (const id of values) this.resolveEntity(id, this.selectEntityType(componentType, id, invoker), resolved, invoker);
        data.resolved = pruneResolved(resolved);
      }
    }
    return this.envelope(InteractionType.MessageComponent, invoker, data, { message });
  }

  /** A bot message carrying one component, for component interactions without a prepared message. */
  messageWithComponent(channelId: string, customId: string, componentType: ComponentType, values: string[] = []): APIMessage {
    const found = this.state.channel(channelId);
    const component =
      componentType === ComponentType.Button
        ? { type: ComponentType.Button, style: 1, label: customId, custom_id: customId }
        : componentType === ComponentType.StringSelect
          ? { type: componentType, custom_id: customId, options: values.map((v) => ({ label: v, value: v })), min_values: 1, max_values: Math.max(1, values.length) }
          : { type: componentType, custom_id: customId, min_values: 1, max_values: Math.max(1, values.length) };
    return {
      id: snowflake(),
      channel_id: channelId,
      author: this.state.botUser,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: MessageType.Default,
      flags: 0 as MessageFlags,
      components: [{ type: ComponentType.ActionRow, components: [component] }] as APIMessage['components'],
      ...(found ? { guild_id: found.channel.guild_id } : {}),
    };
  }

  private applicationCommand(type: InteractionType, input: CommandInput, focused: string | undefined): APIInteraction {
    const invoker = this.invoker(input);
    const command = this.state.findCommand(input.name, invoker.guildId);
    const resolved = this.emptyResolved();
    let defs = command?.options;
    const wrap: { name: string; type: ApplicationCommandOptionType }[] = [];
    for (const [name, optionType] of [
      [input.subcommandGroup, ApplicationCommandOptionType.SubcommandGroup],
      [input.subcommand, ApplicationCommandOptionType.Subcommand],
    ] as const) {
      if (name === undefined) continue;
      if (command) {
        const def = defs?.find((d) => d.name === name && d.type === optionType);
        if (!def) throw new Error(`local-discord: /${input.name} has no ${ApplicationCommandOptionType[optionType]} "${name}"`);
        defs = 'options' in def ? (def.options as APIApplicationCommandOption[] | undefined) : undefined;
      }
      wrap.push({ name, type: optionType });
    }
    let options: Json[] = this.optionList(command ? (defs ?? []) : undefined, input.options ?? {}, resolved, invoker, focused);
    for (const level of wrap.reverse()) options = [{ name: level.name, type: level.type, options }];

    const data: Json = { id: command?.id ?? snowflake(), name: input.name, type: ApplicationCommandType.ChatInput, options };
    if (command?.guild_id) data.guild_id = command.guild_id;
    const pruned = pruneResolved(resolved);
    if (Object.keys(pruned).length > 0) data.resolved = pruned;
    return this.envelope(type, invoker, data, {});
  }

  private optionList(
    defs: APIApplicationCommandOption[] | undefined,
    values: Record<string, OptionValue>,
    resolved: Resolved,
    invoker: Invoker,
    focused: string | undefined,
  ): Json[] {
    const list = Object.entries(values).map(([name, value]): Json => {
      const def = defs?.find((d) => d.name === name);
      if (defs && !def) throw new Error(`local-discord: the registered command has no option "${name}"`);
      const type = def?.type ?? inferType(value);
      if (name === focused) return { name, type, value: String(value), focused: true };
      const choices = def && 'choices' in def ? def.choices : undefined;
      if (choices && choices.length > 0 && !choices.some((c) => c.value === value)) {
        throw new Error(`local-discord: "${String(value)}" is not a choice of option "${name}"`);
      }
      const isEntity = [ApplicationCommandOptionType.User, ApplicationCommandOptionType.Channel, ApplicationCommandOptionType.Role, ApplicationCommandOptionType.Mentionable].includes(type);
      if (!isEntity) return { name, type, value };
      const id = entityId(value);
      this.resolveEntity(id, type, resolved, invoker);
      return { name, type, value: id };
    });
    if (focused === undefined) {
      const missing = (defs ?? []).filter((d) => 'required' in d && d.required && !(d.name in values));
      if (missing.length > 0) throw new Error(`local-discord: required option(s) missing: ${missing.map((d) => d.name).join(', ')}`);
    }
    return list;
  }

  private selectEntityType(componentType: ComponentType, id: string, invoker: Invoker): ApplicationCommandOptionType {
    if (componentType === ComponentType.ChannelSelect) return ApplicationCommandOptionType.Channel;
    if (componentType === ComponentType.RoleSelect) return ApplicationCommandOptionType.Role;
    if (componentType === ComponentType.UserSelect) return ApplicationCommandOptionType.User;
    const isRoleId = this.state.guildRecord(invoker.guildId).guild.roles.some((r) => r.id === id);
    return isRoleId ? ApplicationCommandOptionType.Role : ApplicationCommandOptionType.User;
  }

  private resolveEntity(id: string, type: ApplicationCommandOptionType, resolved: Resolved, invoker: Invoker): void {
    const record = this.state.guildRecord(invoker.guildId);
    const role = record.guild.roles.find((r) => r.id === id);
    if (type === ApplicationCommandOptionType.Role || (type === ApplicationCommandOptionType.Mentionable && role)) {
      if (!role) throw new Error(`local-discord: no role ${id} in guild ${invoker.guildId}`);
      resolved.roles[id] = role;
      return;
    }
    if (type === ApplicationCommandOptionType.Channel) {
      const found = this.state.channel(id);
      if (!found) throw new Error(`local-discord: no channel ${id}`);
      const { channel } = found;
      resolved.channels[id] = {
        id,
        name: channel.name,
        type: channel.type,
        permissions: this.state.permissionsIn(id, invoker.member.user.id).toString(),
        ...(channel.parent_id ? { parent_id: channel.parent_id } : {}),
      } as Resolved['channels'][string];
      return;
    }
    const user = this.state.users.get(id);
    if (!user) throw new Error(`local-discord: no user ${id}`);
    resolved.users[id] = user;
    const member = record.members.get(id);
    if (member) {
      const { user: _user, deaf: _deaf, mute: _mute, ...rest } = member;
      resolved.members[id] = { ...rest, permissions: this.state.permissionsIn(invoker.channel.id, id).toString() };
    }
  }

  private emptyResolved(): Resolved {
    return { users: {}, members: {}, channels: {}, roles: {} };
  }

  private invoker(input: InvokerOptions): Invoker {
    const guildId = input.guildId ?? input.member?.guildId ?? this.state.guilds.keys().next().value;
    if (guildId === undefined) throw new Error('local-discord: no guild to interact in');
    const record = this.state.guildRecord(guildId);
    const channelId = input.channelId ?? [...record.channels.values()].find((c) => c.type === 0)?.id;
    const found = channelId === undefined ? undefined : this.state.channel(channelId);
    if (!found || found.record !== record) throw new Error(`local-discord: no channel ${channelId} in guild ${guildId}`);
    const member = input.member ?? this.defaultMember(guildId);
    return {
      guildId,
      channel: found.channel,
      member,
      memberPermissions: input.permissions ?? this.state.permissionsIn(found.channel.id, member.user.id),
      appPermissions: this.state.permissionsIn(found.channel.id, this.state.botUser.id),
      locale: input.locale ?? Locale.EnglishUS,
    };
  }

  private defaultMember(guildId: string): LocalMember {
    let member = this.defaultMembers.get(guildId);
    if (!member) {
      member = this.state.addMember({ guildId, username: 'test-user' });
      this.defaultMembers.set(guildId, member);
    }
    return member;
  }

  private envelope(type: InteractionType, invoker: Invoker, data: Json, extra: { message?: APIMessage }): APIInteraction {
    const { guild } = this.state.guildRecord(invoker.guildId);
    return {
      id: snowflake(),
      application_id: this.state.applicationId,
      type,
      data,
      guild: { id: guild.id, features: guild.features, locale: guild.preferred_locale },
      guild_id: guild.id,
      channel: invoker.channel,
      channel_id: invoker.channel.id,
      member: { ...invoker.member.member, user: invoker.member.user, permissions: invoker.memberPermissions.toString() },
      token: `aW50ZXJhY3Rpb24.${randomToken(48)}`,
      version: 1,
      app_permissions: invoker.appPermissions.toString(),
      locale: invoker.locale,
      guild_locale: guild.preferred_locale,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
      ...extra,
    } as unknown as APIInteraction;
  }
}

function pruneResolved(resolved: Resolved): APIInteractionDataResolved {
  return Object.fromEntries(Object.entries(resolved).filter(([, map]) => Object.keys(map).length > 0));
}

/** Every component in a message, including those nested in rows and containers. */
export function componentsOf(message: APIMessage): Json[] {
  const out: Json[] = [];
  const walk = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (const item of items as Json[]) {
      out.push(item);
      walk(item.components);
      if (item.accessory) walk([item.accessory]);
    }
  };
  walk(message.components);
  return out;
}

export const isEphemeral = (message: APIMessage): boolean => ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
