// npm run bench:memory -- --db PATH [--workers 2 --duration 60 | --requests N] [--connections 50 --from build|sources]
// Start and memory of the portal on a database of many articles (e.g. one built by
// bench:search --articles 100000 --db PATH): the time from starting the portal as `npm start` does
// (the bundled build, bin/start.js; --from sources: src/main.ts through tsx) to the first
// page served, then --duration seconds of mixed load (half distinct pages rendered on their request,
// half pages read again: the home page and the newest articles), then each process's resident memory.
// A worker's memory after the load grows with the requests it served, which on a machine shared with
// other work vary from run to run in a fixed duration: --requests N serves N requests instead.
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { parseDatabaseTarget } from '../src/config.ts';
import { freePort, PROJECT_ROOT, stopProcess } from '../test/helpers/processes.ts';
import { spawn } from 'node:child_process';
import { missPaths, missTargets } from './page-misses.ts';
import { openDb } from '../src/db/connect.ts';
import { prepareDatabase } from '../src/prepare.ts';
import { settleBackgroundWork } from './bench-database.ts';
import { FROM_OPTION, serverStartArgs } from './server-start.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    workers: { type: 'string', default: '2' },
    duration: { type: 'string', default: '60' },
    requests: { type: 'string' },
    connections: { type: 'string', default: '50' },
    ...FROM_OPTION,
  },
});
if (!values.db) throw new Error('bench:memory needs --db PATH (a SQLite database with articles)');
const target = parseDatabaseTarget(values.db);
// The server's background passes, done before it starts so that they are not measured.
const prepared = await openDb(target);
try {
  await prepareDatabase(prepared);
  await settleBackgroundWork(prepared);
} finally {
  await prepared.close();
}
const targets = await missTargets(target);
const port = await freePort();
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', WORKERS: values.workers, DATABASE_URL: values.db, LOG_LEVEL: 'warn' };

const startArgs = await serverStartArgs(values.from);
const started = performance.now();
const server = spawn(process.execPath, startArgs, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
while (!(await answers(port, '/'))) {
  if (server.exitCode !== null) throw new Error('the server exited before serving a page');
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const startMs = performance.now() - started;
try {
  const rssAtStart = processRss(server.pid!);
  const cpuAtStart = processCpu(rssAtStart.keys());
  const distinct = missPaths(targets)('mixed');
  const newest = targets.articleIds.slice(-100);
  let turn = 0;
  const next = () => {
    turn += 1;
    if (turn % 2 === 0) return distinct();
    return turn % 3 === 0 ? '/' : `/articles/${newest[turn % newest.length]}`;
  };
  process.stderr.write(values.requests ? `mixed load of ${values.requests} requests…\n` : `mixed load for ${values.duration}s…\n`);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: Number(values.connections),
    ...(values.requests ? { amount: Number(values.requests) } : { duration: Number(values.duration) }),
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }],
  });
  const rssAfter = processRss(server.pid!);
  const heap = await heapFigures(port);
  console.log(
    `\nMemory and start (${values.from}): ${targets.articleIds.length} articles, WORKERS=${values.workers}, load average ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log(`start to first page served: ${(startMs / 1000).toFixed(2)} s`);
  console.log(
    `load: ${result.requests.total} requests, ${result.requests.average.toFixed(0)}/s, p99 ${result.latency.p99} ms, errors ${result.errors + result.timeouts}, non-2xx ${result.non2xx}`,
  );
  // Anonymous memory is the process's own (heaps, buffers, SQLite's page cache); the rest of RSS is
  // the pages of files it has mapped and touched (node's binary, native addons), which the kernel
  // shares between the workers and may drop under pressure.
  console.log('\n| process | CPU s to first page | RSS after start MB | RSS after load MB | of which anonymous MB |\n|---|---:|---:|---:|---:|');
  const mb = (kB: number | undefined) => ((kB ?? Number.NaN) / 1024).toFixed(0);
  for (const [pid, after] of rssAfter) {
    const role = pid === server.pid ? (rssAfter.size > 1 ? 'primary' : 'server') : `child ${pid}`;
    console.log(
      `| ${role} | ${(cpuAtStart.get(pid) ?? Number.NaN).toFixed(2)} | ${mb(rssAtStart.get(pid)?.rss)} | ${mb(after.rss)} | ${mb(after.anonymous)} |`,
    );
  }
  console.log(
    `\nWorkers together, from /metrics: ${Object.entries(heap)
      .map(([name, bytes]) => `${name} ${(bytes / 1048576).toFixed(0)} MB`)
      .join(', ')}`,
  );
} finally {
  await stopProcess(server);
}

/** The V8 heap and external memory of the workers together (their /metrics sums them). */
async function heapFigures(port: number): Promise<Record<string, number>> {
  const text = await new Promise<string>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/metrics', agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk)).on('end', () => resolve(body));
    }).on('error', reject);
  });
  const figures: Record<string, number> = {};
  for (const name of ['nodejs_heap_size_total_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_external_memory_bytes']) {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    if (line) figures[name.replace(/^nodejs_|_bytes$/g, '')] = Number(line.split(' ').at(-1));
  }
  return figures;
}

function answers(port: number, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode === 200));
    }).on('error', () => resolve(false));
  });
}

/** CPU seconds (user and system) each process has used so far. */
function processCpu(pids: Iterable<number>): Map<number, number> {
  const ticksPerSecond = 100; // USER_HZ, 100 on Linux
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      // The fields after the command name, which is in parentheses and may hold spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / ticksPerSecond);
    } catch {
      // Gone meanwhile.
    }
  }
  return used;
}

/** Resident kB of `pid` and each process below it: in all, and how much of it is anonymous memory. */
function processRss(pid: number): Map<number, { rss: number; anonymous: number }> {
  const found = new Map<number, { rss: number; anonymous: number }>();
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
      found.set(id, { rss: kB('VmRSS'), anonymous: kB('RssAnon') });
      for (const child of readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim().split(' ').filter(Boolean)) visit(Number(child));
    } catch {
      // Gone meanwhile.
    }
  };
  visit(pid);
  return found;
}
