// The bundled build as operators run it: `npm start` (bin/start.js) and `zhaoshang` (bin/zhaoshang.js)
// load build/server/, built from src/ when it is missing or stale (bin/bundle.js).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { after, before, describe, it } from 'node:test';
import { BUNDLE_DIR, bundleIsCurrent, ensureBundle } from '../bin/bundle.js';
import { readChannelFile } from '../src/channels/channel.ts';
import { indexedTextOf } from '../src/search/indexed-text.ts';
import { Segmenter } from '../src/text/segmenter.ts';
import { fetchFresh, freePort, PROJECT_ROOT as ROOT, startNodeProcess, stopProcess } from './helpers/processes.ts';
import { tempDir } from './helpers/test-db.ts';

const FALLBACK = /running the sources through tsx/;

describe('the bundled build', () => {
  before(() => ensureBundle());

  it('serves the seed, an article and a search with two workers, and imports through the command line', async () => {
    const dir = tempDir();
    const port = await freePort();
    const env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', DATABASE_URL: join(dir.path, 'portal.db'), LOG_LEVEL: 'info' };
    const server = await startNodeProcess(['bin/start.js'], env, port, { startTimeoutMs: 60_000 });
    try {
      const home = await fetchFresh(port, '/');
      const articles = [...home.text.matchAll(/<h2><a href="(\/articles\/\d+)">([^<]+)</g)];
      assert.equal(articles.length, 10);
      const [, path, title] = articles[0]!;
      const article = await fetchFresh(port, path!);
      assert.equal(article.status, 200);
      assert.match(article.text, new RegExp(`<h1[^>]*>${title}</h1>`));

      const file = join(dir.path, 'new.txt');
      writeFileSync(file, '-\n【安义县招商】安义县古村旅游项目签约\n安义县签约古村旅游项目。\n2026-03-01\n');
      const cli = spawnSync(process.execPath, ['bin/zhaoshang.js', 'import', file], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
      assert.equal(cli.status, 0, cli.stderr);
      assert.match(cli.stdout, /imported 1, updated 0, unchanged 0, rejected 0/);
      assert.doesNotMatch(cli.stderr, FALLBACK);

      const search = await fetchFresh(port, `/search?q=${encodeURIComponent('古村旅游')}`);
      assert.equal(search.status, 200);
      assert.match(search.text, /<a href="\/articles\/11">安义县<mark>古村旅游<\/mark>项目签约<\/a>/);
      assert.doesNotMatch(server.log(), FALLBACK);
    } finally {
      await stopProcess(server.child);
      dir.remove();
    }
  });

  it('starts the segmenting thread from its own file in the build', async () => {
    // A bulk write falls back to segmenting on the main thread when the thread fails, so the import
    // above would pass without it: this starts the thread as the build's SegmentingThread does.
    const chunk = readdirSync(BUNDLE_DIR).find(
      (name) => name.endsWith('.js') && /SegmentingThread ?= ?class/.test(readFileSync(join(BUNDLE_DIR, name), 'utf8')),
    );
    assert.ok(chunk, 'a chunk holds SegmentingThread');
    const reference = /new Worker\(new URL\("([^"]+)", ?import\.meta\.url\)/.exec(readFileSync(join(BUNDLE_DIR, chunk), 'utf8'));
    assert.ok(reference, 'SegmentingThread starts its thread from a file of the build');
    const segmenter = Segmenter.load(readChannelFile());
    const worker = new Worker(new URL(reference[1]!, pathToFileURL(join(BUNDLE_DIR, chunk))), { workerData: { lines: segmenter.lines } });
    try {
      const article = { title: '南昌经开区新能源项目签约', body: '总投资50亿元的新能源汽车零部件项目落户南昌。', english: undefined };
      const answer = new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
      worker.postMessage({ id: 7, articles: [article] });
      assert.deepEqual(await answer, { id: 7, texts: [indexedTextOf(segmenter, article)] });
    } finally {
      await worker.terminate();
    }
  });
});

describe('a stale or missing build', () => {
  const outdir = join(ROOT, 'build', `test-${process.pid}`);
  after(() => rmSync(outdir, { recursive: true, force: true }));

  it('is built, and built again once older than src/', async () => {
    assert.equal(await bundleIsCurrent(outdir), false);
    assert.equal(await ensureBundle(outdir), true);
    assert.equal(await bundleIsCurrent(outdir), true);
    assert.equal(await ensureBundle(outdir), false, 'a current build is kept');

    // As if every file under src/ had been saved after this build.
    const stamp = join(outdir, '.built');
    const yesterday = new Date(Date.now() - 86_400_000);
    utimesSync(stamp, yesterday, yesterday);
    rmSync(join(outdir, 'main.js'));
    assert.equal(await bundleIsCurrent(outdir), false);
    assert.equal(await ensureBundle(outdir), true);
    assert.ok(statSync(stamp).mtimeMs > yesterday.getTime());
    assert.ok(statSync(join(outdir, 'main.js')).isFile());
  });
});
