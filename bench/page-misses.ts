// The cache-miss half of `npm run bench:pages -- --miss`: every request asks for a page the server
// has not rendered yet (home and channel pages paged through, distinct articles), so each one is
// rendered, compressed and stored. The server's own counters say how many requests really missed,
// and its CPU time per request is read from /proc, which stays meaningful on a machine shared with
// other work (requests/s does not).
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { articleCountsByChannel } from '../src/articles/article.service.ts';
import { openDb } from '../src/db/connect.ts';
import type { DatabaseTarget } from '../src/config.ts';
import { fetchFresh } from '../test/helpers/processes.ts';

/** The distinct pages a database holds: home pages, each channel's pages, article ids. */
export interface MissTargets {
  homePages: number;
  channelPages: Array<[slug: string, pages: number]>;
  articleIds: number[];
}

const PAGE_SIZE = 20;
// The Linux clock tick of /proc/PID/stat's times; 100 on every kernel we deploy on.
const CLOCK_TICKS_PER_SECOND = 100;

/** The pages of the database at `target`, read before the server starts. */
export async function missTargets(target: DatabaseTarget): Promise<MissTargets> {
  const opened = await openDb(target);
  try {
    const counts = await articleCountsByChannel(opened.db);
    const rows = await opened.db.selectFrom('article').select('id').where('status', '=', 'published').orderBy('id').execute();
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    return {
      homePages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      channelPages: [...counts].map(([slug, n]) => [slug, Math.ceil(n / PAGE_SIZE)]),
      articleIds: rows.map((row) => Number(row.id)),
    };
  } finally {
    await opened.close();
  }
}

/** Kinds of load: each yields an endless sequence of request paths. */
export type MissKind = 'mixed' | 'home' | 'channel' | 'article' | 'home+junk';

/**
 * For one server: paths of each kind, in an order where a path comes back only after every other
 * path of its kind (and, mixed, after those of the other kinds too), so a bounded cache has long
 * forgotten it. The kinds share their place, so a run does not ask again for what an earlier one did.
 */
export function missPaths(targets: MissTargets): (kind: MissKind) => () => string {
  let home = 0;
  let channel = 0;
  let article = 0;
  let junk = 0;
  const channelPaths = targets.channelPages.flatMap(([slug, pages]) =>
    Array.from({ length: pages }, (_, i) => (i === 0 ? `/channels/${slug}` : `/channels/${slug}?page=${i + 1}`)),
  );
  const nextHome = () => {
    home = (home % targets.homePages) + 1;
    return home === 1 ? '/' : `/?page=${home}`;
  };
  const nextChannel = () => channelPaths[channel++ % channelPaths.length]!;
  const nextArticle = () => `/articles/${targets.articleIds[article++ % targets.articleIds.length]}`;
  const mixed = [nextHome, nextChannel, nextArticle];
  let turn = 0;
  return (kind) => {
    switch (kind) {
      case 'mixed':
        return () => mixed[turn++ % mixed.length]!();
      case 'home':
        return nextHome;
      case 'channel':
        return nextChannel;
      case 'article':
        return nextArticle;
      case 'home+junk':
        // Distinct tracking parameters the home page does not read: the same page as `/`.
        return () => `/?utm_source=bench&utm_content=${junk++}`;
    }
  };
}

/** What one run measured. */
export interface MissLoad {
  kind: MissKind;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Requests the server rendered a page for, by its own count. */
  misses: number;
  /** Server CPU (user + system, every process of it) per request, in ms. */
  cpuMsPerRequest: number;
  /** The 1-minute load average at the end of the run. */
  load: number;
}

/** Loads `port` with `kind` for `duration` seconds over `connections` connections. */
export async function loadMisses(
  port: number,
  serverPid: number,
  paths: (kind: MissKind) => () => string,
  kind: MissKind,
  { connections, duration }: { connections: number; duration: number },
): Promise<MissLoad> {
  const next = paths(kind);
  const missesBefore = await pageCacheMisses(port);
  const cpuBefore = processTreeCpuMs(serverPid);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    pipelining: 1,
    // As browsers ask: the compressed bodies are what a miss has to make.
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }],
  });
  const cpuMs = processTreeCpuMs(serverPid) - cpuBefore;
  const misses = (await pageCacheMisses(port)) - missesBefore;
  const requests = result.requests.total;
  return {
    kind,
    requests,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    misses,
    cpuMsPerRequest: requests > 0 ? cpuMs / requests : Number.NaN,
    load: loadavg()[0]!,
  };
}

/** The server's count of pages rendered (summed over its workers), from /metrics on loopback. */
async function pageCacheMisses(port: number): Promise<number> {
  const { status, text } = await fetchFresh(port, '/metrics');
  if (status !== 200) throw new Error(`/metrics answered ${status}`);
  const line = text.split('\n').find((l) => l.startsWith('zhaoshang_page_cache_misses_total'));
  if (!line) throw new Error('/metrics has no zhaoshang_page_cache_misses_total');
  return Number(line.split(' ').at(-1));
}

/** User + system CPU ms of `pid` and every process below it (a cluster's workers). */
export function processTreeCpuMs(pid: number): number {
  let ticks = 0;
  const visit = (id: number) => {
    try {
      // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(' ') : []) visit(Number(child));
      }
    } catch {
      // The process ended meanwhile: its time is no longer counted anywhere we can read.
    }
  };
  visit(pid);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** The table of runs, in Markdown. */
export function missTable(rows: ReadonlyArray<{ server: string } & MissLoad>): string {
  const lines = [
    '| server | pages | requests/s | p50 ms | p99 ms | errors | non-2xx | rendered (misses) | server CPU ms/request | load avg |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const share = r.requests > 0 ? `${((r.misses / r.requests) * 100).toFixed(0)}%` : '–';
    lines.push(
      `| ${r.server} | ${r.kind} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${share} | ${r.cpuMsPerRequest.toFixed(2)} | ${r.load.toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}
