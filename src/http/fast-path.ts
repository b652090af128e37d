// The server's first stop for every request: a GET for a page already rendered at the current
// content version is answered straight from the page cache; everything else goes to the router.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeRequestOrigin, type OriginSettings } from './origin.ts';
import type { PageCache } from './page-cache.ts';
import { homeRedirect } from '../i18n/language-choice.ts';
import { currentRequest } from './request-context.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A node:http listener that tries the page cache before `router`. `origins` must be the app's
 * settings: the cache keeps pages per origin, and a different answer here only means a miss.
 */
export function pageCacheFirst(cache: PageCache, router: Listener, origins: OriginSettings = { publicOrigin: undefined, trustProxy: false }): Listener {
  return (request, response) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) return router(request, response);
    // `/` for a visitor the router sends to /en (language.routes.ts): never the cached Chinese home.
    if (pathOf(request.url ?? '/') === '/' && homeRedirect(request.headers.cookie, request.headers['accept-language'])) return router(request, response);
    const pageRequest = {
      ifNoneMatch: request.headers['if-none-match'],
      acceptEncoding: request.headers['accept-encoding'],
      head,
    };
    cache.currentResponse(nodeRequestOrigin(request, origins), request.url ?? '/', pageRequest).then(
      (parts) => {
        if (!parts) return router(request, response);
        const headers: Record<string, string> = { ...SECURITY_HEADERS, ...parts.headers };
        const context = currentRequest();
        if (context) {
          context.route = parts.route;
          headers['X-Request-Id'] = context.id;
        }
        response.writeHead(parts.status, headers);
        response.end(parts.body ?? undefined);
      },
      // The router reports errors properly (logged, with a Chinese error page).
      () => router(request, response),
    );
  };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
