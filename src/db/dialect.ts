// The few SQL fragments that differ between SQLite and PostgreSQL, chosen once at connect.
// Everything else in the code base is engine-neutral Kysely (STYLE.md convention 5).
import type { ColumnDefinitionBuilder } from 'kysely';
import { fts5Search } from './search-fts5.ts';
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
}

const sqlite: SqlDialect = {
  engine: 'sqlite',
  autoIncrementPrimaryKey: (col) => col.primaryKey().autoIncrement(),
  search: fts5Search,
};

const postgres: SqlDialect = {
  engine: 'postgres',
  autoIncrementPrimaryKey: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  search: tsvectorSearch,
};

/** The fragments for one engine. */
export function sqlDialectFor(engine: Engine): SqlDialect {
  return engine === 'sqlite' ? sqlite : postgres;
}
