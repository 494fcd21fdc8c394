// Rate limits as Discord announces and enforces them (per-route buckets,
// the global per-second limit) plus injected failures for tests.
import { createHash } from 'node:crypto';

export interface RateLimitVerdict {
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

export interface BucketOptions {
  /** Requests allowed per window in one bucket (one route + major parameter). */
  limit: number;
  windowMs: number;
}

interface Bucket {
  remaining: number;
  resetAt: number;
}

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

function tooManyRequests(retryAfterMs: number, global: boolean, scope: 'user' | 'global' | 'shared', headers: Record<string, string> = {}): RateLimitVerdict {
  const retryAfter = Math.max(0, retryAfterMs) / 1000;
  return {
    status: 429,
    headers: {
      ...headers,
      'Retry-After': String(retryAfter),
      'X-RateLimit-Scope': scope,
      ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
    },
    body: { message: 'You are being rate limited.', retry_after: retryAfter, global },
  };
}

/** Per-route buckets: every answer carries X-RateLimit-* headers; an exhausted bucket answers 429. */
export class RouteBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: BucketOptions) {}

  take(method: string, routeTemplate: string, majorParameter: string, now = Date.now()): RateLimitVerdict {
    const hash = createHash('sha1').update(`${method} ${routeTemplate}`).digest('hex').slice(0, 16);
    const key = `${hash}:${majorParameter}`;
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { remaining: this.options.limit, resetAt: now + this.options.windowMs };
      this.buckets.set(key, bucket);
    }
    const headersFor = (remaining: number): Record<string, string> => ({
      'X-RateLimit-Limit': String(this.options.limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': seconds(bucket.resetAt),
      'X-RateLimit-Reset-After': seconds(bucket.resetAt - now),
      'X-RateLimit-Bucket': hash,
    });
    if (bucket.remaining <= 0) return tooManyRequests(bucket.resetAt - now, false, 'user', headersFor(0));
    bucket.remaining -= 1;
    return { status: 200, headers: headersFor(bucket.remaining) };
  }
}

/** The global limit: at most `perSecond` requests in each one-second window. */
export class GlobalLimiter {
  private windowStart = 0;
  private used = 0;

  constructor(private readonly perSecond: number) {}

  take(now = Date.now()): RateLimitVerdict | undefined {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used >= this.perSecond) return tooManyRequests(this.windowStart + 1000 - now, true, 'global');
    this.used += 1;
    return undefined;
  }
}

export interface FaultMatcher {
  method?: string;
  /** A path under /api/v10 such as '/channels/:id/messages' (`:x` matches one segment, `*` anything), or a RegExp. */
  route: string | RegExp;
}

export interface FaultSpec {
  status: 429 | 500 | 502 | 503 | 400 | 401 | 403 | 404;
  /** Seconds, for 429s. */
  retryAfter?: number;
  global?: boolean;
  /** How many matching requests fail (default 1). */
  times?: number;
  code?: number;
  message?: string;
}

interface ArmedFault {
  matches: (method: string, path: string) => boolean;
  spec: FaultSpec;
  remaining: number;
}

const DEFAULT_ERRORS: Record<number, { message: string; code: number }> = {
  400: { message: '400: Bad Request', code: 0 },
  401: { message: '401: Unauthorized', code: 0 },
  403: { message: 'Missing Permissions', code: 50013 },
  404: { message: '404: Not Found', code: 0 },
  500: { message: '500: Internal Server Error', code: 0 },
  502: { message: '502: Bad Gateway', code: 0 },
  503: { message: '503: Service Unavailable', code: 0 },
};

export function routePatternToRegExp(route: string | RegExp): RegExp {
  if (route instanceof RegExp) return route;
  const escaped = route
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}

export class FaultInjector {
  private readonly armed: ArmedFault[] = [];

  add(matcher: FaultMatcher, spec: FaultSpec): void {
    const pattern = routePatternToRegExp(matcher.route);
    const method = matcher.method?.toUpperCase();
    this.armed.push({
      matches: (m, path) => (method === undefined || method === m) && pattern.test(path),
      spec,
      remaining: spec.times ?? 1,
    });
  }

  /** The verdict for the first armed fault matching this request, consuming one of its uses. */
  take(method: string, path: string): RateLimitVerdict | undefined {
    const fault = this.armed.find((f) => f.remaining > 0 && f.matches(method, path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    const { spec } = fault;
    if (spec.status === 429) {
      const retryMs = (spec.retryAfter ?? 0.05) * 1000;
      const bucketHeaders: Record<string, string> = spec.global
        ? {}
        : { 'X-RateLimit-Limit': '1', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': seconds(retryMs), 'X-RateLimit-Reset': seconds(Date.now() + retryMs) };
      return tooManyRequests(retryMs, spec.global === true, spec.global ? 'global' : 'user', bucketHeaders);
    }
    const defaults = DEFAULT_ERRORS[spec.status] ?? { message: `${spec.status}`, code: 0 };
    return { status: spec.status, headers: {}, body: { message: spec.message ?? defaults.message, code: spec.code ?? defaults.code } };
  }

  pending(): number {
    return this.armed.reduce((sum, f) => sum + f.remaining, 0);
  }
}
