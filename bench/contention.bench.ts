// npm run bench:contention [-- --articles 10000 --posts-per-second 20 --readers 4 --quiet 5 --timeout 900 --from build|sources]
// Writers sharing one SQLite file: starts the real server (two workers, SQLite in a temp folder),
// runs `zhaoshang import` of a recombined corpus beside it, and meanwhile posts contributions to
// /submit at a fixed rate (each from its own client address) and reads pages continuously; the
// same load runs for a few seconds without the import first, for reference.
// Prints the import's exit code and duration, post acknowledgement and page latencies, and exits
// non-zero if a target is missed: the import finishes, every post is acknowledged (303) within
// 1 s, page p99 stays under 50 ms.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, fetchFresh, freePort, startNodeProcess, stopProcess } from '../test/helpers/processes.ts';
import { SEED_FILE } from '../test/helpers/seed.ts';
import { tempDir } from '../test/helpers/test-db.ts';
import { recombinedArticles } from './search-corpus.ts';
import { FROM_OPTION, serverStartArgs } from './server-start.ts';

const { values } = parseArgs({
  options: {
    ...FROM_OPTION,
    articles: { type: 'string', default: '10000' },
    'posts-per-second': { type: 'string', default: '20' },
    readers: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '900' },
    quiet: { type: 'string', default: '5' },
  },
});
const articleCount = Number(values.articles);
const postsPerSecond = Number(values['posts-per-second']);
const readerCount = Number(values.readers);
const timeoutMs = Number(values.timeout) * 1000;
const quietSeconds = Number(values.quiet);

const POST_TARGET_MS = 1000;
const PAGE_P99_TARGET_MS = 50;
const PAGES = ['/', '/channels/donghu', '/channels/gaoxin', '/channels/nanchang', '/static/site.css'];

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Writes the corpus in the import format; returns its size in bytes of text. */
async function writeCorpus(path: string): Promise<number> {
  const out = createWriteStream(path);
  let textBytes = 0;
  for (const draft of recombinedArticles(SEED_FILE, articleCount)) {
    // One body line per article (a line of its own could read as a block boundary or a date).
    const body = draft.body.replace(/\s*\n\s*/gu, ' ');
    textBytes += Buffer.byteLength(draft.originalTitle) + Buffer.byteLength(body);
    if (!out.write(`-\n${draft.originalTitle}\n${body}\n${draft.publishedOn}\n`)) await once(out, 'drain');
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return textBytes;
}

/** The contribution form's CSRF cookie and token; one pair serves every post. */
async function formSession(port: number): Promise<{ cookie: string; token: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/submit', agent: false }, (response) => {
      let html = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (html += chunk));
      response.on('end', () => {
        const token = /name="_csrf" value="([0-9a-f]{32})"/u.exec(html)?.[1];
        const cookie = String(response.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
        if (!token || !cookie) reject(new Error('/submit has no CSRF token'));
        else resolve({ cookie, token });
      });
    })
      .on('error', reject)
      .end();
  });
}

/** Posts contribution number `n` from its own client address; resolves with status and latency. */
function postContribution(port: number, session: { cookie: string; token: string }, n: number): Promise<{ status: number; ms: number }> {
  const body = new URLSearchParams({
    _csrf: session.token,
    title: `关于园区配套的建议第${n}号`,
    body: `建议在园区周边增设公交线路和员工食堂,方便企业职工上下班和就餐。编号${n}。`,
    channel: 'nanchang',
    name: '王先生',
    contact: '13800138000',
    consent: 'yes',
    website: '',
  }).toString();
  const client = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/submit',
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          Cookie: session.cookie,
          Origin: `http://127.0.0.1:${port}`,
          'X-Forwarded-For': client,
        },
      },
      (response) => {
        response.resume().on('end', () => resolve({ status: response.statusCode!, ms: performance.now() - started }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

/** Runs `zhaoshang import FILE`; resolves with its exit code, duration and output. */
function runImport(env: NodeJS.ProcessEnv, file: string): { done: Promise<{ code: number | null; seconds: number; output: string }>; kill(): void } {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/zhaoshang.js', 'import', file], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const done = new Promise<{ code: number | null; seconds: number; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, seconds: (performance.now() - started) / 1000, output })),
  );
  return { done, kill: () => child.kill('SIGKILL') };
}

/** Posts at the set rate and reads pages continuously until `until` settles. */
async function publicLoad(port: number, session: { cookie: string; token: string }, until: Promise<unknown>, firstPost: number) {
  let running = true;
  const posts: Array<Promise<{ status: number; ms: number }>> = [];
  const poster = setInterval(() => posts.push(postContribution(port, session, firstPost + posts.length + 1)), 1000 / postsPerSecond);
  const pageSamples: number[] = [];
  const pageErrors: string[] = [];
  const reader = async (offset: number) => {
    for (let i = offset; running; i += 1) {
      const path = PAGES[i % PAGES.length]!;
      const started = performance.now();
      try {
        const { status } = await fetchFresh(port, path);
        if (status !== 200) pageErrors.push(`${path}: ${status}`);
      } catch (error) {
        pageErrors.push(`${path}: ${(error as Error).message}`);
      }
      pageSamples.push(performance.now() - started);
    }
  };
  const readers = Array.from({ length: readerCount }, (_, i) => reader(i));
  await until;
  running = false;
  clearInterval(poster);
  const postResults = await Promise.all(posts);
  await Promise.all(readers);
  pageSamples.sort((a, b) => a - b);
  return { postResults, pageSamples, pageErrors };
}

const dir = tempDir('zhaoshang-contention-');
let failed = false;
try {
  const corpus = join(dir.path, 'corpus.txt');
  process.stderr.write(`writing a corpus of ${articleCount} articles…\n`);
  const textBytes = await writeCorpus(corpus);

  const port = await freePort();
  const env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', DATABASE_URL: join(dir.path, 'bench.db'), LOG_LEVEL: 'warn', TRUST_PROXY: 'true' };
  const { child: server, log } = await startNodeProcess(await serverStartArgs(values.from), env, port);
  try {
    const session = await formSession(port);
    for (const path of PAGES) await fetchFresh(port, path); // every page rendered once before timing

    process.stderr.write(`${quietSeconds} s of posts and reads without an import, for reference…\n`);
    const quiet = await publicLoad(port, session, sleep(quietSeconds * 1000), 0);

    process.stderr.write(`importing ${articleCount} articles while posting ${postsPerSecond}/s and reading pages with ${readerCount} readers…\n`);
    const importing = runImport(env, corpus);
    const timeout = setTimeout(() => importing.kill(), timeoutMs);
    const { postResults, pageSamples, pageErrors } = await publicLoad(port, session, importing.done, quiet.postResults.length);
    const imported = await importing.done;
    clearTimeout(timeout);

    const postMs = postResults.map((p) => p.ms).sort((a, b) => a - b);
    const refusedPosts = postResults.filter((p) => p.status !== 303);
    const pageP99 = percentile(pageSamples, 99);
    const importOk = imported.code === 0;
    const postsOk = refusedPosts.length === 0 && (postMs.at(-1) ?? 0) <= POST_TARGET_MS;
    const pagesOk = pageErrors.length === 0 && pageP99 < PAGE_P99_TARGET_MS;
    failed = !(importOk && postsOk && pagesOk);

    console.log(`\nContention benchmark: SQLite, server WORKERS=2, ${postsPerSecond} posts/s, ${readerCount} page readers (${PAGES.join(' ')})`);
    const quietPosts = quiet.postResults.map((p) => p.ms).sort((a, b) => a - b);
    console.log(
      `without an import (${quietSeconds} s): posts p50 ${ms(percentile(quietPosts, 50))}, max ${ms(quietPosts.at(-1) ?? NaN)}; pages p50 ${ms(percentile(quiet.pageSamples, 50))}, p99 ${ms(percentile(quiet.pageSamples, 99))}`,
    );
    console.log(
      `import: ${articleCount} articles, ${(textBytes / 1e6).toFixed(1)} MB of text — exit code ${imported.code}, ${imported.seconds.toFixed(1)} s, ${(textBytes / 1e6 / imported.seconds).toFixed(2)} MB/s`,
    );
    if (!importOk) console.log(imported.output.trim().split('\n').slice(-10).join('\n'));
    console.log(
      `posts: ${postResults.length}, acknowledged (303) ${postResults.length - refusedPosts.length}; latency p50 ${ms(percentile(postMs, 50))}, p99 ${ms(percentile(postMs, 99))}, max ${ms(postMs.at(-1) ?? NaN)}`,
    );
    if (refusedPosts.length > 0)
      console.log(`  refused or failed: ${refusedPosts.length} (statuses ${[...new Set(refusedPosts.map((p) => p.status))].join(', ')})`);
    console.log(
      `pages: ${pageSamples.length} requests; latency p50 ${ms(percentile(pageSamples, 50))}, p99 ${ms(pageP99)}, max ${ms(pageSamples.at(-1) ?? NaN)}; errors ${pageErrors.length}`,
    );
    if (pageErrors.length > 0) console.log(`  first errors: ${pageErrors.slice(0, 5).join('; ')}`);
    console.log('\nTargets:');
    console.log(`  import finishes                      ${importOk ? 'met' : 'MISSED'}`);
    console.log(`  every post acknowledged within ${POST_TARGET_MS} ms ${postsOk ? 'met' : 'MISSED'}`);
    console.log(`  page p99 < ${PAGE_P99_TARGET_MS} ms                     ${pagesOk ? 'met' : 'MISSED'}`);
    const serverErrors = log().trim();
    if (serverErrors)
      console.log(
        `\nserver log (last lines, shortened):\n${serverErrors
          .split('\n')
          .slice(-5)
          .map((line) => line.slice(0, 300))
          .join('\n')}`,
      );
  } finally {
    await stopProcess(server);
  }
} finally {
  dir.remove();
}
process.exitCode = failed ? 1 : 0;
