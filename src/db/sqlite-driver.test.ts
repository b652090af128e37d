// Two connections to one SQLite file, as the server's workers and a CLI import have. SQLite only:
// PGlite has a single connection, and the PostgreSQL server's pool waits for its row locks itself.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { holdWriteLock } from '../../test/helpers/sqlite-lock.ts';
import { tempDir } from '../../test/helpers/test-db.ts';
import { openDb, type OpenDb } from './connect.ts';
import type { Db } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { DatabaseBusyError, SharingSqliteDialect, type LockWaitStats } from './sqlite-driver.ts';

const HOLD_MS = 1500;

describe('SQLite writers share the database file', () => {
  const dir = tempDir();
  const path = join(dir.path, 'shared.db');
  let opened: OpenDb;
  let db: Db;
  before(async () => {
    opened = await openDb({ engine: 'sqlite', path });
    db = opened.db;
    await migrateToLatest(db, opened.dialect);
  });
  after(async () => {
    await opened.close();
    dir.remove();
  });
  const lockWaits = () => {
    const load = opened.load();
    assert.equal(load.engine, 'sqlite');
    return load.lockWaits;
  };

  it('a write waits for the lock without stalling reads, then lands, and the wait is counted', async () => {
    await db.deleteFrom('site_meta').execute();
    const waitsBefore = lockWaits();
    const { released } = holdWriteLock(path, HOLD_MS);
    const write = db
      .insertInto('site_meta')
      .values({ key: 'mine', value: '1' })
      .execute()
      .then(() => performance.now());
    // A read through the same Db while the write waits: it must not queue behind the waiting write.
    const read = db
      .selectFrom('article')
      .select('id')
      .limit(1)
      .execute()
      .then(() => performance.now());
    const [readAt, writeAt, releasedAt] = await Promise.all([read, write, released]);
    assert.ok(readAt < releasedAt, 'the read answered while the other connection still held the lock');
    assert.ok(writeAt > releasedAt, 'the write waited for the lock');
    const keys = (await db.selectFrom('site_meta').select('key').orderBy('key').execute()).map((row) => row.key);
    assert.deepEqual(keys, ['held', 'mine']);
    const waits = lockWaits();
    assert.equal(waits.waits - waitsBefore.waits, 1);
    assert.ok(waits.waitedSeconds > waitsBefore.waitedSeconds);
    assert.equal(waits.timeouts, 0);
  });

  it('a transaction that reads before it writes waits for the lock instead of failing', async () => {
    await db.deleteFrom('site_meta').execute();
    const second = await openDb({ engine: 'sqlite', path });
    try {
      let otherWrite: Promise<unknown> | undefined;
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('site_meta').select('key').execute();
        // Another process commits between this transaction's read and its write.
        otherWrite = second.db.insertInto('site_meta').values({ key: 'other', value: '1' }).execute();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await trx.insertInto('site_meta').values({ key: 'mine', value: '1' }).execute();
      });
      await otherWrite;
      const keys = (await db.selectFrom('site_meta').select('key').orderBy('key').execute()).map((row) => row.key);
      assert.deepEqual(keys, ['mine', 'other']);
    } finally {
      await second.close();
    }
  });

  it('gives up after its deadline with an error that says the database was busy', async () => {
    const database = new SQLite(path);
    const waits: LockWaitStats = { waits: 0, waitedSeconds: 0, timeouts: 0 };
    const impatient = new Kysely({ dialect: new SharingSqliteDialect(database, { busyDeadlineMs: 200, lockWaits: waits }) }) as Db;
    const { released } = holdWriteLock(path, 600);
    try {
      await assert.rejects(impatient.insertInto('site_meta').values({ key: 'late', value: '1' }).execute(), DatabaseBusyError);
      await assert.rejects(
        impatient.transaction().execute(async (trx) => trx.insertInto('site_meta').values({ key: 'late', value: '1' }).execute()),
        DatabaseBusyError,
      );
      assert.equal(waits.waits, 2);
      assert.equal(waits.timeouts, 2);
    } finally {
      await released;
      await impatient.destroy();
    }
  });
});

describe('SQLite statements kept prepared', () => {
  it('answer from the table as it is now, after its rows and its columns changed', async () => {
    const dir = tempDir();
    const db = new Kysely<unknown>({ dialect: new SharingSqliteDialect(new SQLite(join(dir.path, 'kept.db'))) });
    try {
      const all = () => sql<Record<string, unknown>>`select * from kept order by a`.execute(db).then((result) => result.rows);
      await sql`create table kept (a integer)`.execute(db);
      await sql`insert into kept (a) values (1)`.execute(db);
      assert.deepEqual(await all(), [{ a: 1 }]);
      await sql`insert into kept (a) values (2)`.execute(db);
      assert.deepEqual(await all(), [{ a: 1 }, { a: 2 }]);
      // As a search index rebuild does: the table is replaced by another of the same name.
      await sql`create table kept_new (a integer, b text)`.execute(db);
      await sql`insert into kept_new (a, b) values (3, 'c')`.execute(db);
      await sql`drop table kept`.execute(db);
      await sql`alter table kept_new rename to kept`.execute(db);
      assert.deepEqual(await all(), [{ a: 3, b: 'c' }]);
    } finally {
      await db.destroy();
      dir.remove();
    }
  });
});
