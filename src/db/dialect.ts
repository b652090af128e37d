// The few SQL fragments that differ between SQLite and PostgreSQL, chosen once at connect.
// Everything else in the code base is engine-neutral Kysely (STYLE.md convention 5).
import { sql, type ColumnDefinitionBuilder } from 'kysely';
import type { Db } from './database.ts';
import { fts5Search, type WithShadowTablesWritable } from './search-fts5.ts';
import type { SearchSql } from './search-sql.ts';
import { tsvectorSearch } from './search-tsvector.ts';

export type Engine = 'sqlite' | 'postgres';

/** Engine-specific pieces of SQL, handed to migrations and stores that need them. */
export interface SqlDialect {
  engine: Engine;
  /** Makes `col` an auto-numbered primary key. */
  autoIncrementPrimaryKey(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Full-text search: FTS5 on SQLite, tsvector on PostgreSQL. */
  search: SearchSql;
  /**
   * The schema the connection works in (PostgreSQL's first schema on the search path), so the
   * migrator keeps its own tables there; undefined where the engine has no schemas.
   */
  currentSchema(db: Db): Promise<string | undefined>;
  /**
   * Runs `work` while holding the installation's preparation lock, so that instances starting at
   * the same moment take turns migrating and importing instead of doing it twice. `work` gets the
   * connection to use.
   */
  exclusively<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T>;
}

/** SQLite's fragments for one connection (`withShadowTablesWritable` as search-fts5.ts needs it). */
export function sqliteDialect(withShadowTablesWritable: WithShadowTablesWritable): SqlDialect {
  return {
    engine: 'sqlite',
    autoIncrementPrimaryKey: (col) => col.primaryKey().autoIncrement(),
    search: fts5Search(withShadowTablesWritable),
    currentSchema: async () => undefined,
    // No lock: SQLite is served by one instance, whose primary prepares the file before it forks
    // workers. Several instances need PostgreSQL (README, "More instances").
    exclusively: (db, work) => work(db),
  };
}

// The first key of the preparation lock (pg_advisory_lock's two-key form); the second is the
// schema's hash, so that installations in different schemas of one database do not wait for each other.
const PREPARATION_LOCK = 0x7a73;

export const postgresDialect: SqlDialect = {
  engine: 'postgres',
  autoIncrementPrimaryKey: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  search: tsvectorSearch,
  async currentSchema(db) {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    return rows[0]?.schema ?? undefined;
  },
  // A session advisory lock on one connection, and `work` runs on that connection: PGlite has only
  // one, which the lock would otherwise keep from `work`. A lost connection releases it.
  exclusively: (db, work) =>
    db.connection().execute(async (connection) => {
      const key = sql`${PREPARATION_LOCK}, hashtext(current_schema())`;
      await sql`select pg_advisory_lock(${key})`.execute(connection);
      try {
        return await work(connection);
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(connection);
      }
    }),
};
