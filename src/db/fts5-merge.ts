// Merging an FTS5 table's segments. Every write adds a segment and FTS5 merges them only now and
// then, while a query reads every segment: after importing 10,000 articles, merging the article and
// policy indexes into one piece each took searches from 5.6–6.2 to 5.0–5.6 ms of CPU
// (bench:search-phases; ranking 2.0–2.2 → 1.6–1.8 ms, the policies box 0.9–1.1 → 0.7–0.8 ms).
import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Merges up to `pages` pages of an FTS5 table's segments, of every level, as 'optimize' does but
 * in steps; false once it is one segment (nothing was left to merge).
 */
export async function mergeStep(db: Db, table: string, pages: number): Promise<boolean> {
  const changes = async () => Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]!.n);
  const before = await changes();
  // A negative page count merges segments of every level.
  await sql`insert into ${sql.table(table)} (${sql.table(table)}, rank) values ('merge', ${-pages})`.execute(db);
  // FTS5's documented test: fewer than two changes means there was nothing left to merge.
  return (await changes()) - before >= 2;
}
