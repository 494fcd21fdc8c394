// The REST endpoints the local Discord implements, each answering as Discord does.
import { InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import type {
  APIInteractionResponse,
  RESTGetAPIGatewayBotResult,
  RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord-api-types/v10';
import { isTextBased } from './entities.js';
import type { InteractionEndpoints, MessageSink } from './interactions.js';
import { buildMessage } from './messages.js';
import type { MessageBody } from './messages.js';
import { RestError, assertValidForm, emptyMessage, missingAccess, missingPermissions, unknownChannel, unknownMessage } from './restError.js';
import type { Route } from './rest.js';
import type { DiscordState } from './state.js';
import { commandListErrors, isEmptyMessage, messageBodyErrors } from './validate.js';

export interface RouteContext {
  state: DiscordState;
  endpoints: InteractionEndpoints;
  sink: MessageSink;
  gatewayUrl: () => string;
}

const asBody = (body: unknown): MessageBody => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as MessageBody) : {});

function gatewayRoutes({ state, gatewayUrl }: RouteContext): Route[] {
  const gatewayBot = (): RESTGetAPIGatewayBotResult => ({
    url: gatewayUrl(),
    shards: 1,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
  });
  return [
    { method: 'GET', template: '/gateway/bot', handle: () => ({ status: 200, body: gatewayBot() }) },
    { method: 'GET', template: '/users/@me', handle: () => ({ status: 200, body: state.botUser }) },
  ];
}

function channelRoutes({ state, sink }: RouteContext): Route[] {
  const visibleChannel = (channelId: string): NonNullable<ReturnType<DiscordState['channel']>> => {
    const found = state.channel(channelId);
    if (!found) throw unknownChannel();
    if (!(state.permissionsIn(channelId, state.botUser.id) & PermissionFlagsBits.ViewChannel)) throw missingAccess();
    return found;
  };
  return [
    { method: 'GET', template: '/channels/:channelId', handle: ({ params }) => ({ status: 200, body: visibleChannel(params.channelId!).channel }) },
    {
      method: 'GET',
      template: '/channels/:channelId/messages/:messageId',
      handle: ({ params }) => {
        visibleChannel(params.channelId!);
        const message = state.message(params.messageId!);
        if (!message || message.channel_id !== params.channelId) throw unknownMessage();
        return { status: 200, body: message };
      },
    },
    {
      method: 'POST',
      template: '/channels/:channelId/messages',
      handle: ({ params, body: rawBody, files }) => {
        const channelId = params.channelId!;
        const { channel, record } = visibleChannel(channelId);
        if (!isTextBased(channel.type)) throw new RestError(400, 50008, 'Cannot send messages in a non-text channel');
        if (!(state.permissionsIn(channelId, state.botUser.id) & PermissionFlagsBits.SendMessages)) throw missingPermissions();
        const body = asBody(rawBody);
        assertValidForm(messageBodyErrors(body));
        if (isEmptyMessage(body, files.length)) throw emptyMessage();
        const nonce = body.nonce as string | number | undefined;
        if (body.enforce_nonce === true && nonce !== undefined) {
          const existing = state.messageForNonce(channelId, state.botUser.id, nonce);
          if (existing) return { status: 200, body: existing };
        }
        const message = buildMessage({
          channelId,
          guildId: record.guild.id,
          author: state.botUser,
          body,
          files,
          mentionContext: state.mentionContext(record.guild.id),
        });
        sink.created(message);
        state.rememberNonce(message);
        return { status: 200, body: message };
      },
    },
  ];
}

function commandRoutes({ state }: RouteContext): Route[] {
  const scope = (params: Record<string, string>): string | undefined => {
    if (params.applicationId !== state.applicationId) throw missingAccess();
    if (params.guildId !== undefined && !state.guilds.has(params.guildId)) throw missingAccess();
    return params.guildId;
  };
  const routes: Route[] = [];
  for (const base of ['/applications/:applicationId/commands', '/applications/:applicationId/guilds/:guildId/commands']) {
    routes.push(
      { method: 'GET', template: base, handle: ({ params }) => ({ status: 200, body: state.registeredCommands(scope(params)) }) },
      {
        method: 'PUT',
        template: base,
        handle: ({ params, body }) => {
          const guildId = scope(params);
          assertValidForm(commandListErrors(body));
          return { status: 200, body: state.overwriteCommands(guildId, body as Record<string, unknown>[]) };
        },
      },
      {
        method: 'POST',
        template: base,
        handle: ({ params, body }) => {
          const guildId = scope(params);
          const created = asBody(body);
          assertValidForm(commandListErrors([created]));
          const others = state.registeredCommands(guildId).filter((c) => !(c.name === created.name && c.type === (created.type ?? 1)));
          const existed = others.length < state.registeredCommands(guildId).length;
          const all = state.overwriteCommands(guildId, [...others, created] as unknown as Record<string, unknown>[]);
          return { status: existed ? 200 : 201, body: all[all.length - 1] };
        },
      },
    );
  }
  return routes;
}

function interactionRoutes({ endpoints }: RouteContext): Route[] {
  const webhookMessage = '/webhooks/:webhookId/:token/messages/:messageId';
  return [
    {
      method: 'POST',
      template: '/interactions/:interactionId/:token/callback',
      interaction: true,
      handle: ({ params, query, body, files }) => {
        const response = body as APIInteractionResponse;
        const { handle, message } = endpoints.callback(params.interactionId!, params.token!, response, files);
        if (query.get('with_response') !== 'true') return { status: 204 };
        const loading = response.type === InteractionResponseType.DeferredChannelMessageWithSource;
        const withResponse: RESTPostAPIInteractionCallbackWithResponseResult = {
          interaction: {
            id: handle.id,
            type: handle.payload.type,
            ...(message
              ? { response_message_id: message.id, response_message_loading: loading, response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0 }
              : {}),
          },
          // The resource carries the message only for replies (4) and updates (7).
          resource: { type: response.type, ...(message && !loading ? { message } : {}) },
        };
        return { status: 200, body: withResponse };
      },
    },
    {
      method: 'GET',
      template: webhookMessage,
      interaction: true,
      handle: ({ params }) => ({ status: 200, body: endpoints.getMessage(endpoints.handleForWebhook(params.webhookId!, params.token!), params.messageId!) }),
    },
    {
      method: 'PATCH',
      template: webhookMessage,
      interaction: true,
      handle: ({ params, body, files }) => ({
        status: 200,
        body: endpoints.editMessage(endpoints.handleForWebhook(params.webhookId!, params.token!), params.messageId!, asBody(body), files),
      }),
    },
    {
      method: 'DELETE',
      template: webhookMessage,
      interaction: true,
      handle: ({ params }) => {
        endpoints.deleteMessage(endpoints.handleForWebhook(params.webhookId!, params.token!), params.messageId!);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      template: '/webhooks/:webhookId/:token',
      interaction: true,
      handle: ({ params, body, files }) => ({
        status: 200,
        body: endpoints.followUp(endpoints.handleForWebhook(params.webhookId!, params.token!), asBody(body), files),
      }),
    },
  ];
}

export function buildRoutes(context: RouteContext): Route[] {
  return [...gatewayRoutes(context), ...channelRoutes(context), ...commandRoutes(context), ...interactionRoutes(context)];
}
