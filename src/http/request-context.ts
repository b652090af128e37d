// What the server knows about the request being handled, wherever the code handling it runs: its
// id (for X-Request-Id and every log line) and, once routing has decided, the route that answered
// (for the metrics). Held in an AsyncLocalStorage, so no function has to pass it along.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The request being handled. */
export interface RequestContext {
  /** Sent back as X-Request-Id and written in every log line about the request. */
  readonly id: string;
  /** The route pattern that answered (`/articles/:id`), UNMATCHED_ROUTE, or undefined until known. */
  route: string | undefined;
}

/** The route label of a request no route matched: unknown paths must not each get a label of their own. */
export const UNMATCHED_ROUTE = '(unmatched)';

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `handle` with `context` as the current request of everything it starts. */
export function runInRequestContext<T>(context: RequestContext, handle: () => T): T {
  return storage.run(context, handle);
}

/** The request being handled, or undefined outside a request (start-up, timers, tests without a server). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

// Proxies and clients name a request with a UUID or a hex string; anything else (too long, spaces,
// quotes, a list) is not copied into our headers and logs.
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The incoming X-Request-Id when it is sane, else a new random one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}
