// Whether the browser reached us over HTTPS, directly or through a TLS-terminating proxy.
import type { Context } from 'hono';

/**
 * True for https URLs and for requests our proxy marks `X-Forwarded-Proto: https`. A client that
 * forges the header only makes its own cookies Secure, which its plain-HTTP browser then drops.
 */
export function requestIsHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}
