// The full-text index of articles. Existing articles are indexed at the next start, because the
// stored dictionary hash is missing (see search/search-index.ts).
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await dialect.search.createIndex(db);
}
