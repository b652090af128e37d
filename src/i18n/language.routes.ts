// The language switch (`/language/zh`, `/language/en`) and the first visit's redirect of `/`.
//
// Caching: `/` is the one address whose answer depends on the visitor. Its page is always the
// Chinese home and is cached as usual; what differs is the redirect to `/en` (302 with Set-Cookie
// and no-store, which no cache keeps). So the app's fast path (src/http/fast-path.ts) lets a
// request for `/` that homeRedirect would send away reach the router, and nginx
// (deploy/nginx/zhaoshang.conf) skips its micro-cache for `/` when the visitor has chosen English or
// has no language cookie and names English in Accept-Language. The home page is not sent with
// `Vary: Accept-Language, Cookie`: its content never varies, and nginx, which honours Vary, would
// keep a copy of `/` per Accept-Language string browsers send.
import { Hono, type MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { requestIsHttps } from '../http/https.ts';
import { NO_STORE } from '../http/no-store.ts';
import type { PageLanguage } from '../http/page-meta.tsx';
import { safeNextPath } from './alternates.ts';
import { COOKIE_VALUES, homeRedirect, LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE } from './language-choice.ts';

const remember = (c: Parameters<MiddlewareHandler>[0], lang: PageLanguage) =>
  setCookie(c, LANGUAGE_COOKIE, COOKIE_VALUES[lang], { path: '/', sameSite: 'Lax', maxAge: LANGUAGE_COOKIE_MAX_AGE, secure: requestIsHttps(c) });

/** Before the home page's route: sends a visitor who reads English to `/en` (remembering a first visit's Accept-Language). */
export function homeLanguageRedirect(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const redirect = homeRedirect(c.req.header('Cookie'), c.req.header('Accept-Language'));
    if (!redirect) return next();
    if (redirect.remember) remember(c, 'en');
    c.header('Cache-Control', NO_STORE['Cache-Control']);
    return c.redirect(redirect.to, 302);
  };
}

/** Routes: `/language/zh` and `/language/en`, `?next=<path>`: remember the choice, then go there. */
export function languageRoutes(): Hono {
  return new Hono().get('/language/:code{zh|en}', (c) => {
    const lang: PageLanguage = c.req.param('code') === 'en' ? 'en' : 'zh-CN';
    remember(c, lang);
    c.header('Cache-Control', NO_STORE['Cache-Control']);
    return c.redirect(safeNextPath(c.req.query('next'), lang), 303);
  });
}
