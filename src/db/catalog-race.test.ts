// Kysely's migrator introspects every schema of the database; another schema dropped meanwhile
// fails that query (seen in CI: "schema "bench_642c0185c73f" does not exist" while a benchmark
// dropped its schema on the same server). The migrator asks again then, and only then.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { testDialects } from '../../test/helpers/test-db.ts';
import { isCatalogRace, retryingCatalogRaces } from './migrate.ts';

const raceError = () => Object.assign(new Error('schema "gone" does not exist'), { code: '3F000' });

describe('catalog races with schemas dropped meanwhile', () => {
  it('asks again while the only failure is another schema gone, and gives up after five tries', async () => {
    let calls = 0;
    assert.equal(await retryingCatalogRaces(async () => ((calls += 1) < 3 ? Promise.reject(raceError()) : 'done')), 'done');
    assert.equal(calls, 3);
    calls = 0;
    await assert.rejects(
      retryingCatalogRaces(async () => ((calls += 1), Promise.reject(raceError()))),
      /does not exist/,
    );
    assert.equal(calls, 5);
  });

  it('never retries any other failure', async () => {
    let calls = 0;
    await assert.rejects(
      retryingCatalogRaces(async () => ((calls += 1), Promise.reject(Object.assign(new Error('syntax'), { code: '42601' })))),
      /syntax/,
    );
    assert.equal(calls, 1);
  });

  it('retries a migration outcome only when it stopped before any migration failed', async () => {
    let calls = 0;
    const outcome = await retryingCatalogRaces(
      async () => ((calls += 1), calls < 2 ? { error: raceError() } : { error: undefined }),
      (o) => isCatalogRace(o.error),
    );
    assert.equal(outcome.error, undefined);
    assert.equal(calls, 2);
  });

  for (const dialect of testDialects().filter((d) => d.name !== 'sqlite')) {
    it(`recognises the error ${dialect.name} gives for a dropped schema`, async () => {
      const opened = await dialect.open();
      try {
        const failure = await sql`select pg_get_serial_sequence('zhaoshang_no_such_schema.t', 'id')`.execute(opened.db).then(
          () => undefined,
          (error: unknown) => error,
        );
        assert.ok(failure !== undefined, 'the query fails');
        assert.ok(isCatalogRace(failure), `recognised: ${String(failure)}`);
      } finally {
        await opened.close();
      }
    });
  }
});
