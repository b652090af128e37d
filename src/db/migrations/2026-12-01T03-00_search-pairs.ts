// Room for each article's pairs of adjacent Chinese characters in the search index (see indexPairs
// in search-sql.ts); the index rebuild that INDEXED_TEXT_VERSION 3 starts fills them.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await dialect.search.indexPairs(db);
}
