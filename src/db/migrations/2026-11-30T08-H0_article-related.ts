// Issue #17: an article page on a cache miss spent ~10 ms of CPU finding its related articles
// (segmenting the body, ranking up to 2,000 candidates). Each article's list is now kept from the
// time it is indexed (src/search/CONTEXT.md). Named article_search_* as it is derived like the
// index: backups leave it out, a rebuild computes it again.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_search_related')
    .addColumn('article_id', 'integer', (col) => col.primaryKey())
    .addColumn('terms', 'text', (col) => col.notNull())
    .addColumn('related_ids', 'text')
    .execute();
}
