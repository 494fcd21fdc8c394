// A protocol-level Discord on 127.0.0.1 for end-to-end tests: the real
// discord.js Client logs in to it, receives interactions and answers them.
//
//   const discord = await startLocalDiscord();
//   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
//   await client.login(discord.token);
//   const reply = await discord.sendCommand({ name: 'ping' }).visibleReply();
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelType, ComponentType, GatewayDispatchEvents, GatewayIntentBits } from 'discord-api-types/v10';
import type { APIApplicationCommand, ApplicationFlags, APIGuildChannel, APIInteraction, APIMessage, APIRole } from 'discord-api-types/v10';
import { randomToken } from './entities.js';
import { Gateway } from './gateway.js';
import type { GatewayEvent, GatewayLogEntry } from './gateway.js';
import { componentsOf, InteractionPayloads } from './interactionPayloads.js';
import type { AutocompleteInput, CommandInput, ComponentInput, SelectInput } from './interactionPayloads.js';
import { InteractionEndpoints } from './interactions.js';
import type { InteractionHandle, MessageSink } from './interactions.js';
import { FaultInjector, GlobalLimiter, RouteBuckets, routePatternToRegExp } from './rateLimits.js';
import type { BucketOptions, FaultMatcher, FaultSpec } from './rateLimits.js';
import { RestServer } from './rest.js';
import type { RestLogEntry } from './rest.js';
import { buildRoutes } from './routes.js';
import { DiscordState } from './state.js';
import type { ChannelSeed, GuildRecord, GuildSeed, LocalMember } from './state.js';

export type { AutocompleteInput, CommandInput, ComponentInput, InvokerOptions, OptionValue, SelectInput } from './interactionPayloads.js';
export type { BotAnswer, EditAnswer, FollowUpAnswer, InteractionHandle, VisibleReply } from './interactions.js';
export type { FaultMatcher, FaultSpec } from './rateLimits.js';
export type { RestLogEntry } from './rest.js';
export type { GatewayLogEntry } from './gateway.js';
export type { ChannelSeed, GuildSeed, LocalMember } from './state.js';
export { ALL_PERMISSIONS, DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './entities.js';

export interface LocalDiscordOptions {
  /** Defaults to one guild with one text channel, #general. */
  guilds?: GuildSeed[];
  /** Enforce Discord's global limit (429 with X-RateLimit-Global). Off by default. */
  globalRateLimit?: { perSecond: number };
  /** Per-route bucket size announced in X-RateLimit-* headers and enforced (default 50 per second). */
  routeRateLimit?: BucketOptions;
  /** Callbacks later than this after dispatch get 404 Unknown interaction (default 3000 ms, as on Discord). */
  interactionDeadlineMs?: number;
  /** How long a nonce sent with enforce_nonce dedups (default 2 minutes; Discord says "a few minutes"). */
  nonceWindowMs?: number;
  heartbeatIntervalMs?: number;
}

export class LocalDiscord {
  readonly token = `${Buffer.from(randomToken(9)).toString('base64url')}.${randomToken(5)}.${randomToken(27)}`;
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  private readonly state: DiscordState;
  private readonly gateway: Gateway;
  private readonly payloads: InteractionPayloads;
  private readonly endpoints: InteractionEndpoints;
  private readonly rest: RestServer;
  private readonly faults = new FaultInjector();

  private constructor(
    options: LocalDiscordOptions,
    private readonly server: Server,
  ) {
    const { port } = server.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    const state = new DiscordState((event, data, intent) => this.gateway.dispatch(event, data, intent), options.nonceWindowMs ?? 120_000);
    const sink: MessageSink = {
      created: (message) => {
        state.storeMessage(message);
        this.gateway.dispatch(GatewayDispatchEvents.MessageCreate, message, GatewayIntentBits.GuildMessages);
      },
      updated: (message) => {
        state.replaceMessage(message);
        this.gateway.dispatch(GatewayDispatchEvents.MessageUpdate, message, GatewayIntentBits.GuildMessages);
      },
      deleted: (message) => {
        state.deleteMessage(message);
        const { id, channel_id } = message;
        this.gateway.dispatch(GatewayDispatchEvents.MessageDelete, { id, channel_id, guild_id: state.channel(channel_id)?.record.guild.id }, GatewayIntentBits.GuildMessages);
      },
    };
    this.state = state;
    this.endpoints = new InteractionEndpoints(state, sink, options.interactionDeadlineMs ?? 3_000);
    this.payloads = new InteractionPayloads(state);
    this.gateway = new Gateway(
      {
        token: this.token,
        heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
        ready: (sessionId, resumeUrl) => ({
          v: 10,
          user: state.botUser,
          guilds: [...state.guilds.keys()].map((id) => ({ id, unavailable: true })),
          session_id: sessionId,
          resume_gateway_url: resumeUrl,
          shard: [0, 1],
          application: { id: state.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
        }),
        guildCreates: () => [...state.guilds.keys()].map((id) => state.guildCreatePayload(id)),
      },
      () => `${this.gatewayUrl}/resume`,
    );
    this.rest = new RestServer(buildRoutes({ state, endpoints: this.endpoints, sink, gatewayUrl: () => this.gatewayUrl }), {
      token: this.token,
      faults: this.faults,
      buckets: new RouteBuckets(options.routeRateLimit ?? { limit: 50, windowMs: 1_000 }),
      globalLimiter: options.globalRateLimit ? new GlobalLimiter(options.globalRateLimit.perSecond) : undefined,
    });
    server.on('request', (request, response) => void this.rest.handle(request, response));
    server.on('upgrade', (request, socket, head) => {
      if (request.url?.startsWith('/gateway')) this.gateway.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
    for (const seed of options.guilds ?? [{}]) state.addGuild(seed);
  }

  static async start(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
    // Listen first: the URLs handed to discord.js need the port.
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new LocalDiscord(options, server);
  }

  get applicationId(): string {
    return this.state.applicationId;
  }

  get botUserId(): string {
    return this.state.botUser.id;
  }

  get defaultGuildId(): string {
    return this.state.guilds.keys().next().value as string;
  }

  /** The first text channel of the first guild. */
  get defaultChannelId(): string {
    const channels = [...this.state.guildRecord(this.defaultGuildId).channels.values()];
    const text = channels.find((c) => c.type === ChannelType.GuildText);
    if (!text) throw new Error('local-discord: the first guild has no text channel');
    return text.id;
  }

  // ---- fixtures (dispatched to a connected bot as GUILD_CREATE / CHANNEL_CREATE / GUILD_ROLE_CREATE)

  addGuild(seed: GuildSeed = {}): GuildRecord {
    return this.state.addGuild(seed);
  }

  addChannel(seed: ChannelSeed & { guildId?: string }): APIGuildChannel {
    return this.state.addChannel({ ...seed, guildId: seed.guildId ?? this.defaultGuildId });
  }

  addRole(input: { guildId?: string; name: string; permissions: bigint }): APIRole {
    return this.state.addRole({ ...input, guildId: input.guildId ?? this.defaultGuildId });
  }

  /** A guild member; `permissions` gives them a role with exactly those bits (on top of @everyone's). */
  addMember(input: { guildId?: string; username?: string; permissions?: bigint; roleIds?: string[] } = {}): LocalMember {
    return this.state.addMember({ ...input, guildId: input.guildId ?? this.defaultGuildId });
  }

  guild(guildId = this.defaultGuildId): GuildRecord {
    return this.state.guildRecord(guildId);
  }

  /** The permissions Discord computes for a user (the bot by default) in a channel. */
  permissionsIn(channelId: string, userId = this.botUserId): bigint {
    return this.state.permissionsIn(channelId, userId);
  }

  // ---- interactions

  sendCommand(input: CommandInput): InteractionHandle {
    return this.dispatchInteraction(this.payloads.command(input));
  }

  sendAutocomplete(input: AutocompleteInput): InteractionHandle {
    return this.dispatchInteraction(this.payloads.autocomplete(input));
  }

  sendButton(input: ComponentInput): InteractionHandle {
    const message = this.messageWithComponent(input, ComponentType.Button, []);
    return this.dispatchInteraction(this.payloads.component(input, ComponentType.Button, message));
  }

  sendSelect(input: SelectInput): InteractionHandle {
    const type = input.componentType ?? ComponentType.StringSelect;
    const message = this.messageWithComponent(input, type, input.values);
    return this.dispatchInteraction(this.payloads.component(input, type, message, input.values));
  }

  // ---- observations

  /** Messages in a channel's history, oldest first (ephemeral replies are not part of it). */
  channelMessages(channelId: string): APIMessage[] {
    return this.state.messages(channelId);
  }

  /** Every REST request received, in order, with the status it got. */
  get requests(): readonly RestLogEntry[] {
    return this.rest.log;
  }

  /** Requests matching a method and a path pattern (same syntax as failNext). */
  requestsTo(method: string, route: string | RegExp): RestLogEntry[] {
    const pattern = routePatternToRegExp(route);
    return this.rest.log.filter((entry) => entry.method === method.toUpperCase() && pattern.test(entry.path));
  }

  /** How many 429s were answered (injected, global and per-route). */
  get rateLimitHits(): number {
    return this.rest.rateLimitHits;
  }

  get gatewayLog(): readonly GatewayLogEntry[] {
    return this.gateway.log;
  }

  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.state.registeredCommands(guildId);
  }

  // ---- faults

  /** The next `times` (default 1) requests matching fail with `status`; 429s carry Discord's rate-limit headers. */
  failNext(matcher: FaultMatcher, spec: FaultSpec): void {
    this.faults.add(matcher, spec);
  }

  /** Closes the gateway socket with a resumable code (4000 by default); discord.js resumes. */
  dropConnection(code = 4000): void {
    this.gateway.dropConnections(code);
  }

  /** Sends opcode 7 Reconnect; discord.js reconnects and resumes. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  /** Resolves with the session id when the next `event` happens on the gateway. */
  async waitForGateway(event: GatewayEvent, timeoutMs = 10_000): Promise<string> {
    const [sessionId] = (await once(this.gateway, event, { signal: AbortSignal.timeout(timeoutMs) })) as [string];
    return sessionId;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private dispatchInteraction(payload: APIInteraction): InteractionHandle {
    if (!this.gateway.hasSession()) throw new Error('local-discord: no bot has identified on the gateway yet');
    const handle = this.endpoints.track(payload);
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return handle;
  }

  /** The current version of the message carrying the component, checked as a user's client would. */
  private messageWithComponent(input: ComponentInput, type: ComponentType, values: string[]): APIMessage {
    let message = input.message && (this.endpoints.latestVersion(input.message.id) ?? this.state.message(input.message.id) ?? input.message);
    if (!message) {
      const channelId = input.channelId ?? (input.guildId ? [...this.guild(input.guildId).channels.keys()][0] : this.defaultChannelId);
      if (!channelId) throw new Error('local-discord: no channel to place the component in');
      message = this.payloads.messageWithComponent(channelId, input.customId, type, values);
      this.state.storeMessage(message);
    }
    const component = componentsOf(message).find((c) => c.custom_id === input.customId);
    if (!component) throw new Error(`local-discord: message ${message.id} has no component "${input.customId}"`);
    if (component.type !== type) throw new Error(`local-discord: component "${input.customId}" is of type ${String(component.type)}, not ${type}`);
    if (component.disabled === true) throw new Error(`local-discord: component "${input.customId}" is disabled`);
    if (type === ComponentType.StringSelect) {
      const offered = new Set((component.options as { value: string }[] | undefined)?.map((o) => o.value));
      const unknown = values.filter((v) => !offered.has(v));
      if (unknown.length > 0) throw new Error(`local-discord: select "${input.customId}" offers no ${unknown.join(', ')}`);
    }
    const min = (component.min_values as number | undefined) ?? 1;
    const max = (component.max_values as number | undefined) ?? 1;
    if (type !== ComponentType.Button && (values.length < min || values.length > max)) {
      throw new Error(`local-discord: select "${input.customId}" takes ${min}..${max} values, got ${values.length}`);
    }
    return message;
  }
}

export function startLocalDiscord(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
  return LocalDiscord.start(options);
}
