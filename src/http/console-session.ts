// Who is signed in to the console: the session cookie, the middleware that loads the user, and
// the role check every console route declares in its route table.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hasRole, type ConsoleUser, type Role } from '../accounts/account.ts';
import type { Db } from '../db/database.ts';
import { AppError } from './errors.tsx';
import { requestIsHttps } from './https.ts';
import { rateLimited, type RateLimit } from './rate-limit.ts';

/** Hono variables of console routes. */
export type ConsoleEnv = { Variables: { user: ConsoleUser; sessionId: string } };

/** The user a live session belongs to, or undefined (the accounts feature answers it). */
export type SessionLoader = (sessionId: string) => Promise<ConsoleUser | undefined>;

// Behind HTTPS the __Host- prefix binds the cookie to this host and path /, Secure.
const cookieName = (c: Context) => (requestIsHttps(c) ? '__Host-zs_session' : 'zs_session');

/** The session id the browser sent, if any. */
export function sessionCookie(c: Context): string | undefined {
  const value = getCookie(c, cookieName(c));
  return value && /^[0-9a-f]{32}$/u.test(value) ? value : undefined;
}

/** Gives the browser a new session id (at sign-in: never keep an id from before). */
export function setSessionCookie(c: Context, sessionId: string): void {
  setCookie(c, cookieName(c), sessionId, { httpOnly: true, sameSite: 'Strict', path: '/', secure: requestIsHttps(c) });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, cookieName(c), { path: '/', secure: requestIsHttps(c) });
}

/** Loads the signed-in user; others are sent to the sign-in page (or refused, for posts). */
export function requireSignIn(loadUser: SessionLoader): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const sessionId = sessionCookie(c);
    const user = sessionId === undefined ? undefined : await loadUser(sessionId);
    if (!user || sessionId === undefined) {
      if (c.req.method !== 'GET') throw new AppError(403, 'forbidden', '登录已过期,请重新登录后再操作。');
      return c.redirect(`/admin/login?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
    }
    c.set('user', user);
    c.set('sessionId', sessionId);
    const path = new URL(c.req.url).pathname;
    if (user.mustChangePassword && path !== '/admin/password' && path !== '/admin/logout') return c.redirect('/admin/password', 303);
    return next();
  };
}

/**
 * Console posts a client may make without a valid session: sign-ins, expired forms, probes. Far
 * above one person's needs, as a whole office may sign in from one address; failed sign-ins are
 * limited per account and address (sign-in-limit.ts).
 */
export const SIGNED_OUT_POST_LIMIT: RateLimit = { name: 'console-signed-out', max: 100, windowSeconds: 900 };

/**
 * Counts a client's console posts made without a valid session against `limit`, like the public
 * forms, before anything else is done for them; signed-in users are not counted.
 */
export function limitSignedOutPosts(db: Db, loadUser: SessionLoader, limit: RateLimit, clientOf: (c: Context) => string): MiddlewareHandler {
  const limited = rateLimited(db, limit, clientOf);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const sessionId = sessionCookie(c);
    if (sessionId !== undefined && (await loadUser(sessionId)) !== undefined) return next();
    return limited(c, next);
  };
}

/** Lets through users holding any of the given roles; others get a 403 page. */
export function requireRole(...roles: Role[]): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (!hasRole(c.get('user'), ...roles)) throw new AppError(403, 'forbidden', '您没有权限访问这个页面。');
    return next();
  };
}

/** Console pages carry a token and personal data: never stored anywhere. */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
