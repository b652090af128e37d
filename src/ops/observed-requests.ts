// The outermost node:http listener: every request, the page cache's fast path included, gets an
// id (X-Request-Id on its response, `requestId` in its log lines) and is counted and timed by
// route and status once its response has ended.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdFrom, runInRequestContext, type RequestContext } from '../http/request-context.ts';
import type { PortalMetrics } from './portal-metrics.ts';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/** Wraps `listener` with request ids and request metrics. */
export function observeRequests(metrics: PortalMetrics, listener: Listener): Listener {
  return (request, response) => {
    const started = performance.now();
    const context: RequestContext = { id: requestIdFrom(request.headers['x-request-id']), route: undefined };
    // Set before anything writes: writeHead() keeps it beside the headers it is given.
    response.setHeader('X-Request-Id', context.id);
    response.once('close', () => {
      const status = response.writableFinished ? response.statusCode : undefined;
      metrics.observeRequest(request.method, context.route, status, (performance.now() - started) / 1000);
    });
    runInRequestContext(context, () => listener(request, response));
  };
}
