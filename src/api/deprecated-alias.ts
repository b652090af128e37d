// The JSON addresses that came before /api/v1 keep answering as they did, marked as deprecated
// (RFC 9745) with a link to their successor (RFC 8288 successor-version).
import type { Handler } from 'hono';

// The day /api/v1 replaced them, as RFC 9745's structured date (seconds since the epoch).
const DEPRECATED_SINCE = `@${Date.UTC(2026, 10, 30) / 1000}`;

/** `handler` with the Deprecation and Link headers on its answers; the body is unchanged. */
export function deprecatedAlias(successor: string, handler: Handler): Handler {
  return async (c, next) => {
    const response = await handler(c, next);
    if (response instanceof Response) {
      response.headers.set('Deprecation', DEPRECATED_SINCE);
      response.headers.set('Link', `<${successor}>; rel="successor-version"`);
    }
    return response;
  };
}
