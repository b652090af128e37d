import assert from 'node:assert/strict';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { currentRequest, runInRequestContext } from './request-context.ts';
import { startOnePerLoopTurn } from './request-turns.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A request as the listener sees it, from a client still connected or gone. */
const requestFrom = (url: string, { gone = false } = {}) => ({ url, socket: { destroyed: gone } }) as unknown as IncomingMessage;
const response = {} as ServerResponse;

describe('requests started one per loop turn', () => {
  it('starts the requests in arrival order, one per turn of the event loop', async () => {
    const started: string[] = [];
    const listener = startOnePerLoopTurn((request) => started.push(request.url!));
    for (const url of ['/a', '/b', '/c']) listener(requestFrom(url), response);
    assert.deepEqual(started, []);
    await nextTurn();
    assert.deepEqual(started, ['/a']);
    await nextTurn();
    assert.deepEqual(started, ['/a', '/b']);
    await nextTurn();
    assert.deepEqual(started, ['/a', '/b', '/c']);
    // Idle again, the next request starts on the next turn.
    listener(requestFrom('/d'), response);
    await nextTurn();
    assert.deepEqual(started, ['/a', '/b', '/c', '/d']);
  });

  it('starts each request in the context it arrived in', async () => {
    const ids: Array<string | undefined> = [];
    const listener = startOnePerLoopTurn(() => ids.push(currentRequest()?.id));
    for (const id of ['first', 'second', 'third']) runInRequestContext({ id, route: undefined }, () => listener(requestFrom(`/${id}`), response));
    for (let turn = 0; turn < 3; turn += 1) await nextTurn();
    assert.deepEqual(ids, ['first', 'second', 'third']);
  });

  it('drops a request whose client left while it waited, and starts the next', async () => {
    const started: string[] = [];
    const listener = startOnePerLoopTurn((request) => started.push(request.url!));
    listener(requestFrom('/left', { gone: true }), response);
    listener(requestFrom('/stayed'), response);
    for (let turn = 0; turn < 2; turn += 1) await nextTurn();
    assert.deepEqual(started, ['/stayed']);
  });
});

/** Busy-waits: a handler whose work never yields, as a page rendered over SQLite. */
function burn(ms: number): void {
  for (const end = performance.now() + ms; performance.now() < end; );
}

function get(port: number, agent: Agent | false): Promise<void> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path: '/', agent }, (answer) => answer.resume().on('end', resolve))
      .on('error', reject)
      .end();
  });
}

/**
 * How many requests of `busy` keep-alive clients (each asking again once answered) the server
 * answers between `fresh` new connections each sending a request and the last of them answered.
 */
async function busyAnswersWhileNewConnectionsWait(listener: RequestListener, busy: number, fresh: number): Promise<number> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: busy });
  let answered = 0;
  let running = true;
  const clients = Array.from({ length: busy }, async () => {
    while (running) {
      await get(port, agent);
      answered += 1;
    }
  });
  try {
    while (answered < 4 * busy) await nextTurn();
    const before = answered;
    await Promise.all(Array.from({ length: fresh }, () => get(port, false)));
    return answered - before;
  } finally {
    running = false;
    await Promise.all(clients);
    agent.destroy();
    server.close();
  }
}

describe('a busy server taking new connections', () => {
  // libuv accepts one connection per loop turn; handled as they are read, the busy clients'
  // requests made each turn last as long as all of them (see request-turns.ts).
  it('answers new connections after a few busy requests, not after a turn of all of them per connection', async () => {
    const render = () => burn(3);
    const held = startOnePerLoopTurn((_request, answer) => {
      render();
      answer.end('ok');
    });
    const busy = 8;
    const fresh = 16;
    const whileWaiting = await busyAnswersWhileNewConnectionsWait(held, busy, fresh);
    // Held, each new connection is accepted after one busy request, and its request then waits
    // behind those already read: 20 here. Started as they are read, a turn's worth of busy
    // requests passes before each accept: 72 (the same test with the listener itself).
    assert.ok(whileWaiting < (busy * fresh) / 4, `${whileWaiting} busy requests answered while ${fresh} new connections waited`);
  });
});
