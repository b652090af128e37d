// npm run bench:observer [-- --rounds 6 --duration 5 --connections 20]
// What the request observer (X-Request-Id, request metrics: src/ops/observed-requests.ts) costs per
// request. One server process answers the same app on two ports, one listener with the observer
// and one without; autocannon loads them in turns, and the server's CPU time per answered request
// is compared. CPU time, not requests/s: on a shared machine the rate follows the other load, the
// CPU a request takes much less so. Pages: the home page from the page cache's fast path (the
// cheapest request, where an overhead shows most) and the 投稿 form, which the router renders
// anew for every request (it carries a form token of its own).
// The route-label middleware is part of the app on both ports; without the observer it finds no
// request context and returns at once, so its work counts on the observed side only.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { pageCacheFirst } from '../src/http/fast-path.ts';
import { portalListener } from '../src/serve.ts';
import { freePort, PROJECT_ROOT } from '../test/helpers/processes.ts';
import { openSeededApp } from '../test/helpers/test-app.ts';
import { getRequestListener } from '@hono/node-server';

const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    rounds: { type: 'string', default: '6' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
  },
});

if (values.serve) await serve(values.serve.split(',').map(Number) as [number, number, number]);
else await measure();

/** The child: the app behind both listeners, and a control port that reports its CPU time. */
async function serve([plainPort, observedPort, controlPort]: [number, number, number]): Promise<void> {
  const seeded = await openSeededApp();
  const deps = { pageCache: seeded.pageCache, metrics: seeded.metrics, publicOrigin: undefined, trustProxy: true };
  createServer(pageCacheFirst(seeded.pageCache, getRequestListener(seeded.app.fetch))).listen(plainPort, '127.0.0.1');
  createServer(portalListener(seeded.app, deps)).listen(observedPort, '127.0.0.1');
  createServer((_, response) => response.end(JSON.stringify(process.cpuUsage()))).listen(controlPort, '127.0.0.1', () => process.stdout.write('ready\n'));
}

async function measure(): Promise<void> {
  const [plainPort, observedPort, controlPort] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/observer.bench.ts', '--serve', `${plainPort},${observedPort},${controlPort}`], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.includes('ready') && resolve()));
  const cpuMicros = async () => {
    const { user, system } = (await (await fetch(`http://127.0.0.1:${controlPort}/`)).json()) as NodeJS.CpuUsage;
    return user + system;
  };
  const pages = { home: '/', form: '/submit' };
  const sides = { without: plainPort, with: observedPort };
  const totals: Record<string, { micros: number; requests: number }> = {};
  try {
    for (let round = 0; round <= Number(values.rounds); round += 1) {
      for (const [page, path] of Object.entries(pages)) {
        // Each round swaps which side goes first, so that neither always runs on a warmer process.
        const order = Object.entries(sides);
        if (round % 2 === 1) order.reverse();
        for (const [side, port] of order) {
          const before = await cpuMicros();
          const result = await autocannon({
            url: `http://127.0.0.1:${port}${path}`,
            connections: Number(values.connections),
            duration: Number(values.duration),
          });
          const micros = (await cpuMicros()) - before;
          if (result.errors + result.timeouts + result.non2xx > 0) throw new Error(`${page} ${side}: ${result.errors} errors, ${result.non2xx} non-2xx`);
          // Round 0 warms the JIT and the page cache; it is not counted.
          if (round === 0) continue;
          const key = `${page} ${side}`;
          totals[key] ??= { micros: 0, requests: 0 };
          totals[key].micros += micros;
          totals[key].requests += result.requests.total;
          process.stderr.write(
            `round ${round} ${key}: ${(micros / result.requests.total).toFixed(1)} µs CPU/request, ${result.requests.average.toFixed(0)} requests/s\n`,
          );
        }
      }
    }
  } finally {
    child.kill();
  }
  console.log(
    `\nObserver cost: ${values.rounds} rounds of ${values.duration}s per page and side, ${values.connections} connections, server CPU time per request\n`,
  );
  console.log('| page | without observer µs | with observer µs | difference µs | difference % |');
  console.log('|---|---:|---:|---:|---:|');
  for (const page of Object.keys(pages)) {
    const without = totals[`${page} without`]!.micros / totals[`${page} without`]!.requests;
    const withObserver = totals[`${page} with`]!.micros / totals[`${page} with`]!.requests;
    console.log(
      `| ${page} | ${without.toFixed(1)} | ${withObserver.toFixed(1)} | ${(withObserver - without).toFixed(1)} | ${(((withObserver - without) / without) * 100).toFixed(1)} |`,
    );
  }
}
