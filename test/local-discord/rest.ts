// The HTTP side: /api/v10 routing, bot-token auth, injected faults, the global
// limit and per-route buckets (with Discord's headers), and a log of every request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UploadedFile } from './messages.js';
import { RestError } from './restError.js';
import type { FaultInjector, GlobalLimiter, RateLimitVerdict, RouteBuckets } from './rateLimits.js';

export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

export interface Route {
  method: string;
  /** e.g. '/channels/:channelId/messages'; doubles as the route name in the log. */
  template: string;
  /** Interaction endpoints take no bot token and are exempt from the global limit. */
  interaction?: boolean;
  handle: (request: RestRequest) => RestResponse | Promise<RestResponse>;
}

export interface RestLogEntry {
  /** Milliseconds since the server started. */
  at: number;
  method: string;
  /** Decoded path under /api/v10, e.g. '/webhooks/1/abc/messages/@original'. */
  path: string;
  /** The matched route template, or undefined when no route matched. */
  route: string | undefined;
  query: string;
  body: unknown;
  files: UploadedFile[];
  status: number;
  response: unknown;
}

export interface RestOptions {
  token: string;
  faults: FaultInjector;
  buckets: RouteBuckets;
  globalLimiter: GlobalLimiter | undefined;
}

const API_PREFIX = '/api/v10';

function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const templateParts = route.template.split('/');
    if (templateParts.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = templateParts.every((t, i) => {
      const part = parts[i] as string;
      if (t.startsWith(':')) {
        params[t.slice(1)] = part;
        return true;
      }
      return t === part;
    });
    if (ok) return { route, params };
  }
  return undefined;
}

async function readBody(request: IncomingMessage): Promise<{ body: unknown; files: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = request.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: UploadedFile[] = [];
    let body: unknown = {};
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, size: value.size, contentType: value.type });
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw new RestError(400, 50109, 'The request body contains invalid JSON.');
  }
}

export class RestServer {
  readonly log: RestLogEntry[] = [];
  rateLimitHits = 0;
  private readonly startedAt = Date.now();

  constructor(
    private readonly routes: Route[],
    private readonly options: RestOptions,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://local');
    const method = (request.method ?? 'GET').toUpperCase();
    // discord.js sends '@original' percent-encoded; routes see decoded segments.
    const rawPath = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const path = rawPath.split('/').map((s) => decodeURIComponent(s)).join('/');
    const entry: RestLogEntry = { at: Date.now() - this.startedAt, method, path, route: undefined, query: url.search, body: undefined, files: [], status: 0, response: undefined };
    this.log.push(entry);

    let headers: Record<string, string> = {};
    let result: RestResponse;
    try {
      const { body, files } = await readBody(request);
      entry.body = body;
      entry.files = files;
      const matched = url.pathname.startsWith(API_PREFIX) ? matchRoute(this.routes, method, path) : undefined;
      if (!matched) throw new RestError(404, 0, '404: Not Found');
      entry.route = matched.route.template;
      const verdict = this.gate(request, method, path, matched.route, matched.params);
      headers = verdict.headers;
      result = verdict.status === 200 ? await matched.route.handle({ method, path, params: matched.params, query: url.searchParams, body, files }) : { status: verdict.status, body: verdict.body };
    } catch (error) {
      if (!(error instanceof RestError)) console.error('local-discord: route handler crashed', error);
      const failure = error instanceof RestError ? error : new RestError(500, 0, `local-discord crashed: ${String(error)}`);
      result = { status: failure.status, body: failure.body };
    }
    if (result.status === 429) this.rateLimitHits++;
    entry.status = result.status;
    entry.response = result.body;
    this.send(response, result, headers);
  }

  /** Auth, injected faults, the global limit, then the route's bucket, in that order. */
  private gate(request: IncomingMessage, method: string, path: string, route: Route, params: Record<string, string>): RateLimitVerdict {
    if (!route.interaction && request.headers.authorization !== `Bot ${this.options.token}`) {
      throw new RestError(401, 0, '401: Unauthorized');
    }
    const fault = this.options.faults.take(method, path);
    if (fault) return fault;
    if (!route.interaction) {
      const globalVerdict = this.options.globalLimiter?.take();
      if (globalVerdict) return globalVerdict;
    }
    const major = params.channelId ?? params.guildId ?? (params.token ? `${params.webhookId ?? params.interactionId}:${params.token}` : 'global');
    return this.options.buckets.take(method, route.template, major);
  }

  private send(response: ServerResponse, result: RestResponse, headers: Record<string, string>): void {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (result.body === undefined) {
      response.writeHead(result.status).end();
      return;
    }
    response.writeHead(result.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(result.body));
  }
}
