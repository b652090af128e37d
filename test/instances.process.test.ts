// Several instances of the portal on one database, as deploy/systemd/zhaoshang@.service runs them:
// started at the same moment on an empty database, they prepare it once between them and all serve.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { fetchFresh, freePort, PROJECT_ROOT, startNodeProcess, stopProcess } from './helpers/processes.ts';
import { serverEngines } from './helpers/server-db.ts';

const SEED_ARTICLES = 10;
const MIGRATIONS = readdirSync(new URL('../src/db/migrations/', import.meta.url)).filter((name) => name.endsWith('.ts')).length;
// Two instances load the dictionary at once; on a busy machine that takes a while.
const START_TIMEOUT_MS = 120_000;

// PostgreSQL only: an SQLite file is served by one instance with WORKERS processes, whose primary
// prepares it before forking (SqlDialect.exclusively says why SQLite takes no lock).
for (const engine of serverEngines().filter(({ name }) => name === 'postgres')) {
  describe(`two instances on one ${engine.name} database`, () => {
    it('started at once on an empty database, both serve; migrations and the seed import ran once', { skip: engine.skip }, async () => {
      const database = await engine.create();
      const ports = [await freePort(), await freePort()];
      const env = (port: number) => ({ PORT: String(port), HOST: '127.0.0.1', WORKERS: '1', DATABASE_URL: database.url, LOG_LEVEL: 'info' });
      const started = await Promise.allSettled(
        ports.map((port) => startNodeProcess(['--import', 'tsx', 'src/main.ts'], env(port), port, { startTimeoutMs: START_TIMEOUT_MS })),
      );
      const instances = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      try {
        for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
        for (const port of ports) {
          const home = await fetchFresh(port, '/');
          assert.equal(home.status, 200);
          assert.equal([...home.text.matchAll(/<h2><a href="\/articles\//g)].length, SEED_ARTICLES, `the instance on ${port} shows the seed once`);
        }
        const logs = instances.map((instance) => instance.log());
        assert.equal(logs.filter((log) => /database migrated/.test(log)).length, 1, `one instance migrated:\n${logs.join('\n')}`);
        assert.equal(logs.filter((log) => /seed articles imported/.test(log)).length, 1, 'one instance imported the seed');

        const opened = await database.open();
        try {
          const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(opened.db);
          assert.equal(applied.rows.length, MIGRATIONS, 'every migration recorded once');
          assert.equal(new Set(applied.rows.map((row) => row.name)).size, MIGRATIONS);
          const articles = await opened.db
            .selectFrom('article')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          assert.equal(Number(articles.n), SEED_ARTICLES);
        } finally {
          await opened.close();
        }
      } finally {
        for (const instance of instances) await stopProcess(instance.child);
        await database.remove();
      }
    });
  });
}

describe('zhaoshang migrate', () => {
  for (const engine of serverEngines()) {
    it(`prepares an empty ${engine.name} database, and a second run finds nothing to do`, { skip: engine.skip }, async () => {
      const database = await engine.create();
      try {
        const migrate = () =>
          spawnSync(process.execPath, ['bin/zhaoshang.js', 'migrate'], {
            cwd: PROJECT_ROOT,
            env: { ...process.env, DATABASE_URL: database.url },
            encoding: 'utf8',
          });
        const first = migrate();
        assert.equal(first.status, 0, first.stderr);
        assert.match(first.stdout, new RegExp(`applied ${MIGRATIONS} migrations`));
        const second = migrate();
        assert.equal(second.status, 0, second.stderr);
        assert.match(second.stdout, /the database is up to date/);
        const opened = await database.open();
        try {
          const articles = await opened.db
            .selectFrom('article')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          assert.equal(Number(articles.n), 0, 'migrate imports nothing: the seed is for the first start of the portal');
        } finally {
          await opened.close();
        }
      } finally {
        await database.remove();
      }
    });
  }
});
