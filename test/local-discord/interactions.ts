// What happens to an interaction after it is dispatched: the one callback
// Discord accepts (within the deadline), then edits, follow-ups and deletes
// through the interaction's webhook token. A handle lets a test await them.
import { InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { APIApplicationCommandOptionChoice, APIInteraction, APIInteractionResponse, APIMessage } from 'discord-api-types/v10';
import { applyEdit, buildMessage } from './messages.js';
import type { MessageBody, UploadedFile } from './messages.js';
import {
  RestError,
  alreadyAcknowledged,
  assertValidForm,
  emptyMessage,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from './restError.js';
import type { DiscordState } from './state.js';
import { autocompleteErrors, isEmptyMessage, messageBodyErrors } from './validate.js';

export type BotAnswer =
  | { kind: 'callback'; body: APIInteractionResponse; message?: APIMessage }
  | { kind: 'edit'; messageId: string; original: boolean; body: MessageBody; message: APIMessage }
  | { kind: 'followup'; body: MessageBody; message: APIMessage; editedLoadingOriginal: boolean }
  | { kind: 'delete'; messageId: string; original: boolean };

export type EditAnswer = Extract<BotAnswer, { kind: 'edit' }>;
export type FollowUpAnswer = Extract<BotAnswer, { kind: 'followup' }>;

/** The first state of the interaction's own message a user could read, and the request body that produced it. */
export interface VisibleReply {
  message: APIMessage;
  body: MessageBody;
}

export interface MessageSink {
  created(message: APIMessage): void;
  updated(message: APIMessage): void;
  deleted(message: APIMessage): void;
}

const DEFAULT_WAIT_MS = 5_000;
const WEBHOOK_TOKEN_LIFETIME_MS = 15 * 60_000;

const ALLOWED_CALLBACKS: Record<number, InteractionResponseType[]> = {
  [InteractionType.ApplicationCommand]: [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource, InteractionResponseType.Modal],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

export class InteractionHandle {
  readonly answers: BotAnswer[] = [];
  readonly createdAt = Date.now();
  /** Messages this interaction's token may reach: its original response and its follow-ups. */
  readonly messages = new Map<string, APIMessage>();
  originalId: string | undefined;
  private editCursor = 0;
  private followUpCursor = 0;
  private readonly waiters = new Set<() => void>();

  constructor(readonly payload: APIInteraction) {
    if (payload.message) {
      this.originalId = payload.message.id;
      this.messages.set(payload.message.id, payload.message);
    }
  }

  get id(): string {
    return this.payload.id;
  }

  get token(): string {
    return this.payload.token;
  }

  get acknowledged(): boolean {
    return this.answers.some((a) => a.kind === 'callback');
  }

  /** The interaction's message as it stands now (the reply, or the message a component sits on). */
  original(): APIMessage | undefined {
    return this.originalId === undefined ? undefined : this.messages.get(this.originalId);
  }

  /** The callback body (type + data) the bot answered with. */
  response(timeoutMs = DEFAULT_WAIT_MS): Promise<APIInteractionResponse> {
    return this.waitFor('the interaction callback', timeoutMs, () => {
      const callback = this.answers.find((a) => a.kind === 'callback');
      return callback?.kind === 'callback' ? callback.body : undefined;
    });
  }

  /** The autocomplete choices the bot offered. */
  async choices(timeoutMs = DEFAULT_WAIT_MS): Promise<APIApplicationCommandOptionChoice[]> {
    const body = await this.response(timeoutMs);
    if (body.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
      throw new Error(`local-discord: expected an autocomplete result, got callback type ${body.type}`);
    }
    return body.data.choices ?? [];
  }

  /** The next edit of any message through this token, in order; each call consumes one. */
  async nextEdit(timeoutMs = DEFAULT_WAIT_MS): Promise<EditAnswer> {
    const [answer, index] = await this.waitFor('an edit', timeoutMs, () => this.findFrom(this.editCursor, 'edit'));
    this.editCursor = index + 1;
    return answer;
  }

  /** The next follow-up, in order; each call consumes one. */
  async nextFollowUp(timeoutMs = DEFAULT_WAIT_MS): Promise<FollowUpAnswer> {
    const [answer, index] = await this.waitFor('a follow-up', timeoutMs, () => this.findFrom(this.followUpCursor, 'followup'));
    this.followUpCursor = index + 1;
    return answer;
  }

  /**
   * The first time the interaction's message became readable: a reply (4), an
   * update (7), or the first edit / follow-up that replaced "thinking…" (5, 6).
   */
  visibleReply(timeoutMs = DEFAULT_WAIT_MS): Promise<VisibleReply> {
    return this.waitFor('a visible reply', timeoutMs, () => {
      for (const answer of this.answers) {
        if (answer.kind === 'callback' && answer.message && !isLoading(answer.message)) {
          return { message: answer.message, body: ('data' in answer.body ? answer.body.data : {}) as MessageBody };
        }
        if ((answer.kind === 'edit' && answer.original) || (answer.kind === 'followup' && answer.editedLoadingOriginal)) {
          return { message: answer.message, body: answer.body };
        }
      }
      return undefined;
    });
  }

  record(answer: BotAnswer): void {
    this.answers.push(answer);
    for (const wake of [...this.waiters]) wake();
  }

  private findFrom<K extends BotAnswer['kind']>(cursor: number, kind: K): [Extract<BotAnswer, { kind: K }>, number] | undefined {
    for (let i = cursor; i < this.answers.length; i++) {
      const answer = this.answers[i];
      if (answer?.kind === kind) return [answer as Extract<BotAnswer, { kind: K }>, i];
    }
    return undefined;
  }

  private waitFor<T>(what: string, timeoutMs: number, pick: () => T | undefined): Promise<T> {
    const now = pick();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const wake = (): void => {
        const value = pick();
        if (value === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        const seen = this.answers.map((a) => (a.kind === 'callback' ? `callback type ${a.body.type}` : a.kind)).join(', ') || 'nothing';
        reject(new Error(`local-discord: waited ${timeoutMs} ms for ${what} to interaction ${this.id}; the bot sent: ${seen}`));
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }
}

const isLoading = (message: APIMessage): boolean => ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
const isEphemeral = (message: APIMessage): boolean => ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/** Serves the interaction endpoints (callback, original response, follow-ups) for dispatched interactions. */
export class InteractionEndpoints {
  private readonly byId = new Map<string, InteractionHandle>();
  private readonly byToken = new Map<string, InteractionHandle>();

  constructor(
    private readonly state: DiscordState,
    private readonly sink: MessageSink,
    private readonly deadlineMs: number,
  ) {}

  track(payload: APIInteraction): InteractionHandle {
    const handle = new InteractionHandle(payload);
    this.byId.set(handle.id, handle);
    this.byToken.set(handle.token, handle);
    return handle;
  }

  callback(id: string, token: string, body: APIInteractionResponse, files: UploadedFile[]): { handle: InteractionHandle; message?: APIMessage } {
    const handle = this.byId.get(id);
    if (!handle || handle.token !== token) throw unknownInteraction();
    if (handle.acknowledged) throw alreadyAcknowledged();
    if (Date.now() - handle.createdAt > this.deadlineMs) throw unknownInteraction();
    if (!(ALLOWED_CALLBACKS[handle.payload.type] ?? []).includes(body.type)) {
      assertValidForm([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Callback type ${body.type} is not valid for interaction type ${handle.payload.type}` }]);
    }
    const data = ('data' in body && body.data ? body.data : {}) as MessageBody;
    let message: APIMessage | undefined;
    switch (body.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        assertValidForm(messageBodyErrors(data));
        if (isEmptyMessage(data, files.length)) throw emptyMessage();
        message = this.createResponseMessage(handle, data, files, 0);
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource:
        message = this.createResponseMessage(handle, { flags: Number(data.flags ?? 0) & MessageFlags.Ephemeral }, [], MessageFlags.Loading);
        break;
      case InteractionResponseType.UpdateMessage: {
        assertValidForm(messageBodyErrors(data));
        message = this.edit(handle, handle.originalId, data, files);
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        assertValidForm(autocompleteErrors(data));
        break;
      default:
        break; // deferred update (6) and modal (9) change nothing visible yet
    }
    handle.record({ kind: 'callback', body, message });
    return { handle, message };
  }

  /** The latest version of a message some interaction token reached (ephemeral ones live only here). */
  latestVersion(messageId: string): APIMessage | undefined {
    let latest: APIMessage | undefined;
    for (const handle of this.byId.values()) latest = handle.messages.get(messageId) ?? latest;
    return latest;
  }

  handleForWebhook(applicationId: string, token: string): InteractionHandle {
    const handle = this.byToken.get(token);
    if (!handle || applicationId !== this.state.applicationId) throw unknownWebhook();
    if (Date.now() - handle.createdAt > WEBHOOK_TOKEN_LIFETIME_MS) throw new RestError(401, 50027, 'Invalid Webhook Token');
    return handle;
  }

  getMessage(handle: InteractionHandle, messageId: string): APIMessage {
    const message = handle.messages.get(this.resolveId(handle, messageId));
    if (!message) throw unknownMessage();
    return message;
  }

  editMessage(handle: InteractionHandle, messageId: string, body: MessageBody, files: UploadedFile[]): APIMessage {
    assertValidForm(messageBodyErrors(body));
    const id = this.resolveId(handle, messageId);
    const message = this.edit(handle, id, body, files);
    handle.record({ kind: 'edit', messageId: id, original: id === handle.originalId, body, message });
    return message;
  }

  deleteMessage(handle: InteractionHandle, messageId: string): void {
    const id = this.resolveId(handle, messageId);
    const message = this.getMessage(handle, id);
    if (isEphemeral(message) && id !== handle.originalId) throw unknownMessage();
    handle.messages.delete(id);
    if (!isEphemeral(message)) this.sink.deleted(message);
    handle.record({ kind: 'delete', messageId: id, original: id === handle.originalId });
  }

  followUp(handle: InteractionHandle, body: MessageBody, files: UploadedFile[]): APIMessage {
    if (!handle.acknowledged) throw unknownWebhook();
    assertValidForm(messageBodyErrors(body));
    if (isEmptyMessage(body, files.length)) throw emptyMessage();
    const original = handle.original();
    // After a deferred reply, the first follow-up replaces the "thinking…" message.
    if (original && isLoading(original)) {
      const message = this.edit(handle, original.id, body, files);
      handle.record({ kind: 'followup', body, message, editedLoadingOriginal: true });
      return message;
    }
    const message = this.newMessage(handle, body, files, 0, MessageType.Default);
    handle.record({ kind: 'followup', body, message, editedLoadingOriginal: false });
    return message;
  }

  private resolveId(handle: InteractionHandle, messageId: string): string {
    if (messageId !== '@original') return messageId;
    if (handle.originalId === undefined) throw unknownMessage();
    return handle.originalId;
  }

  private createResponseMessage(handle: InteractionHandle, body: MessageBody, files: UploadedFile[], extraFlags: number): APIMessage {
    const isCommand = handle.payload.type === InteractionType.ApplicationCommand;
    const message = this.newMessage(handle, body, files, extraFlags, isCommand ? MessageType.ChatInputCommand : MessageType.Default);
    handle.originalId = message.id;
    return message;
  }

  private newMessage(handle: InteractionHandle, body: MessageBody, files: UploadedFile[], extraFlags: number, type: MessageType): APIMessage {
    const { payload } = handle;
    const user = payload.member?.user ?? payload.user;
    const data = payload.data as { name?: string } | undefined;
    const message = buildMessage({
      channelId: payload.channel?.id ?? '',
      guildId: payload.guild_id,
      author: this.state.botUser,
      body,
      files,
      mentionContext: this.state.mentionContext(payload.guild_id),
      type,
      extraFlags,
      extra: {
        webhook_id: this.state.applicationId,
        application_id: this.state.applicationId,
        interaction_metadata: {
          id: payload.id,
          type: payload.type,
          user,
          authorizing_integration_owners: payload.authorizing_integration_owners,
          ...(handle.originalId ? { original_response_message_id: handle.originalId } : {}),
          ...(data?.name ? { name: data.name } : {}),
        } as APIMessage['interaction_metadata'],
      },
    });
    handle.messages.set(message.id, message);
    if (!isEphemeral(message)) this.sink.created(message);
    return message;
  }

  private edit(handle: InteractionHandle, messageId: string | undefined, body: MessageBody, files: UploadedFile[]): APIMessage {
    if (messageId === undefined) throw unknownMessage();
    const current = handle.messages.get(messageId) ?? this.state.message(messageId);
    if (!current) throw unknownMessage();
    const next = applyEdit(current, body, files, this.state.mentionContext(handle.payload.guild_id));
    handle.messages.set(next.id, next);
    if (!isEphemeral(next)) this.sink.updated(next);
    return next;
  }
}
