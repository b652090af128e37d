// Per-client limits on public forms, sign-in and the tracking-code lookup. Counters live in the
// database, so the limit holds across every instance behind the proxy; a fixed window keeps it to
// one upsert per request.
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Db } from '../db/database.ts';
import { AppError } from './errors.tsx';

/** How many requests a client may make per window. */
export interface RateLimit {
  name: string;
  max: number;
  windowSeconds: number;
}

/** Counts one request in `bucket`; says whether it is allowed and, if not, when to retry. */
export async function countRequest(db: Db, bucket: string, limit: RateLimit, now = Date.now()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const nowSeconds = Math.floor(now / 1000);
  const windowStart = nowSeconds - (nowSeconds % limit.windowSeconds);
  // One transaction, so a post waits for the write lock once, not twice, while an import writes.
  const hits = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('rate_limit')
      .values({ bucket, window_start: windowStart, hits: 1 })
      .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limit.hits', '+', 1) })))
      .returning('hits')
      .executeTakeFirstOrThrow();
    // Old windows of this client are of no further use.
    await trx.deleteFrom('rate_limit').where('bucket', '=', bucket).where('window_start', '<', windowStart).execute();
    return row.hits;
  });
  return { allowed: Number(hits) <= limit.max, retryAfterSeconds: windowStart + limit.windowSeconds - nowSeconds };
}

/** How many requests `bucket` has made in the current window, without counting one; and when that window ends. */
export async function requestsSoFar(db: Db, bucket: string, limit: RateLimit, now = Date.now()): Promise<{ hits: number; retryAfterSeconds: number }> {
  const nowSeconds = Math.floor(now / 1000);
  const windowStart = nowSeconds - (nowSeconds % limit.windowSeconds);
  const row = await db.selectFrom('rate_limit').select('hits').where('bucket', '=', bucket).where('window_start', '=', windowStart).executeTakeFirst();
  return { hits: Number(row?.hits ?? 0), retryAfterSeconds: windowStart + limit.windowSeconds - nowSeconds };
}

/** "Try again in N minutes", for a refusal whose window ends in `retryAfterSeconds`. */
export function retryInMinutes(activity: string, retryAfterSeconds: number): string {
  return `${activity}过于频繁,请在 ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} 分钟后再试。`;
}

/**
 * The client's address: with `trustProxy`, the last X-Forwarded-For entry (the one our proxy
 * added; earlier ones are whatever the client claimed), otherwise the socket's peer.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** What a limiter counts, and what its answer calls the refused requests. */
export interface RateLimitOptions {
  /** Count GET and HEAD too: for a lookup whose answers can be guessed one request at a time. */
  countReads?: boolean;
  /** 提交 for forms, 查询 for lookups. */
  activity?: string;
}

/** Refuses a client's unsafe requests (or all, with countReads) beyond `limit` with a 429 that says when to retry. */
export function rateLimited(
  db: Db,
  limit: RateLimit,
  clientOf: (c: Context) => string,
  { countReads = false, activity = '提交' }: RateLimitOptions = {},
): MiddlewareHandler {
  return async (c, next) => {
    if (!countReads && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    const { allowed, retryAfterSeconds } = await countRequest(db, `${limit.name}:${clientOf(c)}`, limit);
    if (!allowed) throw new AppError(429, 'too_many_requests', retryInMinutes(activity, retryAfterSeconds), { 'Retry-After': String(retryAfterSeconds) });
    return next();
  };
}
