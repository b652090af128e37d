// npm run bench:pages [-- --duration 10 --connections 50]
// Loads the home page and an article page of the portal (SQLite, seed content) with autocannon
// over loopback, then the same response bytes from a bare node:http server (the ceiling for Node
// on this machine), and prints requests/s, p50/p99 latency and our share of the ceiling.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { fetchFresh, freePort, startNodeProcess, stopProcess } from '../test/helpers/processes.ts';
import { tempDir } from '../test/helpers/test-db.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, workers: { type: 'string', default: '1,2' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const workerCounts = values.workers.split(',').map(Number);
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

const dir = tempDir('zhaoshang-bench-');
const pages = { home: '/', article: '/articles/10' };
const rows: Array<{ server: string; page: string } & Load> = [];
try {
  const ours: Record<number, Record<string, Load>> = {};
  let bodies: Record<string, Buffer> = {};
  for (const workers of workerCounts) {
    const port = await freePort();
    const env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: String(workers), DATABASE_URL: join(dir.path, 'bench.db'), LOG_LEVEL: 'warn' };
    const { child: server } = await startNodeProcess(['--import', 'tsx', 'src/main.ts'], env, port);
    try {
      bodies = {};
      for (const [name, path] of Object.entries(pages)) {
        const response = await fetchFresh(port, path);
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        bodies[name] = response.body;
      }
      ours[workers] = {};
      for (const [name, path] of Object.entries(pages)) {
        process.stderr.write(`loading ${name} on zhaoshang (${workers} worker${workers > 1 ? 's' : ''}) for ${duration}s…\n`);
        const result = await load(`http://127.0.0.1:${port}${path}`);
        ours[workers]![name] = result;
        rows.push({ server: `zhaoshang, WORKERS=${workers}`, page: name, ...result });
      }
    } finally {
      await stopProcess(server);
    }
  }

  const barePort = await freePort();
  const routes = Object.entries(pages).map(([name, path]) => {
    const file = join(dir.path, `${name}.html`);
    writeFileSync(file, bodies[name]!);
    return `${path}=${file}`;
  });
  const { child: bare } = await startNodeProcess(['--import', 'tsx', 'bench/bare-server.ts', String(barePort), ...routes], {}, barePort);
  const ceiling: Record<string, Load> = {};
  try {
    for (const [name, path] of Object.entries(pages)) {
      process.stderr.write(`loading ${name} on bare node:http for ${duration}s…\n`);
      ceiling[name] = await load(`http://127.0.0.1:${barePort}${path}`);
      rows.push({ server: 'bare node:http (ceiling)', page: name, ...ceiling[name]! });
    }
  } finally {
    await stopProcess(bare);
  }

  console.log(`\nPages benchmark: ${connections} connections, ${duration}s per run, loopback, seed content on SQLite`);
  console.log(`response sizes: home ${bodies.home!.length} B, article ${bodies.article!.length} B (uncompressed, as autocannon asks)\n`);
  console.log('| server | page | requests/s | p50 ms | p99 ms | errors | non-2xx |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.server} | ${r.page} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
  console.log('\nShare of the ceiling (target ≥ 60%, p99 < 20 ms):');
  for (const workers of workerCounts) {
    for (const name of Object.keys(pages)) {
      const ratio = ours[workers]![name]!.rps / ceiling[name]!.rps;
      const p99 = ours[workers]![name]!.p99;
      const verdict = ratio >= 0.6 && p99 < 20 ? 'meets target' : 'BELOW TARGET';
      console.log(`  WORKERS=${workers} ${name.padEnd(7)} ${(ratio * 100).toFixed(0)}% of ceiling, p99 ${p99} ms — ${verdict}`);
    }
  }
} finally {
  dir.remove();
}
