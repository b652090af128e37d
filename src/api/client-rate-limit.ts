// Per-client request limits for the open API, counted in this process's memory. The API is
// read-only, and what a limit protects is each server process's capacity, so a count per process
// is the right measure; counting in the database (src/http/rate-limit.ts, for forms) would add a
// write to every read. Over N processes (WORKERS × instances) a client may make up to N times the
// limit, since the cluster spreads its connections over the workers.
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../http/errors.tsx';
import type { RateLimit } from '../http/rate-limit.ts';

interface Window {
  start: number;
  hits: number;
}

// Bounded: a flood of distinct addresses evicts the least recently seen clients, not the process.
const MAX_CLIENTS = 10_000;

/** Fixed-window counters per client, for at most `maxClients` clients at a time. */
export class ClientRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limit: RateLimit,
    private readonly maxClients = MAX_CLIENTS,
  ) {}

  /** Counts one request of `client`; says whether it is allowed, how many remain and when the window ends. */
  count(client: string, now = Date.now()): { allowed: boolean; remaining: number; resetSeconds: number } {
    const windowMs = this.limit.windowSeconds * 1000;
    const start = now - (now % windowMs);
    let window = this.windows.get(client);
    if (!window || window.start !== start) window = { start, hits: 0 };
    window.hits += 1;
    // Re-inserted so the map's order is least recently seen first.
    this.windows.delete(client);
    this.windows.set(client, window);
    if (this.windows.size > this.maxClients) this.windows.delete(this.windows.keys().next().value!);
    return {
      allowed: window.hits <= this.limit.max,
      remaining: Math.max(0, this.limit.max - window.hits),
      resetSeconds: Math.ceil((start + windowMs - now) / 1000),
    };
  }

  /** Clients counted now. */
  get clients(): number {
    return this.windows.size;
  }
}

/** Counts every request; beyond the limit a 429 problem with Retry-After. RateLimit-* headers on every answer. */
export function clientRateLimited(limiter: ClientRateLimiter, clientOf: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    // A CORS preflight is the browser's, not the client's request.
    if (c.req.method === 'OPTIONS') return next();
    const { allowed, remaining, resetSeconds } = limiter.count(clientOf(c));
    const headers = {
      'RateLimit-Limit': String(limiter.limit.max),
      'RateLimit-Remaining': String(remaining),
      'RateLimit-Reset': String(resetSeconds),
    };
    if (!allowed) {
      throw new AppError(429, 'too_many_requests', `请求过于频繁,请在 ${resetSeconds} 秒后再试。`, { ...headers, 'Retry-After': String(resetSeconds) });
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
