// Articles published from contributions were keyed by title and date like imports, so an import of
// the same title on the same day replaced the contributor's text. They now carry a key of their own
// (`submission:<id>`), which no import can match; the first contribution names an article that
// several contributions were merged into.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update article
    set source_key = 'submission:' || cast((select min(submission.id) from submission where submission.article_id = article.id) as text)
    where id in (select article_id from submission where article_id is not null)`.execute(db);
}
