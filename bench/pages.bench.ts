// npm run bench:pages [-- --duration 10 --connections 50 --workers 1,2 --db PATH]
// npm run bench:pages -- --engine postgres [--database-url URL] [--db PATH]
// npm run bench:pages -- --miss --db PATH [--kinds mixed,article,channel,home,home+junk] [--cpu-prof DIR]
// Every form takes --from build (default: the bundled build, as `npm start` runs) or --from sources.
// Loads the home page and an article page of the portal with autocannon over loopback, then the
// same response bytes from a bare node:http server (the ceiling for Node on this machine), and
// prints requests/s, p50/p99 latency and our share of the ceiling. The portal runs on SQLite (seed
// content in a temporary file, or the database at --db, e.g. one built by bench:search --db), and
// with --engine postgres also on the PostgreSQL server (a temporary schema with the seed, or the
// database at --database-url, e.g. one built by bench:search --engine postgres --database-url),
// and then PostgreSQL's requests/s are compared with SQLite's.
// With --miss, every request asks for a page not rendered yet (page-misses.ts): it prints
// requests/s, p50/p99, errors, the share the server really rendered and its CPU ms per request, with
// no ceiling. --cpu-prof DIR writes the server's V8 CPU profiles there (open them in Chrome DevTools).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDb } from '../src/db/connect.ts';
import { prepareDatabase } from '../src/prepare.ts';
import { skipSeedImport } from '../src/importer/importer.service.ts';
import { fetchFresh, freePort, startNodeProcess, stopProcess } from '../test/helpers/processes.ts';
import { tempDir } from '../test/helpers/test-db.ts';
import { benchDatabase, settleBackgroundWork, type BenchDatabase } from './bench-database.ts';
import { loadMisses, missPaths, missTable, missTargets, type MissKind, type MissLoad } from './page-misses.ts';
import { FROM_OPTION, serverStartArgs } from './server-start.ts';

const { values } = parseArgs({
  options: {
    ...FROM_OPTION,
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    workers: { type: 'string', default: '1,2' },
    engine: { type: 'string', default: 'sqlite' },
    db: { type: 'string' },
    'database-url': { type: 'string' },
    miss: { type: 'boolean', default: false },
    kinds: { type: 'string', default: 'mixed,article,channel,home,home+junk' },
    'cpu-prof': { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const workerCounts = values.workers.split(',').map(Number);
// Within 20 % of SQLite's requests/s.
const POSTGRES_SHARE_TARGET = 0.8;
interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string): Promise<Load> {
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The number of articles, after keeping the seed out of a database that has its own. */
async function prepare(database: BenchDatabase, kept: boolean): Promise<number | undefined> {
  if (!kept) return undefined; // empty: the server imports the seed at its first start
  const opened = await openDb(database.target);
  try {
    // Migrations and the search index's stamp, so that the server does not rebuild the index (and
    // drop every related list) at its start, during the measurement.
    await prepareDatabase(opened);
    await settleBackgroundWork(opened);
    const { n } = await opened.db
      .selectFrom('article')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) await skipSeedImport(opened.db);
    return Number(n);
  } finally {
    await opened.close();
  }
}

const engines = [
  { name: 'SQLite', database: await benchDatabase({ engine: 'sqlite', db: values.db, tempPrefix: 'zhaoshang-bench-' }), kept: values.db !== undefined },
];
if (values.engine === 'postgres') {
  engines.push({
    name: 'PostgreSQL',
    database: await benchDatabase({ engine: 'postgres', databaseUrl: values['database-url'], tempPrefix: '' }),
    kept: values['database-url'] !== undefined,
  });
} else if (values.engine !== 'sqlite') throw new Error(`--engine must be sqlite or postgres, got "${values.engine}"`);
const serverArgs = await serverStartArgs(values.from, values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : []);
if (values.miss) await missBench();
else await ceilingBench();

/** Distinct pages, each rendered on its request (--miss). */
async function missBench(): Promise<void> {
  const kinds = values.kinds.split(',') as MissKind[];
  const rows: Array<{ server: string } & MissLoad> = [];
  const contents: string[] = [];
  try {
    for (const { name, database, kept } of engines) {
      const articles = await prepare(database, kept);
      contents.push(`${name}: ${articles === undefined ? 'seed content' : `${articles} articles`}`);
      for (const workers of workerCounts) {
        const port = await freePort();
        const env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: String(workers), DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
        const { child: server } = await startNodeProcess(serverArgs, env, port, { startTimeoutMs: 120_000 });
        try {
          const paths = missPaths(await missTargets(database.target));
          for (const kind of kinds) {
            process.stderr.write(`loading ${kind} pages on zhaoshang, ${name} (${workers} worker${workers > 1 ? 's' : ''}) for ${duration}s…\n`);
            rows.push({ server: `${name}, WORKERS=${workers}`, ...(await loadMisses(port, server.pid!, paths, kind, { connections, duration })) });
          }
        } finally {
          await stopProcess(server);
        }
      }
    }
  } finally {
    for (const { database } of engines) await database.remove();
  }
  console.log(
    `\nCache-miss pages benchmark: ${connections} connections, ${duration}s per run, loopback, Accept-Encoding: gzip, deflate, br; ${contents.join('; ')}\n`,
  );
  console.log(missTable(rows));
  console.log('\nTarget: mixed ≥ 2,000 requests/s on 2 cores, every one rendered (misses 100%).');
}

/** The home page and an article, rendered once and then served from memory, against a bare node:http server. */
async function ceilingBench(): Promise<void> {
  const dir = tempDir('zhaoshang-bench-');
  const pages = { home: '/', article: '/articles/10' };
  const rows: Array<{ server: string; page: string } & Load> = [];
  try {
    const contents: string[] = [];
    const ours: Record<string, Record<number, Record<string, Load>>> = {};
    let bodies: Record<string, Buffer> | undefined;
    for (const { name, database, kept } of engines) {
      const articles = await prepare(database, kept);
      contents.push(`${name}: ${articles === undefined ? 'seed content' : `${articles} articles`}`);
      ours[name] = {};
      for (const workers of workerCounts) {
        const port = await freePort();
        const env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: String(workers), DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
        const { child: server } = await startNodeProcess(serverArgs, env, port, { startTimeoutMs: 120_000 });
        try {
          const served: Record<string, Buffer> = {};
          for (const [page, path] of Object.entries(pages)) {
            const response = await fetchFresh(port, path);
            if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
            served[page] = response.body;
          }
          bodies ??= served;
          ours[name]![workers] = {};
          for (const [page, path] of Object.entries(pages)) {
            process.stderr.write(`loading ${page} on zhaoshang, ${name} (${workers} worker${workers > 1 ? 's' : ''}) for ${duration}s…\n`);
            const result = await load(`http://127.0.0.1:${port}${path}`);
            ours[name]![workers]![page] = result;
            rows.push({ server: `zhaoshang on ${name}, WORKERS=${workers}`, page, ...result });
          }
        } finally {
          await stopProcess(server);
        }
      }
    }

    const barePort = await freePort();
    const routes = Object.entries(pages).map(([page, path]) => {
      const file = join(dir.path, `${page}.html`);
      writeFileSync(file, bodies![page]!);
      return `${path}=${file}`;
    });
    const { child: bare } = await startNodeProcess(['--import', 'tsx', 'bench/bare-server.ts', String(barePort), ...routes], {}, barePort);
    const ceiling: Record<string, Load> = {};
    try {
      for (const [page, path] of Object.entries(pages)) {
        process.stderr.write(`loading ${page} on bare node:http for ${duration}s…\n`);
        ceiling[page] = await load(`http://127.0.0.1:${barePort}${path}`);
        rows.push({ server: 'bare node:http (ceiling)', page, ...ceiling[page]! });
      }
    } finally {
      await stopProcess(bare);
    }

    console.log(`\nPages benchmark: ${connections} connections, ${duration}s per run, loopback; ${contents.join('; ')}`);
    console.log(
      `response sizes (${engines[0]!.name}): home ${bodies!.home!.length} B, article ${bodies!.article!.length} B (uncompressed, as autocannon asks)\n`,
    );
    console.log('| server | page | requests/s | p50 ms | p99 ms | errors | non-2xx |');
    console.log('|---|---|---:|---:|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.server} | ${r.page} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
    console.log('\nShare of the ceiling (target ≥ 60%, p99 < 20 ms):');
    for (const { name } of engines) {
      for (const workers of workerCounts) {
        for (const page of Object.keys(pages)) {
          const ratio = ours[name]![workers]![page]!.rps / ceiling[page]!.rps;
          const p99 = ours[name]![workers]![page]!.p99;
          const verdict = ratio >= 0.6 && p99 < 20 ? 'meets target' : 'BELOW TARGET';
          console.log(`  ${name.padEnd(10)} WORKERS=${workers} ${page.padEnd(7)} ${(ratio * 100).toFixed(0)}% of ceiling, p99 ${p99} ms — ${verdict}`);
        }
      }
    }
    if (ours.PostgreSQL) {
      console.log(`\nPostgreSQL requests/s as % of SQLite's (target ≥ ${POSTGRES_SHARE_TARGET * 100}%, i.e. within 20 %):`);
      for (const workers of workerCounts) {
        for (const page of Object.keys(pages)) {
          const ratio = ours.PostgreSQL[workers]![page]!.rps / ours.SQLite![workers]![page]!.rps;
          const verdict = ratio >= POSTGRES_SHARE_TARGET ? 'meets target' : 'BELOW TARGET';
          console.log(`  WORKERS=${workers} ${page.padEnd(7)} ${(ratio * 100).toFixed(0)}% — ${verdict}`);
        }
      }
    }
  } finally {
    dir.remove();
    for (const { database } of engines) await database.remove();
  }
}
