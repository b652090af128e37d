// The outermost node:http listener: every request, the page cache's fast path included, gets an
// id (X-Request-Id on its response, `requestId` in its log lines) and is counted and timed by
// route and status once its response has ended. Whatever writes the response puts the id among
// the headers it writes (the fast path, the app's observeRoute(), requestRefused()): a header set
// here beforehand makes node:http merge and check every header again, which cost about 3 µs of the
// 22 µs of CPU a page from the fast path takes (measured as npm run bench:observer does).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestError } from '@hono/node-server';
import { currentRequest, requestIdFrom, runInRequestContext, type RequestContext } from '../http/request-context.ts';
import type { PortalMetrics } from './portal-metrics.ts';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/** Wraps `listener` with request ids and request metrics. */
export function observeRequests(metrics: PortalMetrics, listener: Listener): Listener {
  return (request, response) => {
    const started = performance.now();
    const context: RequestContext = { id: requestIdFrom(request.headers['x-request-id']), route: undefined };
    response.once('close', () => {
      const status = response.writableFinished ? response.statusCode : undefined;
      metrics.observeRequest(request.method, context.route, status, (performance.now() - started) / 1000);
    });
    runInRequestContext(context, () => listener(request, response));
  };
}

/**
 * The answer to a request the app could not even be given (@hono/node-server's errorHandler): a
 * 400 for one it cannot read as a Request (a backslash in the path, an invalid Host), else a 500.
 */
export function requestRefused(error: unknown): Response {
  const id = currentRequest()?.id;
  return new Response(null, { status: error instanceof RequestError ? 400 : 500, headers: id ? { 'X-Request-Id': id } : {} });
}
