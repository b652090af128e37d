import assert from 'node:assert/strict';
import { createServer, get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { importSeedText } from '../importer/importer.service.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { pageCacheFirst } from './fast-path.ts';

function request(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers, method, agent: false }, (response) => {
      let body = '';
      response
        .setEncoding('utf8')
        .on('data', (c) => (body += c))
        .on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
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

  // Enough articles for a second page of the newest-first list.
  const moreArticles = Array.from(
    { length: 21 },
    (_, i) => `-\n【西湖区招商】西湖区动态第${i + 1}期\n西湖区本期动态。\n2026-04-${String(i + 1).padStart(2, '0')}\n`,
  ).join('');

  it('never answers / from memory to a visitor the router sends to /en', async () => {
    await request(port, '/');
    routed = 0;
    assert.equal((await request(port, '/')).status, 200);
    assert.equal(routed, 0, 'the Chinese home from memory');
    const firstVisit = await request(port, '/', { 'Accept-Language': 'en-US,en;q=0.9' });
    assert.equal(firstVisit.status, 302);
    assert.equal(firstVisit.headers.location, '/en');
    assert.match(String(firstVisit.headers['set-cookie']), /zs_lang=en/);
    const chosen = await request(port, '/?page=1', { Cookie: 'zs_lang=en' });
    assert.equal(chosen.status, 302);
    assert.equal(routed, 2);
    assert.equal((await request(port, '/', { Cookie: 'zs_lang=zh', 'Accept-Language': 'en' })).status, 200);
    assert.equal(routed, 2, 'a visitor who chose Chinese gets the home from memory');
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

  it('answers a cached page from memory whatever junk parameters come with it', async () => {
    const home = await request(port, '/');
    routed = 0;
    for (const path of ['/?x=1', '/?x=2', '/?utm_source=a&utm_medium=b', '/?fbclid=3']) {
      const junk = await request(port, path);
      assert.equal(junk.status, 200, path);
      assert.equal(junk.body, home.body, path);
      assert.equal(junk.headers.etag, home.headers.etag, path);
    }
    const head = await request(port, '/?x=3', {}, 'HEAD');
    assert.equal(head.body, '');
    assert.equal(head.headers.etag, home.headers.etag);
    assert.equal((await request(port, '/?x=4', { 'If-None-Match': home.headers.etag! })).status, 304);
    assert.equal(routed, 0, 'no junk URL reached the router');
  });

  it('keeps pages apart by the parameters their route reads, in any order and encoding', async () => {
    await importSeedText(seeded.db, writingFor(seeded), moreArticles);
    const home = await request(port, '/');
    const second = await request(port, '/?page=2');
    assert.match(second.body, /第 2 \/ 2 页/);
    assert.notEqual(second.body, home.body);
    routed = 0;
    assert.equal((await request(port, '/?utm_source=a&page=%32')).body, second.body);
    assert.equal((await request(port, '/?page=2&page=1')).body, second.body, 'the first of repeated parameters counts, as the route reads it');
    assert.equal(routed, 0);

    const q = encodeURIComponent('西湖');
    const search = await request(port, `/search?q=${q}&from=2026-01-01&channel=xihu`);
    assert.match(search.body, /区动态第21期/);
    routed = 0;
    assert.equal((await request(port, `/search?channel=xihu&x=1&from=2026-01-01&q=${q}`)).body, search.body);
    assert.equal(routed, 0);
    assert.notEqual((await request(port, `/search?q=${q}&from=2026-01-01`)).body, search.body);
    assert.equal(routed, 1, 'a search without the channel filter is another page');
  });
});
