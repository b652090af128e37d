// The few SQL fragments that differ between SQLite and PostgreSQL, chosen once at connect.
// Everything else in the code base is engine-neutral Kysely (STYLE.md convention 5).
import type { ColumnDefinitionBuilder } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/** Engine-specific pieces of SQL, handed to migrations and stores that need them. */
export interface SqlDialect {
  engine: Engine;
  /** Makes `col` an auto-numbered primary key. */
  autoIncrementPrimaryKey(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

const sqlite: SqlDialect = {
  engine: 'sqlite',
  autoIncrementPrimaryKey: (col) => col.primaryKey().autoIncrement(),
};

const postgres: SqlDialect = {
  engine: 'postgres',
  autoIncrementPrimaryKey: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
};

/** The fragments for one engine. */
export function sqlDialectFor(engine: Engine): SqlDialect {
  return engine === 'sqlite' ? sqlite : postgres;
}
