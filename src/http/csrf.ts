// Cross-site request forgery protection for every form: a random token in an HttpOnly, SameSite
// cookie that the form must send back, and a refusal of requests another origin starts. The token
// lives only in the browser, so any instance behind the proxy can check it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from './errors.tsx';
import { formBody } from './form.ts';
import { requestIsHttps } from './https.ts';
import { requestOrigin } from './origin.ts';

const COOKIE = 'zs_csrf';
/** The form field that carries the token. */
export const CSRF_FIELD = '_csrf';
const TOKEN = /^[0-9a-f]{32}$/u;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The token to put in a form, setting the cookie when the browser has none yet. */
export function csrfToken(c: Context): string {
  const existing = getCookie(c, COOKIE);
  if (existing && TOKEN.test(existing)) return existing;
  const token = randomBytes(16).toString('hex');
  setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: requestIsHttps(c) });
  return token;
}

const refused = () => new AppError(403, 'forbidden', '页面已过期或请求来源不明,请刷新页面后重新提交。您填写的内容不会丢失,可返回上一页复制。');

/** Refuses unsafe requests from another origin or without the form's token. */
export function csrfProtection(): MiddlewareHandler {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const origin = c.req.header('Origin');
    if (origin !== undefined && origin !== requestOrigin(c)) throw refused();
    const cookie = getCookie(c, COOKIE) ?? '';
    const body = await formBody(c);
    const field = typeof body[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : '';
    // Both must have the token's shape first: timingSafeEqual throws on buffers of different byte
    // lengths, which a field of non-ASCII characters with the cookie's length would give.
    if (!TOKEN.test(cookie) || !TOKEN.test(field) || !timingSafeEqual(Buffer.from(field), Buffer.from(cookie))) throw refused();
    return next();
  };
}
