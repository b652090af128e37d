// Two `npm start` instances on one database: a change made beside them (a command-line import)
// shows on the pages of both, which on PostgreSQL learn of it by LISTEN/NOTIFY instead of reading
// the content version on every request. The bound only says when to give up, not how fast.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchFresh, freePort, PROJECT_ROOT, startNodeProcess, stopProcess } from './helpers/processes.ts';
import { serverEngines, type ServerDatabase } from './helpers/server-db.ts';
import { tempDir } from './helpers/test-db.ts';

const GIVE_UP_MS = 15_000;

for (const engine of serverEngines()) {
  describe(`two instances on one ${engine.name} database`, { skip: engine.skip }, () => {
    const dir = tempDir();
    let database: ServerDatabase;
    before(async () => {
      database = await engine.create();
    });
    after(async () => {
      await database.remove();
      dir.remove();
    });

    it('both show an article imported beside them', async () => {
      const start = async () => {
        const port = await freePort();
        const env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
        return { port, ...(await startNodeProcess(['--import', 'tsx', 'src/main.ts'], env, port, { startTimeoutMs: 60_000 })) };
      };
      const first = await start();
      const second = await start().catch(async (error: unknown) => {
        await stopProcess(first.child);
        throw error;
      });
      try {
        // Both render and keep the home page before the change.
        for (const { port } of [first, second]) assert.doesNotMatch((await fetchFresh(port, '/')).text, /安义县古村旅游项目签约/);
        const file = join(dir.path, 'new.txt');
        writeFileSync(file, '-\n【安义县招商】安义县古村旅游项目签约\n安义县签约古村旅游项目。\n2026-03-01\n');
        const cli = spawnSync(process.execPath, ['bin/zhaoshang.js', 'import', file], {
          cwd: PROJECT_ROOT,
          env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
          encoding: 'utf8',
        });
        assert.equal(cli.status, 0, cli.stderr);
        for (const { port } of [first, second]) {
          const deadline = Date.now() + GIVE_UP_MS;
          // Every worker of the instance must show it: each request comes on a new connection.
          let shown = 0;
          while (shown < 6) {
            if (/安义县古村旅游项目签约/.test((await fetchFresh(port, '/')).text)) shown += 1;
            else shown = 0;
            if (Date.now() > deadline) assert.fail(`the instance on port ${port} did not show the import`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }
      } finally {
        await stopProcess(first.child);
        await stopProcess(second.child);
      }
    });
  });
}
