import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { ContentVersionMirror } from './content-version-mirror.ts';
import type { Database } from './database.ts';

// Builds queries as the stores do, without a database, for the nodes the plugin is handed.
const builder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** A mirror over a pretend database whose version the test sets, counting the reads. */
function mirrorOver(initial: number) {
  const database = { version: initial, reads: 0 };
  const mirror = new ContentVersionMirror(async () => {
    database.reads += 1;
    return database.version;
  });
  return { mirror, database };
}

describe('ContentVersionMirror', () => {
  it('reads the database until it listens, then answers from memory and follows notifications', async () => {
    const { mirror, database } = mirrorOver(7);
    assert.equal(await mirror.current(), 7);
    assert.equal(database.reads, 1, 'not listening yet: a read per request');
    await mirror.sync(async () => database.version);
    database.version = 8;
    assert.equal(await mirror.current(), 7, 'the committed 8 is not announced yet: the copy answers');
    assert.equal(database.reads, 1, 'no read while listening');
    mirror.notified(8);
    assert.equal(await mirror.current(), 8);
    assert.equal(database.reads, 1);
  });

  it('reads the database again once the listening connection is lost', async () => {
    const { mirror, database } = mirrorOver(3);
    await mirror.sync(async () => 3);
    mirror.lost();
    database.version = 4;
    assert.equal(await mirror.current(), 4, 'a change while not listening is still seen');
    assert.equal(database.reads, 1);
  });

  // The first read starts after LISTEN; a commit between the read's snapshot and its answer is
  // announced before the answer comes back, and the older answer must not overwrite it.
  it('keeps a notification that arrives while a read is under way', async () => {
    const { mirror } = mirrorOver(0);
    let answer!: (version: number) => void;
    const syncing = mirror.sync(() => new Promise<number>((resolve) => (answer = resolve)));
    mirror.notified(11);
    answer(10);
    await syncing;
    assert.equal(await mirror.current(), 11);
    await mirror.sync(async () => 12);
    assert.equal(await mirror.current(), 12, 'a read with no notification during it stands');
  });

  it("reads the database after a bump of this instance's own until its notification arrives", async () => {
    const { mirror, database } = mirrorOver(5);
    await mirror.sync(async () => 5);
    // What Kysely hands the plugin for bumpContentVersion(): an update of content_version returning the version.
    const queryId = { queryId: 'bump' };
    const node = builder.updateTable('content_version').set({ version: 6 }).where('id', '=', 1).returning('version').toOperationNode();
    mirror.ownBumps.transformQuery({ node, queryId });
    await mirror.ownBumps.transformResult({ result: { rows: [{ version: 6 }] }, queryId });
    database.version = 6;
    assert.equal(await mirror.current(), 6, 'the instance sees its own change at once');
    assert.equal(database.reads, 1);
    mirror.notified(6);
    assert.equal(await mirror.current(), 6);
    assert.equal(database.reads, 1, 'announced: back to memory');
  });

  it('ignores the results of other queries', async () => {
    const { mirror, database } = mirrorOver(5);
    await mirror.sync(async () => 5);
    const queryId = { queryId: 'other' };
    const node = builder.updateTable('article').set({ title: 'x' }).returning('id as version').toOperationNode();
    mirror.ownBumps.transformQuery({ node, queryId });
    await mirror.ownBumps.transformResult({ result: { rows: [{ version: 99 }] }, queryId });
    assert.equal(await mirror.current(), 5);
    assert.equal(database.reads, 0);
  });
});
