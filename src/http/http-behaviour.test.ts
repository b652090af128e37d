import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../app.ts';
import { openDb } from '../db/connect.ts';
import { importSeedText } from '../importer/importer.service.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { appDeps, openSeededApp } from '../../test/helpers/test-app.ts';

describe('HTTP behaviour', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  before(async () => (seeded = await openSeededApp()));
  after(() => seeded.close());

  it('sends security headers on pages, errors and assets', async () => {
    for (const path of ['/', '/articles/999999', '/channels', '/static/site.css']) {
      const response = await seeded.app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/, path);
      assert.ok(!csp.includes('unsafe-inline'), 'no inline script allowed');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    }
  });

  it('compresses pages with brotli or gzip as the client accepts', async () => {
    const plain = await (await seeded.app.request('/')).text();
    const br = await seeded.app.request('/', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), plain);
    const gzip = await seeded.app.request('/', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString(), plain);
    const refused = await seeded.app.request('/', { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
    assert.equal(refused.headers.get('content-encoding'), null);
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
  });

  it('revalidates with ETag: a matching If-None-Match gets an empty 304', async () => {
    const first = await seeded.app.request('/channels/donghu');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    const second = await seeded.app.request('/channels/donghu', { headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
    assert.equal(await second.text(), '');
    const other = await seeded.app.request('/channels/donghu', { headers: { 'If-None-Match': '"something-else"' } });
    assert.equal(other.status, 200);
  });

  it('serves the stylesheet under a versioned URL, cached for a year', async () => {
    const html = await (await seeded.app.request('/')).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    assert.match(href ?? '', /^\/static\/site\.css\?v=[\w-]{10}$/);
    const css = await seeded.app.request(href!);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    assert.match(css.headers.get('cache-control') ?? '', /max-age=31536000, immutable/);
    assert.match(await css.text(), /--brand:/);
    assert.equal((await seeded.app.request('/static/nope.css')).status, 404);
  });

  it('caches a static file for a year only under the version pages link, so a rolling upgrade never keeps the wrong file', async () => {
    const echarts = (await seeded.app.request('/static/echarts.min.js?v=0.0.1')).headers.get('cache-control');
    for (const other of ['/static/site.css?v=0000000000', '/static/site.css']) {
      const response = await seeded.app.request(other);
      assert.equal(response.status, 200, other);
      assert.equal(response.headers.get('cache-control'), 'no-cache', other);
    }
    assert.equal(echarts, 'no-cache', 'a vendored library under another version');
  });

  it('answers 404 for static names that are members of every JavaScript object', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      const response = await seeded.app.request(`/static/${name}`);
      assert.equal(response.status, 404, name);
      assert.match(await response.text(), /页面不存在/, name);
    }
  });

  it('shows a change made through another connection on the very next request, in every worker', async () => {
    // Two app instances over their own connections stand for two cluster workers; a third
    // connection stands for `zhaoshang import` run from the command line.
    const worker2 = await openDb({ engine: 'sqlite', path: seeded.sqlitePath! });
    const cli = await openDb({ engine: 'sqlite', path: seeded.sqlitePath! });
    try {
      const app2 = createApp(appDeps(worker2));
      const before1 = await (await seeded.app.request('/')).text();
      const etag = (await app2.request('/')).headers.get('etag')!;
      assert.ok(!before1.includes('新鲜出炉的文章'));
      await importSeedText(cli.db, writingFor(cli), '-\n【红谷滩区招商】新鲜出炉的文章\n红谷滩区发布新政策。\n2026-01-01\n');
      for (const app of [seeded.app, app2]) {
        const html = await (await app.request('/')).text();
        assert.match(html, /新鲜出炉的文章/);
        assert.match(html, /href="\/channels\/honggutan"/, 'the navigation gains the channel');
      }
      const revalidated = await app2.request('/', { headers: { 'If-None-Match': etag } });
      assert.equal(revalidated.status, 200, 'an old ETag no longer matches');
    } finally {
      await worker2.close();
      await cli.close();
    }
  });

  it('shows the site identity lines when configured', async () => {
    const withIdentity = createApp(
      appDeps(seeded, {
        hostOrganisation: '南昌市投资促进局',
        siteCode: '3601000001',
        icpNumber: '赣ICP备12345678号',
        publicSecurityNumber: '赣公网安备36010002000001号',
      }),
    );
    const html = await (await withIdentity.request('/')).text();
    for (const line of ['主办单位:南昌市投资促进局', '网站标识码:3601000001', '赣ICP备12345678号', '赣公网安备36010002000001号'])
      assert.ok(html.includes(line), line);
    const without = await (await seeded.app.request('/')).text();
    assert.ok(!without.includes('网站标识码'));
  });

  it('escapes article text: markup in a title or body is shown as text', async () => {
    await importSeedText(seeded.db, writingFor(seeded), '-\n<script>alert(1)</script>标题\n正文<img src=x onerror=alert(1)>。\n2026-02-01\n');
    const html = await (await seeded.app.request('/')).text();
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;标题'));
    assert.ok(!html.includes('<img src=x'));
  });
});
