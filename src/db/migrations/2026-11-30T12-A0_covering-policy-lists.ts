// Policy lists filter on channel, validity, topic and level and page newest 发布日期 first. In
// SQLite a policy's row carries its whole text (about 3 KB in bench:search-http's library), so a
// search that counted its matches read every matching row to test the filters: about 2 ms for the
// box of policies on each search page. Carried in the list index, the filters read the index alone.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('policy_published').execute();
  await db.schema
    .createIndex('policy_listing')
    .on('policy')
    .columns(['published_on', 'id', 'channel', 'status', 'effective_on', 'valid_until', 'topic', 'level'])
    .execute();
}
