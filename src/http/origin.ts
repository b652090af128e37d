// The origin the browser sees: what a form's Origin header must name, and whether cookies must be
// Secure. Behind a TLS-terminating proxy the request's own URL says http://, so it is not enough.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's public origin (null: it names none), set once by `publicOrigin()` in createApp. */
    publicOrigin: string | null;
  }
}

/** How the public origin is found: a configured one wins, else the proxy's headers if trusted. */
export interface OriginSettings {
  /** PUBLIC_ORIGIN, already normalised (`https://zs.example.gov.cn`). */
  publicOrigin: string | undefined;
  /** Whether our proxy sets X-Forwarded-Proto and X-Forwarded-Host / Host. */
  trustProxy: boolean;
}

const firstValue = (header: string | null) => header?.split(',')[0]?.trim() || undefined;
// A host name or IP literal with an optional port: nothing that could smuggle in a path or user.
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/iu;

/**
 * The origin of the site as the browser addressed it, or null when the request names no valid one
 * (then every Origin header is foreign). Proxy headers count only with `trustProxy`: otherwise
 * anyone could name any origin.
 */
export function expectedOrigin(request: { url: string; headers: Pick<Headers, 'get'> }, settings: OriginSettings): string | null {
  if (settings.publicOrigin) return settings.publicOrigin;
  const own = new URL(request.url);
  if (!settings.trustProxy) return own.origin;
  const forwardedProto = firstValue(request.headers.get('X-Forwarded-Proto'))?.toLowerCase();
  const protocol = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : own.protocol.slice(0, -1);
  const host = firstValue(request.headers.get('X-Forwarded-Host')) ?? request.headers.get('Host') ?? own.host;
  if (!HOST.test(host)) return null;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return null;
  }
}

/** Middleware that works out the request's public origin once for the CSRF check and cookies. */
export function publicOrigin(settings: OriginSettings): MiddlewareHandler {
  return async (c, next) => {
    c.set('publicOrigin', expectedOrigin(c.req.raw, settings));
    return next();
  };
}

/** The request's public origin; without the middleware (small test apps) the request's own URL. */
export function requestOrigin(c: Context): string | null {
  const found = c.get('publicOrigin');
  return found === undefined ? new URL(c.req.url).origin : found;
}

/**
 * The origin absolute URLs in pages, feeds and sitemaps start with: the request's public origin,
 * or its own URL's when it names none. Pages that hold it are cached per origin (page-cache.ts),
 * so what one client's Host header says never reaches another client.
 */
export function siteOrigin(c: Context): string {
  return requestOrigin(c) ?? new URL(c.req.url).origin;
}

/** `expectedOrigin` for a node:http request before routing (the server's fast path). */
export function nodeRequestOrigin(request: IncomingMessage, settings: OriginSettings): string | null {
  if (settings.publicOrigin) return settings.publicOrigin;
  const protocol = (request.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  const host = request.headers.host;
  if (host === undefined || !HOST.test(host)) return null;
  const header = (name: string) => {
    const value = request.headers[name.toLowerCase()];
    return (Array.isArray(value) ? value.join(',') : value) ?? null;
  };
  return expectedOrigin({ url: `${protocol}://${host}/`, headers: { get: header } }, settings);
}
