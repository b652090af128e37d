// The router's part in observing a request (see observed-requests.ts): the request id on every
// response the app makes, and the route a request went to for the metrics — its pattern
// (`/articles/:id`), never the path itself, so that there is one series per route, not per URL.
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { currentRequest, UNMATCHED_ROUTE } from '../http/request-context.ts';

/**
 * Middleware, first in the app: once the request is answered, puts its id on the response and
 * records the last route matched for its method, even when a middleware answered first (a 413, a
 * sign-in redirect). Handlers registered for every method are middleware (the site has no
 * `app.all` routes), so a request that matched none but those went to no route: UNMATCHED_ROUTE.
 */
export function observeRoute(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const request = currentRequest();
    if (!request) return;
    c.res.headers.set('X-Request-Id', request.id);
    const routes = matchedRoutes(c).filter((matched) => matched.method !== 'ALL');
    request.route = routes.at(-1)?.path ?? UNMATCHED_ROUTE;
  };
}
