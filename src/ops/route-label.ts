// Names, for the request metrics, the route a request was routed to: its pattern (`/articles/:id`),
// never the path itself, so that the metrics have one series per route and not one per URL.
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { currentRequest, UNMATCHED_ROUTE } from '../http/request-context.ts';

/**
 * Middleware, first in the app: after the request is answered, records the last route matched
 * for its method, even when a middleware answered first (a 413, a sign-in redirect). Handlers
 * registered for every method are middleware (the site has no `app.all` routes), so a request
 * that matched none but those went to no route: UNMATCHED_ROUTE.
 */
export function labelRoute(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const request = currentRequest();
    if (!request) return;
    const routes = matchedRoutes(c).filter((matched) => matched.method !== 'ALL');
    request.route = routes.at(-1)?.path ?? UNMATCHED_ROUTE;
  };
}
