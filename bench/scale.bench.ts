// npm run bench:scale [-- --articles 2000 --duration 30 --warmup 10 --clients 16 --database-url URL --from build|sources]
// The portal as deployed: nginx with the shipped configuration (deploy/nginx/zhaoshang.conf, TLS
// with a self-signed certificate, templated to loopback ports) in front of one, then two app
// instances (WORKERS=1 each) on one PostgreSQL database, and beside them one instance on SQLite
// behind the same nginx. Each configuration takes the same bounded load: --clients closed-loop
// clients (each sends its next request when the last is answered) for --duration seconds after a
// warm-up, 80 % page views, 15 % searches, 5 % contributions posted through the form with its CSRF
// cookie and token. It prints throughput, p50/p99 latency and errors (must be 0) per configuration,
// then checks that every contribution answered with a tracking code is in the database, and that
// nothing else is. Exits non-zero when either fails. Then one page read over and over: through
// nginx's micro-cache in front of an instance, and the same bytes as a static file from the same
// nginx settings, whose throughput is the most nginx can give; it prints both and the share.
//
// Every contribution comes from its own loopback address (127.x.y.z; all of 127/8 is this host):
// the app counts its form limit per client address, and behind nginx that is the address nginx saw.
import { chmodSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleCountsByChannel } from '../src/articles/article.service.ts';
import { testEnvironment, type DatabaseTarget } from '../src/config.ts';
import { openDb } from '../src/db/connect.ts';
import { prepareDatabase } from '../src/prepare.ts';
import { importSeedOnFirstStart } from '../src/importer/importer.service.ts';
import { startProxy } from '../test/helpers/nginx.ts';
import { createPostgresSchema } from '../test/helpers/server-db.ts';
import { freePort, startNodeProcess, stopProcess } from '../test/helpers/processes.ts';
import { SEED_FILE, writingFor } from '../test/helpers/seed.ts';
import { tempDir } from '../test/helpers/test-db.ts';
import { requestMix, type RequestCategory, type Target } from './load-mix.ts';
import { recombinedArticles } from './search-corpus.ts';
import { settleBackgroundWork } from './bench-database.ts';
import { FROM_OPTION, serverStartArgs } from './server-start.ts';

const { values } = parseArgs({
  options: {
    ...FROM_OPTION,
    articles: { type: 'string', default: '2000' },
    duration: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '10' },
    clients: { type: 'string', default: '16' },
    'database-url': { type: 'string', default: testEnvironment.postgresUrl },
  },
});
const articleCount = Number(values.articles);
const duration = Number(values.duration);
const warmupSeconds = Number(values.warmup);
const clients = Number(values.clients);
const serverUrl = values['database-url'];
if (!serverUrl) {
  console.error('bench:scale needs a PostgreSQL server: --database-url postgres://… (or ZHAOSHANG_TEST_PG_URL)');
  process.exit(2);
}

const SHARES: Record<RequestCategory, number> = { page: 80, search: 15, contribution: 5 };
// Two instances load the dictionary at once; on a busy machine that takes a while.
const START_TIMEOUT_MS = 120_000;
const REQUEST_TIMEOUT_MS = 10_000;

interface Run {
  requests: number;
  seconds: number;
  latencies: number[];
  /** The same latencies by kind of request. */
  byCategory: Record<RequestCategory, number[]>;
  errors: number;
  statuses: Map<string, number>;
  /** Tracking codes of the contributions answered 303 with a code. */
  acknowledged: string[];
}

/** One request over HTTPS; resolves to the status and Location, rejects on a socket error or timeout. */
function send(
  port: number,
  target: Target,
  via: { agent: Agent } | { localAddress: string },
): Promise<{ status: number; location: string | undefined; cacheStatus: string | undefined }> {
  return new Promise((resolve, reject) => {
    const headers = { ...target.headers, ...(target.body !== undefined && { 'Content-Length': String(Buffer.byteLength(target.body)) }) };
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: target.path,
        method: target.method,
        headers,
        rejectUnauthorized: false,
        timeout: REQUEST_TIMEOUT_MS,
        ...('agent' in via ? { agent: via.agent } : { agent: false, localAddress: via.localAddress }),
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode!, location: response.headers.location, cacheStatus: response.headers['x-cache-status'] as string | undefined }),
        );
        response.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(target.body);
  });
}

let postsSent = 0;
/** A loopback address no contribution of this benchmark has come from yet. */
function freshClientAddress(): string {
  const n = postsSent++;
  return `127.${1 + Math.floor(n / 62_500)}.${1 + (Math.floor(n / 250) % 250)}.${1 + (n % 250)}`;
}

/** `seconds` of the mix from `count` closed-loop clients, each on its own kept-alive connection. */
async function load(port: number, seconds: number, count: number, next: () => Target): Promise<Run> {
  const run: Run = {
    requests: 0,
    seconds,
    latencies: [],
    byCategory: { page: [], search: [], contribution: [] },
    errors: 0,
    statuses: new Map(),
    acknowledged: [],
  };
  const note = (key: string) => run.statuses.set(key, (run.statuses.get(key) ?? 0) + 1);
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    while (performance.now() < until) {
      const target = next();
      const post = target.method === 'POST';
      const started = performance.now();
      try {
        const { status, location, cacheStatus } = await send(port, target, post ? { localAddress: freshClientAddress() } : { agent });
        const latency = performance.now() - started;
        run.latencies.push(latency);
        run.byCategory[post ? 'contribution' : target.path.startsWith('/search') ? 'search' : 'page'].push(latency);
        // With how nginx's micro-cache answered it (HIT, MISS, BYPASS…), where it did.
        note(cacheStatus ? `${status} ${cacheStatus}` : String(status));
        const code = post && status === 303 ? /[?&]code=(TG-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(location ?? '')?.[1] : undefined;
        if (code) run.acknowledged.push(code);
        if (status >= 400 || (post && !code)) run.errors += 1;
      } catch (error) {
        note((error as NodeJS.ErrnoException).code ?? String(error));
        run.errors += 1;
      }
      run.requests += 1;
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: count }, client));
  return run;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
/** "p50 / p99" of some latencies, in ms. */
const spread = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `${percentile(sorted, 50).toFixed(1)} / ${percentile(sorted, 99).toFixed(1)}`;
};

/** Migrates the database and imports the corpus, as the server's first start would; its channels' page counts. */
async function importCorpus(target: DatabaseTarget, seedPath: string): Promise<Array<[string, number]>> {
  const opened = await openDb(target);
  try {
    // Migrations and the search index's stamp, so that the server does not rebuild the index (and
    // drop every related list) at its start, during the measurement.
    await prepareDatabase(opened);
    const started = performance.now();
    const report = await importSeedOnFirstStart(opened.db, writingFor(opened), seedPath);
    if (report?.imported !== articleCount) throw new Error(`imported ${report?.imported} of ${articleCount} articles`);
    process.stderr.write(`  ${target.engine}: ${articleCount} articles imported in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    await settleBackgroundWork(opened);
    return [...(await articleCountsByChannel(opened.db))].filter(([, n]) => n > 0).map(([slug, n]) => [slug, Math.min(3, Math.ceil(n / 20))]);
  } finally {
    await opened.close();
  }
}

/** The tracking codes of the benchmark's contributions stored in the database. */
async function storedCodes(target: DatabaseTarget): Promise<Set<string>> {
  const opened = await openDb(target);
  try {
    const rows = await opened.db.selectFrom('submission').select('tracking_code').where('title', 'like', '压力测试投稿第%').execute();
    return new Set(rows.map((row) => row.tracking_code));
  } finally {
    await opened.close();
  }
}

interface Measured {
  label: string;
  load: string;
  run: Run;
  acknowledged: string[];
}

const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** Starts `instances` app instances (WORKERS=1) on `databaseUrl`, gives `use` their upstream addresses, stops them. */
async function withInstances<T>(
  databaseUrl: string,
  instances: number,
  seedPath: string,
  use: (upstreams: string[], servers: Array<Awaited<ReturnType<typeof startNodeProcess>>>) => Promise<T>,
): Promise<T> {
  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
  const env = (port: number) => ({
    PORT: String(port),
    HOST: '127.0.0.1',
    WORKERS: '1',
    DATABASE_URL: databaseUrl,
    SEED_FILE: seedPath,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'true',
  });
  const args = await serverStartArgs(values.from);
  const started = await Promise.allSettled(ports.map((port) => startNodeProcess(args, env(port), port, { startTimeoutMs: START_TIMEOUT_MS })));
  const servers = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  try {
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    return await use(
      ports.map((port) => `127.0.0.1:${port}`),
      servers,
    );
  } finally {
    for (const server of servers) await stopProcess(server.child);
  }
}

/** Starts `instances` app instances on `databaseUrl` and nginx before them, warms up, measures, stops. */
async function measure(label: string, databaseUrl: string, instances: number, seedPath: string, channelPages: Array<[string, number]>): Promise<Measured> {
  const load1 = loadAverage();
  process.stderr.write(`${label}: starting (load average ${load1})…\n`);
  return withInstances(databaseUrl, instances, seedPath, async (upstreams, servers) => {
    const proxy = await startProxy(upstreams, { workerProcesses: 'auto' });
    try {
      // The form's CSRF cookie and token, as a browser gets them through the proxy.
      const form = await formThrough(proxy.httpsPort);
      const mix = requestMix(articleCount, channelPages, { ...form, origin: proxy.origin }, SHARES);
      process.stderr.write(`  warming up ${warmupSeconds}s… `);
      const warmup = await load(proxy.httpsPort, warmupSeconds, clients, mix.next);
      process.stderr.write(`${warmup.requests} requests, ${warmup.errors} errors\n  measuring ${duration}s with ${clients} clients… `);
      const run = await load(proxy.httpsPort, duration, clients, mix.next);
      process.stderr.write(`${(run.requests / duration).toFixed(0)} requests/s, ${run.errors} errors\n`);
      if (warmup.errors > 0) run.statuses.set('errors while warming up', warmup.errors);
      const logs = servers
        .map((server) => server.log())
        .join('')
        .trim();
      if (logs) process.stderr.write(`  the instances logged:\n${logs.slice(-2000)}\n`);
      return { label, load: load1, run, acknowledged: [...warmup.acknowledged, ...run.acknowledged] };
    } finally {
      await proxy.close();
    }
  });
}

// The page read over and over in the micro-cache comparison, without Accept-Encoding: the
// instance answers it uncompressed, and the static file holds exactly those bytes.
const HOT_PAGE: Target = { method: 'GET', path: '/' };

/** What one way of answering HOT_PAGE managed: its load average before and the run. */
interface HotPageRun {
  label: string;
  load: string;
  run: Run;
}

/** The answer to GET `path` through the proxy at `port`: its status and body. */
function fetchBody(port: number, path: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, rejectUnauthorized: false, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** Warms up and measures HOT_PAGE through nginx at `port`. */
async function hotPageRun(label: string, port: number): Promise<HotPageRun> {
  const load1 = loadAverage();
  process.stderr.write(`${label} (load average ${load1}): warming up ${warmupSeconds}s… `);
  const warmup = await load(port, warmupSeconds, clients, () => HOT_PAGE);
  process.stderr.write(`${warmup.errors} errors; measuring ${duration}s… `);
  const run = await load(port, duration, clients, () => HOT_PAGE);
  process.stderr.write(`${(run.requests / duration).toFixed(0)} requests/s, ${run.errors} errors\n`);
  if (warmup.errors > 0) run.statuses.set('errors while warming up', warmup.errors);
  return { label, load: load1, run };
}

/**
 * HOT_PAGE through the shipped nginx and its micro-cache in front of one instance on `databaseUrl`,
 * then the bytes that answer was as a static file, from nginx with the same settings otherwise.
 */
async function measureMicroCache(databaseUrl: string, seedPath: string): Promise<{ pageBytes: number; cached: HotPageRun; file: HotPageRun }> {
  process.stderr.write(`micro-cache against a static file: starting…\n`);
  return withInstances(databaseUrl, 1, seedPath, async (upstreams) => {
    const cachedProxy = await startProxy(upstreams, { workerProcesses: 'auto' });
    let page: Buffer;
    let cached: HotPageRun;
    try {
      const answer = await fetchBody(cachedProxy.httpsPort, HOT_PAGE.path);
      if (answer.status !== 200) throw new Error(`${HOT_PAGE.path} through nginx answered ${answer.status}`);
      page = answer.body;
      cached = await hotPageRun('nginx micro-cache → 1 instance', cachedProxy.httpsPort);
    } finally {
      await cachedProxy.close();
    }
    const files = tempDir('zhaoshang-static-page-');
    try {
      // nginx's workers run as nobody when the benchmark runs as root: they must read the file.
      chmodSync(files.path, 0o755);
      const servingFile = join(files.path, 'page.html');
      writeFileSync(servingFile, page, { mode: 0o644 });
      const fileProxy = await startProxy(upstreams, { workerProcesses: 'auto', servingFile });
      try {
        const served = await fetchBody(fileProxy.httpsPort, HOT_PAGE.path);
        if (!served.body.equals(page)) throw new Error(`nginx did not serve the page's bytes from the file (status ${served.status})`);
        return { pageBytes: page.length, cached, file: await hotPageRun('nginx, the same bytes as a static file', fileProxy.httpsPort) };
      } finally {
        await fileProxy.close();
      }
    } finally {
      files.remove();
    }
  });
}

/** GET /submit through the proxy: the CSRF token of the form and the cookie that goes with it. */
function formThrough(port: number): Promise<{ cookie: string; token: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/submit', rejectUnauthorized: false, agent: false }, (response) => {
      let html = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (html += chunk));
      response.on('end', () => {
        const token = /name="_csrf" value="([0-9a-f]{32})"/.exec(html)?.[1];
        const cookie = response.headers['set-cookie']?.[0]?.split(';')[0];
        if (!token || !cookie) return reject(new Error(`/submit through nginx gave no CSRF token (status ${response.statusCode})`));
        resolve({ cookie, token });
      });
    })
      .on('error', reject)
      .end();
  });
}

const dir = tempDir('zhaoshang-scale-bench-');
const schema = await createPostgresSchema(serverUrl, 'bench_scale');
const failures: string[] = [];
try {
  const seedPath = join(dir.path, 'articles.txt');
  writeFileSync(seedPath, [...recombinedArticles(SEED_FILE, articleCount)].map((a) => `-\n${a.originalTitle}\n${a.body}\n${a.publishedOn}\n`).join(''));
  const sqlitePath = join(dir.path, 'scale.db');
  const sqlite: DatabaseTarget = { engine: 'sqlite', path: sqlitePath };
  const postgres: DatabaseTarget = { engine: 'postgres', url: schema.url };
  process.stderr.write(`importing ${articleCount} recombined articles into SQLite and PostgreSQL…\n`);
  const channelPages = await importCorpus(sqlite, seedPath);
  await importCorpus(postgres, seedPath);

  const results: Measured[] = [];
  results.push(await measure('SQLite, 1 instance', sqlitePath, 1, seedPath, channelPages));
  results.push(await measure('PostgreSQL, 1 instance', schema.url, 1, seedPath, channelPages));
  results.push(await measure('PostgreSQL, 2 instances', schema.url, 2, seedPath, channelPages));
  const hotPage = await measureMicroCache(sqlitePath, seedPath);

  console.log(
    `\nScale benchmark: ${articleCount} articles (bench/search-corpus.ts), nginx (deploy/nginx/zhaoshang.conf, TLS, worker_processes auto) → instances with WORKERS=1, loopback`,
  );
  console.log(`${clients} closed-loop clients, ${warmupSeconds} s warm-up, then ${duration} s measured; mix: 80 % pages, 15 % searches, 5 % contributions\n`);
  console.log(
    '| configuration | load avg before | req/s | requests | p50 ms | p99 ms | max ms | errors | statuses | contributions acknowledged | of them stored |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|');
  const stored = { sqlite: await storedCodes(sqlite), postgres: await storedCodes(postgres) };
  const acknowledged = { sqlite: new Set<string>(), postgres: new Set<string>() };
  for (const result of results) {
    const engine = result.label.startsWith('SQLite') ? 'sqlite' : 'postgres';
    for (const code of result.acknowledged) acknowledged[engine].add(code);
    const { run } = result;
    const sorted = [...run.latencies].sort((a, b) => a - b);
    const statuses = [...run.statuses].map(([status, count]) => `${status}×${count}`).join(' ');
    const found = result.acknowledged.filter((code) => stored[engine].has(code)).length;
    console.log(
      `| ${result.label} | ${result.load} | ${(run.requests / run.seconds).toFixed(0)} | ${run.requests} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${(sorted.at(-1) ?? NaN).toFixed(1)} | ${run.errors} | ${statuses} | ${result.acknowledged.length} | ${found} |`,
    );
    if (run.errors > 0) failures.push(`${result.label}: ${run.errors} errors (${statuses})`);
  }
  console.log('\n| configuration | pages p50 / p99 ms | searches p50 / p99 ms | contributions p50 / p99 ms |');
  console.log('|---|---:|---:|---:|');
  for (const { label, run } of results)
    console.log(`| ${label} | ${spread(run.byCategory.page)} | ${spread(run.byCategory.search)} | ${spread(run.byCategory.contribution)} |`);
  for (const engine of ['sqlite', 'postgres'] as const) {
    const lost = [...acknowledged[engine]].filter((code) => !stored[engine].has(code));
    const unanswered = [...stored[engine]].filter((code) => !acknowledged[engine].has(code));
    console.log(
      `\n${engine}: ${acknowledged[engine].size} contributions acknowledged, ${stored[engine].size} stored; lost ${lost.length}, stored without an acknowledgement ${unanswered.length}`,
    );
    if (lost.length > 0) failures.push(`${engine}: ${lost.length} acknowledged contributions are not in the database (${lost.slice(0, 5).join(', ')}…)`);
    if (unanswered.length > 0) failures.push(`${engine}: ${unanswered.length} contributions stored whose answer never arrived`);
  }

  console.log(
    `\nMicro-cache: GET ${HOT_PAGE.path} (${hotPage.pageBytes} bytes, uncompressed) from ${clients} closed-loop clients, ${warmupSeconds} s warm-up, ${duration} s measured, nginx worker_processes auto\n`,
  );
  console.log('| answered by | load avg before | req/s | p50 ms | p99 ms | errors | statuses |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const { label, load: before, run } of [hotPage.cached, hotPage.file]) {
    const statuses = [...run.statuses].map(([status, count]) => `${status}×${count}`).join(' ');
    console.log(
      `| ${label} | ${before} | ${(run.requests / run.seconds).toFixed(0)} | ${spread(run.latencies).replace(' / ', ' | ')} | ${run.errors} | ${statuses} |`,
    );
    if (run.errors > 0) failures.push(`${label}: ${run.errors} errors (${statuses})`);
  }
  const share = (hotPage.cached.run.requests / hotPage.file.run.requests) * 100;
  console.log(`\nthe micro-cached page served at ${share.toFixed(0)} % of the static file's rate (issue #17 asks ≥ 80 %)`);
  if (failures.length === 0) console.log('\nerrors 0; nothing acknowledged lost');
} finally {
  await schema.remove();
  dir.remove();
}
if (failures.length > 0) {
  console.error(`\nFAILED: ${failures.join('; ')}`);
  process.exitCode = 1;
}
