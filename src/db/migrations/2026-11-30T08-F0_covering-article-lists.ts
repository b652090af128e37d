// The article lists (home, channel pages, an article's newer and older neighbours) read title,
// channel and excerpt besides the keys. In SQLite those columns follow the body in the row, so each
// listed article read its body's overflow pages to reach its excerpt (about 1 ms of a 20-article
// page, bench:pages --miss). Carried in the list indexes, a list page reads the index alone.
import type { Kysely } from 'kysely';

// After the keys: status (every list filters on it), then what a list shows.
const LISTED = ['status', 'title', 'excerpt'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('article_newest').execute();
  await db.schema
    .createIndex('article_newest')
    .on('article')
    .columns(['published_on desc', 'id desc', ...LISTED, 'channel'])
    .execute();
  await db.schema.dropIndex('article_channel_newest').execute();
  await db.schema
    .createIndex('article_channel_newest')
    .on('article')
    .columns(['channel', 'published_on desc', 'id desc', ...LISTED])
    .execute();
}
