// Requests the router renders start one per turn of the event loop, so that a busy worker still
// takes in new connections. libuv accepts one connection per loop turn (libuv#3696), and node:http
// runs a request's handler as soon as its bytes are read: with 25 connections each holding a
// search of about 8 ms, a turn lasted up to 200 ms, and 50 connections opened at once waited up to
// 3.5 s for their first answer, accepted one a turn (bench:search-http at 10,000 articles). Held
// here instead, the requests read in a turn start in the turns after it, each turn accepting one
// more connection: no search took over 0.64 s. Pages from the cache (the fast path) never wait
// here: they cost microseconds and would pay for a loop turn each.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * `listener`, with the requests it is given started in arrival order, one per turn of the event
 * loop, each in the async context it arrived in (its request id). A request whose client has
 * gone while it waited is dropped unstarted.
 */
export function startOnePerLoopTurn(listener: Listener): Listener {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  // An immediate set while immediates run waits for the next turn (after the loop has polled).
  const startNext = () => {
    const start = waiting.shift()!;
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(startNext);
    start();
  };
  return (request, response) => {
    waiting.push(
      AsyncLocalStorage.bind(() => {
        if (!request.socket.destroyed) listener(request, response);
      }),
    );
    if (scheduled) return;
    scheduled = true;
    setImmediate(startNext);
  };
}
