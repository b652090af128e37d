// The content version on PostgreSQL follows LISTEN/NOTIFY: a change through one instance shows in
// another's contentVersion() without it reading the version per request, also after its listening
// connection was killed. Bounds below are generous and only say when to give up, never how fast.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { testEnvironment } from '../config.ts';
import { openDb, openPostgres, type OpenDb } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { bumpContentVersion, currentContentVersion } from './site-state.store.ts';

const GIVE_UP_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; fails with `what` after GIVE_UP_MS. */
async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`gave up waiting: ${what}`);
    await sleep(20);
  }
}

/** Whether contentVersion() answers while `hold` keeps every read of the version waiting. */
async function answersWithoutReading(opened: OpenDb, hold: (during: () => Promise<void>) => Promise<void>): Promise<boolean> {
  let answered = false;
  await hold(async () => {
    answered = await Promise.race([opened.contentVersion().then(() => true), sleep(300).then(() => false)]);
  });
  return answered;
}

async function bump(opened: OpenDb): Promise<number> {
  await opened.db.transaction().execute((trx) => bumpContentVersion(trx));
  return currentContentVersion(opened.db);
}

const url = testEnvironment.postgresUrl;
if (url) {
  describe('content version on the PostgreSQL server, two instances', () => {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    const instance = (name: string) =>
      openPostgres({ connectionString: url, max: 4, options: `-c search_path=${schema}`, application_name: `${schema} ${name}` });
    let a: OpenDb;
    let b: OpenDb;

    before(async () => {
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      a = instance('a');
      b = instance('b');
      await migrateToLatest(a.db, a.dialect);
    });
    after(async () => {
      await a.close();
      await b.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    });

    // Keeps content_version locked, so that any read of it waits until `during` is over.
    const tableLocked = async (during: () => Promise<void>) => {
      await admin.query('begin');
      try {
        await admin.query('lock table content_version in access exclusive mode');
        await during();
      } finally {
        await admin.query('commit');
      }
    };
    const listening = (opened: OpenDb, name: string) => eventually(`${name} answers from memory`, () => answersWithoutReading(opened, tableLocked));
    const listenerPids = async (name: string) =>
      (
        await admin.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [`${schema} ${name} content version listener`])
      ).rows.map((row) => row.pid);

    it('announces each new version at commit, with its schema', async () => {
      const observer = new pg.Client({ connectionString: url });
      await observer.connect();
      try {
        const payloads: string[] = [];
        observer.on('notification', (message) => payloads.push(message.payload ?? ''));
        await observer.query('listen zhaoshang_content_version');
        const version = await bump(a);
        await eventually('the notification', async () => payloads.some((p) => JSON.parse(p).schema === schema));
        assert.deepEqual(
          payloads.map((p) => JSON.parse(p)).filter((p) => p.schema === schema),
          [{ schema, version }],
        );
      } finally {
        await observer.end();
      }
    });

    it('answers from memory once listening: a locked content_version does not hold it up', async () => {
      await a.contentVersion();
      await b.contentVersion();
      await listening(a, 'a');
      await listening(b, 'b');
    });

    it("shows a change through one instance in the other's contentVersion(), and at once in its own", async () => {
      await listening(b, 'b');
      for (const [writer, reader] of [
        [a, b],
        [b, a],
        [a, b],
      ] as const) {
        const version = await bump(writer);
        assert.equal(await writer.contentVersion(), version, 'the writer sees its own change at once');
        await eventually(`the other instance shows version ${version}`, async () => (await reader.contentVersion()) === version);
      }
      // A change that no instance made (SQL typed by an operator) is announced too.
      await admin.query('update content_version set version = version + 1 where id = 1');
      const version = await currentContentVersion(a.db);
      await eventually(`b shows version ${version}`, async () => (await b.contentVersion()) === version);
    });

    it('stays correct when its listening connection is killed, and listens again', async () => {
      await listening(b, 'b');
      const [killed, ...others] = await listenerPids('b');
      assert.ok(killed !== undefined && others.length === 0, 'b has one listening connection');
      await admin.query('select pg_terminate_backend($1)', [killed]);
      // Changed right away: b may not even have noticed the loss yet.
      const version = await bump(a);
      await eventually(`b shows version ${version} after the kill`, async () => (await b.contentVersion()) === version);
      await eventually('b listens on a new connection', async () => {
        const pids = await listenerPids('b');
        return pids.length === 1 && pids[0] !== killed;
      });
      await listening(b, 'b');
      const next = await bump(a);
      await eventually(`b shows version ${next} on its new connection`, async () => (await b.contentVersion()) === next);
    });
  });
}

describe('content version on PGlite', () => {
  let opened: OpenDb;
  before(async () => {
    opened = await openDb({ engine: 'pglite', path: undefined });
    await migrateToLatest(opened.db, opened.dialect);
  });
  after(() => opened.close());

  // PGlite is one session: while a transaction holds it, a read of the version would wait.
  const inTransaction = (during: () => Promise<void>) => opened.db.transaction().execute(during);

  it('answers from memory while a transaction holds the one connection', async () => {
    await opened.contentVersion();
    await eventually('answers from memory', () => answersWithoutReading(opened, inTransaction));
  });

  it('follows its own bumps at once, and a change made by plain SQL through the notification', async () => {
    const version = await bump(opened);
    assert.equal(await opened.contentVersion(), version);
    await sql`update content_version set version = version + 1 where id = 1`.execute(opened.db);
    await eventually(`version ${version + 1}`, async () => (await opened.contentVersion()) === version + 1);
    assert.ok(await answersWithoutReading(opened, inTransaction), 'still answering from memory');
  });
});
