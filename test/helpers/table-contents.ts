// Every row of every table a backup copies, in key order, for comparing two databases row by row.
import type { Kysely } from 'kysely';
import { BACKUP_TABLES } from '../../src/backup/backup-tables.ts';
import type { Db } from '../../src/db/database.ts';

/** Table name → its rows (objects of every declared column), sorted by key in code-point order. */
export async function tableContents(db: Db): Promise<Record<string, Array<Record<string, unknown>>>> {
  const contents: Record<string, Array<Record<string, unknown>>> = {};
  for (const table of BACKUP_TABLES) {
    let query = (db as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom(table.name).select(Object.keys(table.columns));
    if (table.leaveOut) query = query.where(table.leaveOut.column, 'not in', table.leaveOut.values);
    const rows = await query.execute();
    // Sorted here, not by the database: the engines collate text differently.
    contents[table.name] = rows.sort((a, b) =>
      compareKeys(
        table.key.map((c) => a[c]),
        table.key.map((c) => b[c]),
      ),
    );
  }
  return contents;
}

function compareKeys(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = [a[i], b[i]];
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
