// npm run bench:search-http [-- --articles 10000 --policies 3000 --duration 30 --connections 50
//   --workers 2 --db PATH | --engine postgres [--database-url URL] --cpu-prof DIR --from build|sources]
// Uncached searches at scale, over HTTP: the real server (as `npm start` runs it, WORKERS processes) on a
// corpus of --articles articles recombined from the seed's sentences and --policies policies, then
// --connections closed-loop clients (each sends its next request when the last is answered) for
// --duration seconds after a warm-up. Every request is a query never asked before, so the page
// cache never answers: one to three words of the corpus's vocabulary, some quoted phrases, some
// with a channel or date filter. It prints requests/s, p50/p95/p99 latency, errors (must be 0),
// the load average, and the CPU time the server's processes spent per request: on a shared machine
// that figure moves far less than throughput does. With --db PATH (SQLite) or --database-url URL
// (PostgreSQL) the corpus is kept and a later run reuses it; --engine postgres alone builds it in a
// temporary schema of ZHAOSHANG_TEST_PG_URL. With --cpu-prof DIR each server
// process writes a V8 CPU profile there when it stops (bench/cpu-profile-phases.ts sums it up).
// Exits non-zero when a request failed.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDb } from '../src/db/connect.ts';
import { prepareDatabase } from '../src/prepare.ts';
import { importSeedOnFirstStart } from '../src/importer/importer.service.ts';
import { freePort, startNodeProcess, stopProcess } from '../test/helpers/processes.ts';
import { SEED_FILE, writingFor } from '../test/helpers/seed.ts';
import { tempDir } from '../test/helpers/test-db.ts';
import { benchDatabase, settleBackgroundWork } from './bench-database.ts';
import { fillPolicies } from './policy-corpus.ts';
import { recombinedArticles } from './search-corpus.ts';
import { queryStream, vocabulary } from './search-queries.ts';
import { FROM_OPTION, serverStartArgs } from './server-start.ts';

const { values } = parseArgs({
  options: {
    ...FROM_OPTION,
    articles: { type: 'string', default: '10000' },
    policies: { type: 'string', default: '3000' },
    duration: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    workers: { type: 'string', default: '2' },
    engine: { type: 'string' },
    db: { type: 'string' },
    'database-url': { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const articleCount = Number(values.articles);
const policyCount = Number(values.policies);
const duration = Number(values.duration);
const connections = Number(values.connections);

// Two workers load the dictionary at once; on a busy machine that takes a while.
const START_TIMEOUT_MS = 120_000;
// The targets of issue #17 for this machine, by corpus size.
const TARGETS = [
  { articles: 10_000, rps: 500, p99: 100 },
  { articles: 100_000, rps: 150, p99: 200 },
];

/** User + system CPU seconds of a process and its descendants still running (Linux /proc). */
function cpuSecondsOfTree(root: number): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const children = (pid: number): number[] => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let ticks = 0;
  for (const pending = [root]; pending.length > 0; ) {
    const pid = pending.pop()!;
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      continue; // the process ended while we looked
    }
    pending.push(...children(pid));
  }
  return ticks / ticksPerSecond;
}

interface Run {
  requests: number;
  rps: number;
  latencies: number[];
  errors: number;
  statuses: string;
}

/** `seconds` of fresh searches from `clients` connections, each asking again as soon as it is answered. */
async function load(url: string, seconds: number, clients: number, next: () => string): Promise<Run> {
  const latencies: number[] = [];
  const socketErrors = new Map<string, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: clients,
        duration: seconds,
        timeout: 10,
        // Browsers ask for compressed pages.
        headers: { 'accept-encoding': 'gzip, deflate, br' },
        requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
    instance.on('reqError', (error: NodeJS.ErrnoException) => {
      const name = error.code ?? error.message;
      socketErrors.set(name, (socketErrors.get(name) ?? 0) + 1);
    });
  });
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [Number(code), stat.count ?? 0] as const);
  const failed = statuses.filter(([code]) => code !== 200).reduce((sum, [, count]) => sum + count, 0);
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: result.requests.total / seconds,
    latencies,
    errors: failed + result.errors,
    statuses: [...statuses, ...socketErrors].map(([code, count]) => `${code}×${count}`).join(' '),
  };
}

const percentile = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN);

const bench = await benchDatabase({
  engine: values.engine ?? (values['database-url'] ? 'postgres' : 'sqlite'),
  db: values.db,
  databaseUrl: values['database-url'],
  tempPrefix: 'zhaoshang-search-http-bench-',
});
// The corpus as a seed file, imported by the importer the server itself runs on a first start.
const scratch = tempDir('zhaoshang-search-http-corpus-');
let failed = false;
try {
  const opened = await openDb(bench.target);
  try {
    // Migrations and the search index's stamp, so that the server does not rebuild the index (and
    // drop every related list) at its start, during the measurement.
    await prepareDatabase(opened);
    const { n } = await opened.db
      .selectFrom('article')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n) === 0) {
      process.stderr.write(`importing ${articleCount} articles and ${policyCount} policies…\n`);
      const started = performance.now();
      const seedPath = join(scratch.path, 'articles.txt');
      writeFileSync(seedPath, [...recombinedArticles(SEED_FILE, articleCount)].map((a) => `-\n${a.originalTitle}\n${a.body}\n${a.publishedOn}\n`).join(''));
      const report = await importSeedOnFirstStart(opened.db, writingFor(opened), seedPath);
      if (report?.imported !== articleCount) throw new Error(`imported ${report?.imported} of ${articleCount} articles`);
      await fillPolicies(opened.db, policyCount);
      process.stderr.write(`imported in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    } else if (Number(n) !== articleCount) {
      console.log(`reusing a database of ${n} articles (not ${articleCount})`);
    }
    await settleBackgroundWork(opened);
  } finally {
    await opened.close();
  }
  const stored = await (async () => {
    const again = await openDb(bench.target);
    try {
      const count = async (table: 'article' | 'policy') =>
        Number(
          (
            await again.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return { articles: await count('article'), policies: await count('policy') };
    } finally {
      await again.close();
    }
  })();

  const { words, phrases } = vocabulary(2000);
  const next = queryStream(words, phrases);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: values.workers, DATABASE_URL: bench.url, LOG_LEVEL: 'warn' };
  const profiling = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [];
  const { child: server, log } = await startNodeProcess(await serverStartArgs(values.from, profiling), env, port, { startTimeoutMs: START_TIMEOUT_MS });
  try {
    process.stderr.write(`warming up for ${values.warmup}s…\n`);
    const warmup = await load(base, Number(values.warmup), connections, next);
    if (warmup.errors > 0) throw new Error(`errors while warming up: ${warmup.statuses}\n${log()}`);
    process.stderr.write(`measuring ${connections} connections for ${duration}s…\n`);
    const loadBefore = loadavg();
    const cpuBefore = cpuSecondsOfTree(server.pid!);
    const run = await load(base, duration, connections, next);
    const cpuSeconds = cpuSecondsOfTree(server.pid!) - cpuBefore;
    const loadAfter = loadavg();

    const engine = bench.target.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    console.log(
      `\nUncached searches over HTTP: ${stored.articles} articles, ${stored.policies} policies on ${engine}, WORKERS=${values.workers}, ${connections} connections, ${duration} s`,
    );
    console.log(
      `vocabulary: ${words.length} words, ${phrases.length} phrases; every query distinct (1–3 words, ~15 % with a phrase, ~20 % channel, ~15 % dates)`,
    );
    console.log(`load average before/after: ${loadBefore.map((x) => x.toFixed(2)).join(' ')} / ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`);
    console.log(`requests: ${run.requests} (${run.statuses})   errors: ${run.errors}`);
    console.log(`throughput: ${run.rps.toFixed(0)} requests/s`);
    console.log(
      `latency: p50 ${percentile(run.latencies, 50)} ms   p95 ${percentile(run.latencies, 95)} ms   p99 ${percentile(run.latencies, 99)} ms   max ${Math.round(run.latencies.at(-1) ?? NaN)} ms`,
    );
    const notCounted = bench.target.engine === 'sqlite' ? '' : '; the PostgreSQL server’s own CPU time is not counted';
    console.log(
      `server CPU: ${((cpuSeconds * 1000) / run.requests).toFixed(2)} ms per request (${cpuSeconds.toFixed(1)} s over all its processes${notCounted})`,
    );
    const target = TARGETS.find((t) => t.articles === stored.articles);
    if (target) {
      const met = run.rps >= target.rps && percentile(run.latencies, 99) <= target.p99 && run.errors === 0;
      console.log(`target at ${target.articles} articles: ≥ ${target.rps} requests/s with p99 ≤ ${target.p99} ms, no errors: ${met ? 'met' : 'missed'}`);
    }
    if (run.errors > 0) {
      failed = true;
      console.error(`FAILED: ${run.errors} requests failed (${run.statuses})`);
    }
  } finally {
    await stopProcess(server);
  }
} finally {
  await bench.remove();
  scratch.remove();
}
if (failed) process.exitCode = 1;
