// Searches on PostgreSQL go through the GIN index even for the most common words (see
// keepSearchesOnIndex in search-tsvector.ts).
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await dialect.search.keepSearchesOnIndex(db);
}
