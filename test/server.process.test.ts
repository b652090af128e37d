// The portal as operators run it: `npm start` (node src/main.ts) with several workers, and the
// `zhaoshang import` command run beside it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchFresh, freePort, PROJECT_ROOT as ROOT, startNodeProcess, stopProcess as stopServer } from './helpers/processes.ts';
import { tempDir } from './helpers/test-db.ts';

const startServer = (env: NodeJS.ProcessEnv, port: number) => startNodeProcess(['--import', 'tsx', 'src/main.ts'], env, port);
const fetchPage = async (port: number, path: string) => {
  const { status, text } = await fetchFresh(port, path);
  return { status, body: text };
};

describe('npm start with two workers and a command-line import', () => {
  const dir = tempDir();
  let port: number;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    port = await freePort();
    env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', DATABASE_URL: join(dir.path, 'portal.db'), LOG_LEVEL: 'info' };
  });
  after(() => dir.remove());

  it('serves the seed at once, shows an import on every worker, and never imports the seed twice', async () => {
    const first = await startServer(env, port);
    try {
      const home = await fetchPage(port, '/');
      assert.equal([...home.body.matchAll(/<h2><a href="\/articles\//g)].length, 10);
      assert.match(first.log(), /"imported":10/);
      assert.match(first.log(), /"workers":2/);

      const file = join(dir.path, 'new.txt');
      writeFileSync(file, '-\n【安义县招商】安义县古村旅游项目签约\n安义县签约古村旅游项目。\n2026-03-01\n-\n坏的块\n没有日期\n');
      const cli = spawnSync(process.execPath, ['bin/zhaoshang.js', 'import', file], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
      assert.equal(cli.status, 0, cli.stderr);
      assert.match(cli.stdout, /imported 1, updated 0, unchanged 0, rejected 1/);
      assert.match(cli.stdout, /rejected: line 5 "坏的块": missing date/);

      for (let i = 0; i < 8; i += 1) {
        const page = await fetchPage(port, '/');
        assert.match(page.body, /安义县古村旅游项目签约/, `request ${i} saw the import`);
      }
    } finally {
      await stopServer(first.child);
    }

    const second = await startServer(env, port);
    try {
      const home = await fetchPage(port, '/');
      assert.equal([...home.body.matchAll(/<h2><a href="\/articles\//g)].length, 11);
      assert.doesNotMatch(second.log(), /seed articles imported/);
    } finally {
      await stopServer(second.child);
    }
  });

  it('the import command refuses a missing file and, with --strict, a file with a bad block', () => {
    const missing = spawnSync(process.execPath, ['bin/zhaoshang.js', 'import', join(dir.path, 'nope.txt')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    assert.equal(missing.status, 2);
    assert.match(missing.stdout + missing.stderr, /no such file/);
    const file = join(dir.path, 'strict.txt');
    writeFileSync(file, '-\n【安义县招商】严格模式\n正文。\n2026-03-02\n-\n坏的块\n没有日期\n');
    const strict = spawnSync(process.execPath, ['bin/zhaoshang.js', 'import', '--strict', file], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    assert.equal(strict.status, 1);
    assert.match(strict.stdout, /nothing imported: --strict and 1 rejected block/);
  });
});

describe('npm start when its workers die', () => {
  const dir = tempDir();
  after(() => dir.remove());

  // A worker started again after the database was prepared must be told so at once (it waits for
  // the primary's word before it opens the database), or the instance would never serve again.
  it('starts new workers, which serve without the database being prepared again', async () => {
    const port = await freePort();
    const env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', DATABASE_URL: join(dir.path, 'portal.db'), LOG_LEVEL: 'info' };
    const server = await startServer(env, port);
    try {
      const children = () => readFileSync(`/proc/${server.child.pid}/task/${server.child.pid}/children`, 'utf8').trim().split(' ').filter(Boolean).map(Number);
      const first = children();
      assert.equal(first.length, 2);
      for (const pid of first) process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 30_000;
      let status = 0;
      while (status !== 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = await fetchFresh(port, '/').then(
          (answer) => answer.status,
          () => 0,
        );
      }
      assert.equal(status, 200);
      assert.equal([...server.log().matchAll(/worker died; starting a new one/g)].length, 2);
      const second = children();
      assert.equal(second.length, 2);
      assert.ok(second.every((pid) => !first.includes(pid)));
      assert.equal([...server.log().matchAll(/seed articles imported/g)].length, 1);
    } finally {
      await stopServer(server.child);
    }
  });
});
