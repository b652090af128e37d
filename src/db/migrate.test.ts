import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { testDialects } from '../../test/helpers/test-db.ts';
import { migrateToLatest } from './migrate.ts';

for (const dialect of testDialects()) {
  describe(`migrations on ${dialect.name}`, () => {
    // On the PostgreSQL server each test has its own schema of one database. Kysely's migrator
    // once looked for its bookkeeping tables in every schema: finding another test's, it skipped
    // creating its own and failed ("kysely_migration_lock" does not exist).
    it('migrate a database while another one on the same server is already migrated, and then do nothing', async () => {
      const first = await dialect.open();
      try {
        const second = await dialect.open();
        try {
          const applied = () => sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(second.db);
          const { rows } = await applied();
          assert.ok(Number(rows[0]!.n) > 0, 'the second database has its own migration records');
          await migrateToLatest(second.db, second.dialect);
          assert.deepEqual((await applied()).rows, rows);
        } finally {
          await second.close();
        }
      } finally {
        await first.close();
      }
    });
  });
}
