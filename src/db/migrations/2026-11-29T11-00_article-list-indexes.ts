// Indexes that fit how articles are listed. Every public query asks for status = 'published'; with
// status leading the (status, publish_at) index of scheduled articles, SQLite (which has no table
// statistics unless ANALYZE runs) took that index for it: at 100,000 articles the home page list
// read and sorted every article (2.9 s), and fetching ten search hits by id scanned it (10 ms).
// No index leads with status now; the list indexes carry it last so counts and filters never read
// the article rows, and the scheduler's index holds scheduled articles only.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('article_scheduled').execute();
  await db.schema.createIndex('article_scheduled').on('article').column('publish_at').where(sql.ref('status'), '=', 'scheduled').execute();
  await db.schema.dropIndex('article_newest').execute();
  await db.schema.createIndex('article_newest').on('article').columns(['published_on desc', 'id desc', 'status']).execute();
  await db.schema.dropIndex('article_channel_newest').execute();
  await db.schema.createIndex('article_channel_newest').on('article').columns(['channel', 'published_on desc', 'id desc', 'status']).execute();
  // The console lists the most recently edited articles first.
  await db.schema.createIndex('article_recently_updated').on('article').columns(['updated_at desc', 'id desc']).execute();
}
