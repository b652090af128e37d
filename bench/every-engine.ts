// Runs one measurement on each engine the benches compare: a fresh SQLite file, PGlite, and —
// given a server's URL — PostgreSQL in a schema of its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type OpenDb } from '../src/db/connect.ts';
import { tempDir } from '../test/helpers/test-db.ts';

export async function measureOnEveryEngine(
  prefix: string,
  databaseUrl: string | undefined,
  measure: (engine: string, opened: OpenDb) => Promise<void>,
): Promise<void> {
  const dir = tempDir(prefix);
  try {
    await measure('SQLite', await openDb({ engine: 'sqlite', path: join(dir.path, 'bench.db') }));
    await measure('PGlite', await openDb({ engine: 'pglite', path: join(dir.path, 'pglite') }));
    if (!databaseUrl) return;
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    try {
      const withSchema = new URL(databaseUrl);
      withSchema.search = `options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      await measure('PostgreSQL', await openDb({ engine: 'postgres', url: withSchema.toString() }));
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  } finally {
    dir.remove();
  }
}
