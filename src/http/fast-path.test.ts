import assert from 'node:assert/strict';
import { createServer, get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { importSeedText } from '../importer/importer.service.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { pageCacheFirst } from './fast-path.ts';

function request(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (c) => (body += c)).on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    }).on('error', reject);
  });
}

describe('page-cache fast path in front of the router', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  let routed = 0;
  let port: number;
  let close: () => void;
  before(async () => {
    seeded = await openSeededApp();
    const router = getRequestListener(seeded.app.fetch);
    const server = createServer(pageCacheFirst(seeded.pageCache, (req, res) => (routed++, router(req, res))));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    close = () => server.close();
  });
  after(async () => {
    close();
    await seeded.close();
  });

  it('renders a page once, then answers it from memory with the same bytes and headers', async () => {
    routed = 0;
    const first = await request(port, '/channels/xihu');
    assert.equal(routed, 1);
    const second = await request(port, '/channels/xihu');
    assert.equal(routed, 1, 'the second request never reached the router');
    assert.equal(second.body, first.body);
    for (const header of ['etag', 'content-security-policy', 'x-content-type-options', 'cache-control', 'content-type']) {
      assert.equal(second.headers[header], first.headers[header], header);
    }
    const notModified = await request(port, '/channels/xihu', { 'If-None-Match': first.headers.etag! });
    assert.equal(notModified.status, 304);
    assert.equal(routed, 1);
  });

  it('sends a changed page after new content, and routes what it has not cached', async () => {
    await request(port, '/');
    routed = 0;
    await importSeedText(seeded.db, writingFor(seeded), '-\n【西湖区招商】西湖区快讯\n西湖区新消息。\n2026-05-01\n');
    const fresh = await request(port, '/');
    assert.match(fresh.body, /西湖区快讯/);
    assert.equal(routed, 1, 'a stale copy goes back to the router');
    assert.equal((await request(port, '/no-such-page')).status, 404);
    assert.equal(routed, 2);
  });
});
