// /metrics of `npm start` with two workers: whichever worker answers, the figures are the sum over
// both, so a scraper sees every request once however the connections were spread.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { metricValue } from './helpers/metrics.ts';
import { fetchFresh, freePort, killProcessGroup, startNodeProcess } from './helpers/processes.ts';
import { serverEngines } from './helpers/server-db.ts';

const HOME_REQUESTS = 24;
const ARTICLE_REQUESTS = 11;
// Each scrape goes on a new connection, so the cluster hands them to both workers in turn.
const SCRAPES = 4;

for (const engine of serverEngines()) {
  describe(`metrics of two workers on ${engine.name}`, { skip: engine.skip }, () => {
    it('sum every worker’s figures whichever worker answers, and are refused to a proxied request', async () => {
      const database = await engine.create();
      const port = await freePort();
      const env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
      const server = await startNodeProcess(['--import', 'tsx', 'src/main.ts'], env, port, { detached: true, startTimeoutMs: 120_000 });
      try {
        await waitForBothWorkers(port);
        const before = await scrape(port);
        for (let i = 0; i < HOME_REQUESTS; i += 1) assert.equal((await fetchFresh(port, '/')).status, 200);
        for (let i = 0; i < ARTICLE_REQUESTS; i += 1) assert.equal((await fetchFresh(port, `/articles/${1 + (i % 3)}`)).status, 200);
        const home = (text: string) => metricValue(text, 'http_requests_total', { route: '/', status: '200' })!;
        const articles = (text: string) => metricValue(text, 'http_requests_total', { route: '/articles/:id', status: '200' }) ?? 0;
        const cache = (text: string) => metricValue(text, 'zhaoshang_page_cache_hits_total')! + metricValue(text, 'zhaoshang_page_cache_misses_total')!;
        for (let i = 0; i < SCRAPES; i += 1) {
          const text = await scrape(port);
          assert.equal(metricValue(text, 'zhaoshang_worker_processes'), 2, `scrape ${i}: both workers summed`);
          assert.equal(home(text) - home(before), HOME_REQUESTS, `scrape ${i}`);
          assert.equal(articles(text) - articles(before), ARTICLE_REQUESTS, `scrape ${i}`);
          assert.equal(cache(text) - cache(before), HOME_REQUESTS + ARTICLE_REQUESTS, `scrape ${i}: every page request hit or missed the cache once`);
          assert.equal(metricValue(text, 'zhaoshang_queue_items', { queue: 'submissions' }), 0, `scrape ${i}: the database's figures are counted once`);
          if (engine.name === 'postgres') assert.ok(metricValue(text, 'zhaoshang_db_pool_connections')! >= 2, 'each worker has its pool');
          else assert.equal(metricValue(text, 'zhaoshang_sqlite_lock_timeouts_total'), 0);
        }
        const proxied = await get(port, '/metrics', { 'X-Forwarded-For': '203.0.113.9' });
        assert.equal(proxied.status, 403);
        assert.match(proxied.body, /METRICS_TOKEN/);
        const ready = await get(port, '/readyz');
        assert.equal(ready.status, 200);
        assert.deepEqual(JSON.parse(ready.body), { status: 'pass', checks: { database: { status: 'pass' }, migrations: { status: 'pass' } } });
      } finally {
        await killProcessGroup(server.child);
        await database.remove();
      }
    });
  });
}

async function scrape(port: number): Promise<string> {
  const answer = await fetchFresh(port, '/metrics');
  assert.equal(answer.status, 200, answer.text);
  return answer.text;
}

// The server answers as soon as one worker listens; the primary sums only the workers listening.
async function waitForBothWorkers(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (metricValue(await scrape(port), 'zhaoshang_worker_processes') !== 2) {
    if (Date.now() > deadline) throw new Error('no scrape summed two workers within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers, agent: false }, (response) => {
      let body = '';
      response
        .setEncoding('utf8')
        .on('data', (chunk: string) => (body += chunk))
        .on('end', () => resolve({ status: response.statusCode!, body }));
    })
      .on('error', reject)
      .end();
  });
}
