// How a table is copied by `zhaoshang backup` and `restore`. Each feature declares its own tables
// beside their row types; src/backup/backup-tables.ts lists them all (STYLE.md convention 13).

/** How a column's values are written in a backup; both engines store each kind alike. */
export type ColumnKind = 'integer' | 'real' | 'text';

/** One table as backups copy it. */
export interface BackupTable {
  name: string;
  /** Every column, in the order rows are written. */
  columns: Readonly<Record<string, ColumnKind>>;
  /** Columns that identify a row: rows are read and compared in this order. */
  key: readonly string[];
  /** The auto-numbered column, whose next number a restore carries over. */
  autoIncrement?: string;
  /** Rows the migrations create themselves: a restore replaces them instead of finding the table not empty. */
  createdByMigrations?: boolean;
  /** Rows left out: derived data another feature keeps in this table (see src/backup/backup-tables.ts). */
  leaveOut?: { column: string; values: readonly string[] };
}

/**
 * Declares a table for backups. `columns` must name every column of `Row`, so a column added to the
 * row type without a kind here fails to compile.
 */
export function backupTable<Row>(
  name: string,
  columns: { readonly [Column in keyof Row & string]-?: ColumnKind },
  shape: { key: ReadonlyArray<keyof Row & string>; autoIncrement?: keyof Row & string; createdByMigrations?: boolean },
): BackupTable {
  return { name, columns, ...shape };
}
