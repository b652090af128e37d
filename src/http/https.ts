// Whether the browser reached us over HTTPS, directly or through a TLS-terminating proxy.
import type { Context } from 'hono';
import { requestOrigin } from './origin.ts';

/**
 * True when the public origin is https: PUBLIC_ORIGIN says so, or (with TRUST_PROXY) our proxy marks
 * the request `X-Forwarded-Proto: https`, or the URL itself is https. Cookies follow the same
 * origin the CSRF check expects, so a form's cookie and its Origin never disagree.
 */
export function requestIsHttps(c: Context): boolean {
  return requestOrigin(c)?.startsWith('https:') ?? false;
}
