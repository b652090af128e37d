// The list of articles written while a search index rebuild runs. Each engine fills it with its
// own triggers on the article table; the rebuild takes the ids and indexes those articles again.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export const REBUILD_LOG = 'article_search_rebuild_log';

export async function createRebuildLog(db: Db): Promise<void> {
  await sql`create table ${sql.table(REBUILD_LOG)} (article_id integer not null)`.execute(db);
}

export async function dropRebuildLog(db: Db): Promise<void> {
  await sql`drop table if exists ${sql.table(REBUILD_LOG)}`.execute(db);
}

/** The ids noted since the last call, once each; they are removed from the log. */
export async function takeLoggedIds(db: Db): Promise<number[]> {
  const { rows } = await sql<{ article_id: number }>`delete from ${sql.table(REBUILD_LOG)} returning article_id`.execute(db);
  return [...new Set(rows.map((row) => Number(row.article_id)))];
}
