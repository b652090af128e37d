// The few SQL fragments that differ between SQLite and PostgreSQL, chosen once at connect.
// Everything else in the code base is engine-neutral Kysely (STYLE.md convention 5).
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { announceContentVersionChanges } from './content-version-listener.ts';
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
   * Makes every change of the content version announce itself to other instances at commit
   * (LISTEN/NOTIFY on PostgreSQL); nothing on SQLite, where each request reads the version.
   */
  announceContentVersionChanges(db: Kysely<unknown>): Promise<void>;
}

/** SQLite's fragments for one connection (`withShadowTablesWritable` as search-fts5.ts needs it). */
export function sqliteDialect(withShadowTablesWritable: WithShadowTablesWritable): SqlDialect {
  return {
    engine: 'sqlite',
    autoIncrementPrimaryKey: (col) => col.primaryKey().autoIncrement(),
    search: fts5Search(withShadowTablesWritable),
    currentSchema: async () => undefined,
    announceContentVersionChanges: async () => undefined,
  };
}

export const postgresDialect: SqlDialect = {
  engine: 'postgres',
  autoIncrementPrimaryKey: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  search: tsvectorSearch,
  async currentSchema(db) {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    return rows[0]?.schema ?? undefined;
  },
  announceContentVersionChanges,
};
