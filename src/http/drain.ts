// Stopping a node:http server without cutting off the requests it is answering: it stops
// accepting, closes the connections that wait idle for another request, and lets each request in
// flight finish on a connection that then closes, so a keep-alive client never sends a request
// to a server that is going away.
import type { Server, ServerResponse } from 'node:http';

/** A server that can be drained; call before it starts listening. */
export interface Drainable {
  /**
   * Stops accepting and waits until every request has been answered and every connection closed,
   * at most `graceMs`; then cuts what is left. Resolves to the number of requests cut off.
   */
  drain(graceMs: number): Promise<number>;
}

/** Tracks `server`'s responses so that `drain()` can finish them properly. */
export function drainable(server: Server): Drainable {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  // Runs before the application's listener, so the header is set before anything is written.
  server.prependListener('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    if (draining) lastOnItsConnection(response);
  });
  return {
    drain(graceMs) {
      draining = true;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          const cut = inFlight.size;
          server.closeAllConnections();
          resolve(cut);
        }, graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve(0);
        });
        // close() has just closed the idle connections; the busy ones close after their response.
        for (const response of inFlight) lastOnItsConnection(response);
      });
    },
  };
}

/** Makes `response` close its connection once it is sent. */
function lastOnItsConnection(response: ServerResponse): void {
  if (!response.headersSent) {
    response.setHeader('Connection', 'close');
    return;
  }
  // Already promised keep-alive: end the connection (after the buffered bytes) once it is done.
  const socket = response.socket;
  response.once('finish', () => socket?.end());
}

