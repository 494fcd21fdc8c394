// Turning a request body into a stored message the way Discord does: mentions
// filtered by allowed_mentions, embeds typed "rich", uploads as attachments.
import { AllowedMentionsTypes, EmbedType, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { APIAttachment, APIEmbed, APIMessage, APIRole, APIUser } from 'discord-api-types/v10';
import { snowflake } from './entities.js';

export type MessageBody = Record<string, unknown>;

export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
}

export interface MentionContext {
  users: ReadonlyMap<string, APIUser>;
  roles: readonly APIRole[];
}

interface AllowedMentionsBody {
  parse?: string[];
  users?: string[];
  roles?: string[];
}

/** Who a message actually pings: mentions in its content that allowed_mentions permits. */
export function resolveMentions(
  content: string,
  allowed: AllowedMentionsBody | undefined,
  context: MentionContext,
): Pick<APIMessage, 'mentions' | 'mention_roles' | 'mention_everyone'> {
  const parse = new Set(allowed ? (allowed.parse ?? []) : Object.values(AllowedMentionsTypes));
  const userIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] as string);
  const roleIds = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] as string);
  const mayPingUser = (id: string): boolean => parse.has(AllowedMentionsTypes.User) || (allowed?.users ?? []).includes(id);
  const mayPingRole = (id: string): boolean => parse.has(AllowedMentionsTypes.Role) || (allowed?.roles ?? []).includes(id);
  const mentions = [...new Set(userIds)]
    .filter(mayPingUser)
    .map((id) => context.users.get(id))
    .filter((user): user is APIUser => user !== undefined);
  const knownRoles = new Set(context.roles.map((role) => role.id));
  return {
    mentions,
    mention_roles: [...new Set(roleIds)].filter((id) => knownRoles.has(id) && mayPingRole(id)),
    mention_everyone: /@(everyone|here)\b/.test(content) && parse.has(AllowedMentionsTypes.Everyone),
  };
}

function toEmbeds(value: unknown): APIEmbed[] {
  return Array.isArray(value) ? value.map((embed: APIEmbed) => ({ type: EmbedType.Rich, ...embed })) : [];
}

function toAttachments(files: UploadedFile[], body: MessageBody): APIAttachment[] {
  const described = Array.isArray(body.attachments) ? (body.attachments as { id?: unknown; description?: string }[]) : [];
  return files.map((file, index) => {
    const id = snowflake();
    const description = described.find((a) => String(a.id) === String(index))?.description;
    const url = `https://cdn.local-discord.invalid/attachments/${id}/${encodeURIComponent(file.filename)}`;
    return {
      id,
      filename: file.filename,
      size: file.size,
      url,
      proxy_url: url,
      content_type: file.contentType,
      ...(description ? { description } : {}),
    };
  });
}

export interface NewMessage {
  channelId: string;
  guildId: string | undefined;
  author: APIUser;
  body: MessageBody;
  files: UploadedFile[];
  mentionContext: MentionContext;
  type?: MessageType;
  extraFlags?: number;
  extra?: Partial<APIMessage>;
}

export function buildMessage(input: NewMessage): APIMessage {
  const { body } = input;
  const content = typeof body.content === 'string' ? body.content : '';
  const flags = (typeof body.flags === 'number' ? body.flags : 0) | (input.extraFlags ?? 0);
  const message: APIMessage & { guild_id?: string } = {
    id: snowflake(),
    channel_id: input.channelId,
    author: input.author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    ...resolveMentions(content, body.allowed_mentions as AllowedMentionsBody | undefined, input.mentionContext),
    attachments: toAttachments(input.files, body),
    embeds: toEmbeds(body.embeds),
    components: Array.isArray(body.components) ? (body.components as APIMessage['components']) : [],
    pinned: false,
    type: input.type ?? MessageType.Default,
    flags,
    ...input.extra,
  };
  if (input.guildId) message.guild_id = input.guildId;
  if (body.nonce !== undefined) message.nonce = body.nonce as string | number;
  if (body.message_reference) message.message_reference = body.message_reference as APIMessage['message_reference'];
  return message;
}

/**
 * An edit replaces the fields it names and keeps the rest. The first edit of
 * a deferred ("thinking…") message makes it visible: LOADING is cleared.
 */
export function applyEdit(message: APIMessage, body: MessageBody, files: UploadedFile[], mentionContext: MentionContext): APIMessage {
  const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
  const next: APIMessage = { ...message, flags: (message.flags ?? 0) & ~MessageFlags.Loading };
  if (typeof body.content === 'string' || body.content === null) next.content = (body.content as string | null) ?? '';
  if (Array.isArray(body.embeds) || body.embeds === null) next.embeds = toEmbeds(body.embeds);
  if (Array.isArray(body.components) || body.components === null) next.components = (body.components as APIMessage['components']) ?? [];
  if (typeof body.flags === 'number') {
    // Only SUPPRESS_EMBEDS may change on edit; ephemerality is fixed at creation.
    next.flags = (next.flags! & ~MessageFlags.SuppressEmbeds) | (body.flags & MessageFlags.SuppressEmbeds);
  }
  if (Array.isArray(body.attachments) || files.length > 0) {
    const kept = (Array.isArray(body.attachments) ? (body.attachments as { id: string }[]) : message.attachments)
      .map((a) => message.attachments.find((existing) => existing.id === String(a.id)))
      .filter((a): a is APIAttachment => a !== undefined);
    next.attachments = [...kept, ...toAttachments(files, body)];
  }
  if (body.content !== undefined || body.allowed_mentions !== undefined) {
    Object.assign(next, resolveMentions(next.content, body.allowed_mentions as AllowedMentionsBody | undefined, mentionContext));
  }
  if (!wasLoading) next.edited_timestamp = new Date().toISOString();
  return next;
}
