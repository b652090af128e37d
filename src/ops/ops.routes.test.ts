import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../app.ts';
import { leaveMessage } from '../contact/message.service.ts';
import { openPostgres } from '../db/connect.ts';
import { recompressed } from '../http/compressed-body.ts';
import { applyForSettlement } from '../enterprises/application.service.ts';
import { submitContribution } from '../submissions/submission.service.ts';
import { metricValue } from '../../test/helpers/metrics.ts';
import { appDeps, openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { READINESS_TIMEOUT_MS } from './readiness.service.ts';

// What @hono/node-server passes a request from a client on this machine.
const FROM_LOOPBACK = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const TOKEN = 'Zx4Lq9Wc2Vb7Nm1Kd8Hj3Gf6Ps5Rt0Ya';

for (const dialect of testDialects()) {
  describe(`health and readiness on ${dialect.name}`, () => {
    it('/healthz says the process is up, and is never cached', () =>
      withTestDb(dialect, async (opened) => {
        const response = await createApp(appDeps(opened)).request('/healthz');
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.deepEqual(await response.json(), { status: 'pass' });
      }));

    it('/readyz passes on a reachable, migrated database, and is never cached', () =>
      withTestDb(dialect, async (opened) => {
        const response = await createApp(appDeps(opened)).request('/readyz');
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.deepEqual(await response.json(), { status: 'pass', checks: { database: { status: 'pass' }, migrations: { status: 'pass' } } });
      }));

    it('/readyz answers 503 naming the migrations the database lacks', () =>
      withTestDb(dialect, async (opened) => {
        const app = createApp(appDeps(opened));
        const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 2`.execute(opened.db);
        const lastTwo = rows.map((row) => row.name).reverse();
        await sql`delete from kysely_migration where name in (${sql.join(lastTwo)})`.execute(opened.db);
        const response = await app.request('/readyz');
        assert.equal(response.status, 503);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.deepEqual(await response.json(), {
          status: 'fail',
          checks: { database: { status: 'pass' }, migrations: { status: 'fail', reason: '2 migration(s) not applied', pending: lastTwo } },
        });
      }));

    it('/readyz answers 503 when the database is closed', async () => {
      const opened = await dialect.open();
      const app = createApp(appDeps(opened));
      await opened.close();
      const response = await app.request('/readyz');
      assert.equal(response.status, 503);
      assert.deepEqual(await response.json(), {
        status: 'fail',
        checks: { database: { status: 'fail', reason: 'query failed' }, migrations: { status: 'skipped', reason: 'the database did not answer' } },
      });
    });
  });

  describe(`metrics on ${dialect.name}`, () => {
    it('count requests, the page cache, searches and the review queues', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const { app, db } = seeded;
        const person = { name: '张三', contact: '13800138000', consent: 'yes' as const };
        await submitContribution(db, { title: '红谷滩区新签约项目', body: '读者投稿的正文,等待审核员处理。', channel: 'honggutan', ...person });
        await submitContribution(db, { title: '东湖区新签约项目', body: '另一篇投稿的正文,同样等待审核。', channel: 'donghu', ...person });
        await applyForSettlement(db, {
          company: { kind: 'china', creditCode: '9144030071526726XG' },
          companyName: '江西智造科技有限公司',
          industry: 'C',
          channel: 'xiaolan',
          plannedInvestment: 500,
          contactPerson: '李四',
          contactMobile: '13800138000',
          description: '新能源汽车零部件生产基地。',
          consent: 'yes',
        });
        await leaveMessage(db, { channel: 'nanchang', subject: '咨询政策', body: '请问高新区的人才政策有哪些?', ...person });
        // Asked without Accept-Encoding: each page is kept in identity, the bytes it was sent with;
        // the page read again also gets the best encodings, made in the background.
        let pageBytes = 0;
        let articleBytes: Buffer | undefined;
        for (const path of [
          '/articles/1',
          '/articles/1',
          '/articles/1',
          `/search?q=${encodeURIComponent('招商')}`,
          `/api/search?q=${encodeURIComponent('"招商引资"')}`,
        ]) {
          const page = await app.request(path);
          assert.equal(page.status, 200);
          const bytes = Buffer.from(await page.arrayBuffer());
          if (path !== '/articles/1' || !articleBytes) pageBytes += bytes.length;
          if (path === '/articles/1') articleBytes ??= bytes;
        }
        // When those are done depends on the engine's speed: awaited, so the figure is always the same.
        await seeded.pageCache.compressionSettled();
        const best = await recompressed({ etag: '', identity: articleBytes!, gzip: undefined, br: undefined, best: false });
        pageBytes += best.gzip!.length + best.br!.length;

        const response = await app.request('/metrics', {}, FROM_LOOPBACK);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        const text = await response.text();
        assert.equal(metricValue(text, 'zhaoshang_page_cache_misses_total'), 3, 'the article page and the two searches were rendered');
        assert.equal(metricValue(text, 'zhaoshang_page_cache_hits_total'), 2);
        assert.equal(metricValue(text, 'zhaoshang_page_cache_pages'), 3);
        assert.equal(metricValue(text, 'zhaoshang_page_cache_bytes'), pageBytes, 'the bytes of the three pages, the one read again in every encoding');
        assert.equal(metricValue(text, 'zhaoshang_search_duration_seconds_count', { query: 'words' }), 1);
        assert.equal(metricValue(text, 'zhaoshang_search_duration_seconds_count', { query: 'phrase' }), 1);
        assert.equal(metricValue(text, 'zhaoshang_queue_items', { queue: 'submissions' }), 2);
        assert.equal(metricValue(text, 'zhaoshang_queue_items', { queue: 'applications' }), 1);
        assert.equal(metricValue(text, 'zhaoshang_queue_items', { queue: 'messages' }), 1);
        assert.equal(metricValue(text, 'zhaoshang_worker_processes'), 1);
        assert.ok(metricValue(text, 'process_resident_memory_bytes')! > 0);
        // What the engine can tell about waiting for the database.
        const pool = metricValue(text, 'zhaoshang_db_pool_connections');
        const lockWaits = metricValue(text, 'zhaoshang_sqlite_lock_waits_total');
        if (dialect.name === 'postgres') {
          assert.ok(pool! >= 1, 'the pool has connections open');
          assert.equal(metricValue(text, 'zhaoshang_db_pool_waiting_queries'), 0);
        } else assert.equal(pool, undefined);
        assert.equal(lockWaits, dialect.name === 'sqlite' ? 0 : undefined);
      } finally {
        await seeded.close();
      }
    });
  });
}

describe('who may read /metrics through the app', () => {
  it('without METRICS_TOKEN: loopback clients, but not a request a proxy forwarded, nor another host', async () => {
    const seeded = await openSeededApp();
    try {
      assert.equal((await seeded.app.request('/metrics', {}, FROM_LOOPBACK)).status, 200);
      for (const [headers, env] of [
        [{ 'X-Forwarded-For': '203.0.113.9' }, FROM_LOOPBACK],
        [{}, { incoming: { socket: { remoteAddress: '10.0.0.7' } } }],
        // app.request() without a socket: the client is unknown, so it is not loopback.
        [{}, undefined],
      ] as const) {
        const response = await seeded.app.request('/metrics', { headers }, env);
        assert.equal(response.status, 403, JSON.stringify(headers));
        assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
        const problem = (await response.json()) as { status: number; code: string; detail: string };
        assert.equal(problem.status, 403);
        assert.equal(problem.code, 'forbidden');
        assert.match(problem.detail, /METRICS_TOKEN/);
      }
    } finally {
      await seeded.close();
    }
  });

  it('with METRICS_TOKEN: only a request with the token, from anywhere', async () => {
    const seeded = await openSeededApp();
    try {
      const app = createApp({ ...appDeps(seeded), metricsToken: TOKEN });
      const missing = await app.request('/metrics', {}, FROM_LOOPBACK);
      assert.equal(missing.status, 401);
      assert.equal(missing.headers.get('www-authenticate'), 'Bearer realm="metrics"');
      assert.match(((await missing.json()) as { detail: string }).detail, /Authorization: Bearer/);
      const wrong = await app.request('/metrics', { headers: { Authorization: `Bearer ${TOKEN.toLowerCase()}` } }, FROM_LOOPBACK);
      assert.equal(wrong.status, 401);
      assert.equal(wrong.headers.get('www-authenticate'), 'Bearer realm="metrics", error="invalid_token"');
      const proxied = await app.request(
        '/metrics',
        { headers: { Authorization: `Bearer ${TOKEN}`, 'X-Forwarded-For': '203.0.113.9' } },
        { incoming: { socket: { remoteAddress: '10.0.0.7' } } },
      );
      assert.equal(proxied.status, 200);
      assert.match(await proxied.text(), /^# HELP /m);
    } finally {
      await seeded.close();
    }
  });
});

describe('readiness of a PostgreSQL server that cannot be reached', () => {
  /** A TCP server on a free port; `silent` ones accept connections and never answer. */
  async function listen(silent: boolean): Promise<{ port: number; close(): Promise<void> }> {
    const sockets = new Set<import('node:net').Socket>();
    const server: Server = createServer((socket) => {
      if (!silent) return socket.destroy();
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      close: () =>
        new Promise((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    };
  }

  for (const [what, silent, reason] of [
    ['one that hangs up', false, 'query failed'],
    ['one that never answers', true, `no answer within ${READINESS_TIMEOUT_MS} ms`],
  ] as const) {
    it(`answers 503 for ${what}`, async () => {
      const server = await listen(silent);
      const opened = openPostgres({ connectionString: `postgres://postgres@127.0.0.1:${server.port}/none`, max: 1 });
      try {
        const response = await createApp(appDeps(opened)).request('/readyz');
        assert.equal(response.status, 503);
        assert.deepEqual(((await response.json()) as { checks: { database: unknown } }).checks.database, { status: 'fail', reason });
      } finally {
        await server.close();
        await opened.close();
      }
    });
  }
});
