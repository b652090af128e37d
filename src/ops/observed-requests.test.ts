// The server's outermost listener, over a real socket: ids and metrics for every response,
// including those the page cache answers before the router sees them.
import assert from 'node:assert/strict';
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { errorHandler } from '../http/errors.tsx';
import { UNMATCHED_ROUTE } from '../http/request-context.ts';
import { createLogger } from '../logger.ts';
import { portalListener } from '../serve.ts';
import { labelSets, metricValue } from '../../test/helpers/metrics.ts';
import { testChrome } from '../../test/helpers/test-chrome.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { observeRequests } from './observed-requests.ts';
import { observeRoute } from './route-observer.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  port: number,
  path: string,
  { method = 'GET', headers = {} as Record<string, string>, body = '', agent = false as Agent | false } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method, headers, agent }, (response) => {
      let text = '';
      response
        .setEncoding('utf8')
        .on('data', (chunk: string) => (text += chunk))
        .on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
    });
    request.on('error', reject).end(body);
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('every request through the server', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  let server: Server;
  let port: number;
  let stylesheet: string;
  before(async () => {
    seeded = await openSeededApp();
    server = createServer(portalListener(seeded.app, { pageCache: seeded.pageCache, metrics: seeded.metrics, publicOrigin: undefined, trustProxy: true }));
    port = await listen(server);
    stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec((await send(port, '/')).body)![1]!;
  });
  after(async () => {
    server.close();
    await seeded.close();
  });

  it('gets an X-Request-Id of its own on every kind of response', async () => {
    const home = await send(port, '/');
    const answers: Array<[string, Answer, number]> = [
      ['a page rendered', await send(port, '/articles/3'), 200],
      ['the same page from the fast path', await send(port, '/articles/3'), 200],
      ['a HEAD from the fast path', await send(port, '/articles/3', { method: 'HEAD' }), 200],
      ['a 304 from the fast path', await send(port, '/', { headers: { 'If-None-Match': home.headers.etag! } }), 304],
      ['an unknown path', await send(port, '/no/such/page'), 404],
      ['an unknown article', await send(port, '/articles/99999'), 404],
      ['a static file', await send(port, stylesheet), 200],
      [
        'a form post refused',
        await send(port, '/submit', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'title=x' }),
        403,
      ],
      ['the health check', await send(port, '/healthz'), 200],
      ['a request the app cannot be given', await send(port, '/articles\\1'), 400],
    ];
    const ids = new Set<string>();
    for (const [what, answer, status] of answers) {
      assert.equal(answer.status, status, what);
      const id = answer.headers['x-request-id'];
      assert.match(String(id), UUID, what);
      ids.add(String(id));
    }
    assert.equal(ids.size, answers.length, 'each request has an id of its own');
  });

  it('keeps a sane incoming X-Request-Id and replaces anything else', async () => {
    for (const sane of ['abc-123', 'A.b_c-9', 'f'.repeat(64), '0b6c7f9e2a1d4c3b8e5f6a7b8c9d0e1f']) {
      for (const path of ['/', '/no/such/page']) {
        assert.equal((await send(port, path, { headers: { 'X-Request-Id': sane } })).headers['x-request-id'], sane, `${sane} on ${path}`);
      }
    }
    for (const insane of ['f'.repeat(65), 'a b', 'a,b', '<script>', 'ü', '"quoted"', 'a/b']) {
      const answer = await send(port, '/', { headers: { 'X-Request-Id': insane } });
      assert.match(String(answer.headers['x-request-id']), UUID, insane);
    }
  });

  it('is counted and timed by its route pattern and status, the fast path’s answers included', async () => {
    const before = await metrics();
    const count = (text: string, route: string, status: string) => metricValue(text, 'http_requests_total', { method: 'GET', route, status }) ?? 0;
    const timed = (text: string, route: string, status: string) =>
      metricValue(text, 'http_request_duration_seconds_count', { method: 'GET', route, status }) ?? 0;
    const hits = metricValue(before, 'zhaoshang_page_cache_hits_total')!;
    // Some on one kept-alive connection, as browsers and proxies send them.
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    for (const id of [1, 2, 1]) assert.equal((await send(port, `/articles/${id}`, { agent: keepAlive })).status, 200);
    keepAlive.destroy();
    for (const id of [2, 1]) assert.equal((await send(port, `/articles/${id}`)).status, 200);
    for (const path of ['/no/such/page', '/another/unknown/path', '/articles/99999', '/static/nothing.css']) assert.equal((await send(port, path)).status, 404);
    assert.equal((await send(port, stylesheet)).status, 200);
    const after = await metrics();
    const added = (route: string, status: string) => count(after, route, status) - count(before, route, status);
    assert.equal(added('/articles/:id', '200'), 5);
    assert.equal(timed(after, '/articles/:id', '200') - timed(before, '/articles/:id', '200'), 5);
    assert.ok(metricValue(after, 'zhaoshang_page_cache_hits_total')! - hits >= 3, 'at least three answered from memory');
    assert.equal(added(UNMATCHED_ROUTE, '404'), 2, 'unknown paths share one label');
    assert.equal(added('/articles/:id', '404'), 1);
    assert.equal(added('/static/:name', '404'), 1);
    assert.equal(added('/static/:name', '200'), 1);
    // The metrics request before this one is counted too; this one only once it has ended.
    assert.equal(added('/metrics', '200'), 1);
    for (const labels of labelSets(after, 'http_requests_total')) {
      assert.doesNotMatch(labels.route!, /\d|nothing|unknown|such/, `a label names a pattern, not a path: ${labels.route}`);
    }
  });

  async function metrics(): Promise<string> {
    const answer = await send(port, '/metrics');
    assert.equal(answer.status, 200);
    return answer.body;
  }
});

describe('a request whose handler fails', () => {
  it('shows the request id on the 500 page and in the header, and every log line about it carries it', async () => {
    const seeded = await openSeededApp();
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const app = new Hono();
    app.use(observeRoute());
    app.onError(errorHandler(logger, testChrome));
    app.get('/broken', () => {
      logger.info('about to fail');
      throw new Error('the database went away');
    });
    const server = createServer(observeRequests(seeded.metrics, getRequestListener(app.fetch)));
    try {
      const port = await listen(server);
      logger.info('outside any request');
      const answer = await send(port, '/broken', { headers: { 'X-Request-Id': 'trace-0042' } });
      assert.equal(answer.status, 500);
      assert.equal(answer.headers['x-request-id'], 'trace-0042');
      assert.match(answer.body, /如需反馈,请提供编号:trace-0042/);
      const generated = await send(port, '/broken');
      const id = String(generated.headers['x-request-id']);
      assert.match(id, UUID);
      assert.match(generated.body, new RegExp(`编号:${id}`));

      assert.equal(lines[0]!.msg, 'outside any request');
      assert.equal(lines[0]!.requestId, undefined);
      const about = (requestId: string) => lines.filter((line) => line.requestId === requestId).map((line) => line.msg);
      assert.deepEqual(about('trace-0042'), ['about to fail', 'request failed']);
      assert.deepEqual(about(id), ['about to fail', 'request failed']);
      const failed = lines.find((line) => line.msg === 'request failed' && line.requestId === 'trace-0042')!;
      assert.equal((failed.err as { message: string }).message, 'the database went away');
      assert.equal(failed.path, '/broken');
    } finally {
      server.close();
      await seeded.close();
    }
  });
});
