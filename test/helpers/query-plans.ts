// SQLite's query plans for what a store function runs: a test database whose statements are logged,
// and each one's `explain query plan` read back as text.
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { testDialects } from './test-db.ts';

/** What `run` asked SQLite, one plan per statement: its steps joined by '; '. */
export type PlansOf = (run: () => Promise<unknown>) => Promise<string[]>;

/** Runs `test` with a migrated SQLite test database and a way to read the plans of what it runs. */
export async function withQueryPlans(test: (db: Db, plansOf: PlansOf) => Promise<void>): Promise<void> {
  const sqlite = testDialects().find((dialect) => dialect.name === 'sqlite')!;
  const opened = await sqlite.open();
  const database = new SQLite(opened.sqlitePath!);
  const queries: CompiledQuery[] = [];
  const db = new Kysely({ dialect: new SqliteDialect({ database }), log: (event) => void queries.push(event.query) }) as Db;
  const plansOf: PlansOf = async (run) => {
    queries.length = 0;
    await run();
    return queries.map((query) =>
      (database.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[]).map((row) => row.detail).join('; '),
    );
  };
  try {
    await test(db, plansOf);
  } finally {
    await db.destroy();
    await opened.close();
  }
}
