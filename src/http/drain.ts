// Stopping a node:http server without cutting off the requests it is answering: it stops
// accepting, closes the connections that wait idle for another request, and lets each request in
// flight finish on a connection that then closes, so a keep-alive client never sends a request
// to a server that is going away.
import { Server as NetServer, type Socket } from 'node:net';
import type { Server, ServerResponse } from 'node:http';

/** A server that can be drained; call before it starts listening. */
export interface Drainable {
  /**
   * Stops accepting and waits until every request has been answered and every connection closed,
   * at most `graceMs`; then cuts what is left. Resolves to the number of requests cut off.
   */
  drain(graceMs: number): Promise<number>;
}

// A connection accepted just before the stop has usually sent its request already, but the
// bytes may still wait to be read; it gets this long for a first request before it is closed.
const FIRST_REQUEST_MS = 1000;

interface Connection {
  served: number;
  answering: number;
}

/** Tracks `server`'s connections and responses so that `drain()` can finish them properly. */
export function drainable(server: Server): Drainable {
  const connections = new Map<Socket, Connection>();
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { served: 0, answering: 0 });
    socket.once('close', () => connections.delete(socket));
  });
  // Runs before the application's listener, so the header is set before anything is written.
  server.prependListener('request', (request, response: ServerResponse) => {
    const connection = connections.get(request.socket);
    if (connection) {
      connection.served += 1;
      connection.answering += 1;
    }
    inFlight.add(response);
    response.once('close', () => {
      inFlight.delete(response);
      if (connection) connection.answering -= 1;
    });
    if (draining) lastOnItsConnection(response);
  });
  const closeIdle = (evenUnused: boolean) => {
    for (const [socket, connection] of connections) {
      if (connection.answering === 0 && (connection.served > 0 || evenUnused)) socket.end();
    }
  };
  return {
    drain(graceMs) {
      draining = true;
      return new Promise((resolve) => {
        // After this turn's reads: a request that arrived before the signal has begun by then.
        setImmediate(() => closeIdle(false));
        const unused = setTimeout(() => closeIdle(true), FIRST_REQUEST_MS);
        const timer = setTimeout(() => {
          const cut = inFlight.size;
          clearTimeout(unused);
          for (const socket of connections.keys()) socket.destroy();
          resolve(cut);
        }, graceMs);
        // net's close, not http's: http's closes every connection that has not begun a request
        // yet, also one whose request has arrived but has not been read.
        NetServer.prototype.close.call(server, () => {
          clearTimeout(timer);
          clearTimeout(unused);
          resolve(0);
        });
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
