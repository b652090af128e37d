// A PostgreSQL server may end any connection (a restart, a failover, an administrator): a
// connection idle in the pool then fails with no query of ours waiting on it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { testEnvironment } from '../config.ts';
import { openPostgres } from './connect.ts';

const url = testEnvironment.postgresUrl;
if (url) {
  describe('the PostgreSQL pool', () => {
    it('survives the server ending its idle connections, and the next query connects again', async () => {
      const name = `pool-test-${randomBytes(6).toString('hex')}`;
      const opened = openPostgres({ connectionString: url, max: 2, application_name: name });
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const pidOf = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(opened.db)).rows[0]!.pid;
        const before = await pidOf();
        const { rows } = await admin.query<{ ended: boolean }>('select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1', [
          name,
        ]);
        assert.deepEqual(rows, [{ ended: true }], 'the one idle connection was ended');
        // The idle client notices the end on its socket: give it the moment to do so. Unhandled,
        // its error would end this process, and the test file would fail.
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.notEqual(await pidOf(), before, 'a new connection answered');
      } finally {
        await admin.end();
        await opened.close();
      }
    });
  });
}
