// ETag and If-None-Match for the API's JSON answers, and a cache policy fit for public data.
import type { MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import { matchesEtag } from '../http/compressed-body.ts';

// Anyone may keep a copy, but must revalidate it (a cheap 304) so nobody reads data older than
// the site's; the page cache's pages follow the same rule.
export const API_CACHE_CONTROL = 'public, no-cache';

/** Gives successful GET answers an ETag from their body and answers a matching If-None-Match with 304. */
export function conditionalGet(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return;
    const body = Buffer.from(await c.res.clone().arrayBuffer());
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', API_CACHE_CONTROL);
    if (matchesEtag(c.req.header('If-None-Match'), etag)) {
      const headers = new Headers(c.res.headers);
      headers.delete('Content-Type');
      headers.delete('Content-Length');
      c.res = new Response(null, { status: 304, headers });
    }
  };
}
