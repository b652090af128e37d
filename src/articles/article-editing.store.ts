// Queries of the console's editor: articles of any status and their revisions.
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ArticleRevisionTable, ArticleTable } from './article.table.ts';

const editingColumns = ['id', 'title', 'channel', 'body', 'body_format', 'published_on', 'status', 'publish_at', 'updated_at'] as const;

/** The newest articles, any status, of the channels in `scope` (all when undefined). */
export async function recentlyUpdatedArticles(db: Db, scope: readonly string[] | undefined, limit: number) {
  let query = db.selectFrom('article').select(editingColumns);
  if (scope) query = query.where('channel', 'in', scope);
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** An article of any status as the editor shows it, or undefined. */
export async function articleRowForEditing(db: Db, id: number) {
  return db.selectFrom('article').select(editingColumns).where('id', '=', id).executeTakeFirst();
}

/** Inserts an article written in the console and returns its id. */
export async function insertEditedArticle(db: Db, row: Insertable<ArticleTable>): Promise<number> {
  const { id } = await db.insertInto('article').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Changes an article row. */
export async function updateEditedArticle(db: Db, id: number, changes: Updateable<ArticleTable>): Promise<void> {
  await db.updateTable('article').set(changes).where('id', '=', id).execute();
}

/**
 * Publishes every scheduled article due by `now` in one conditional update and returns the rows it
 * claimed: a concurrent claim by another instance finds them no longer scheduled.
 */
export async function claimDueArticles(db: Db, now: string) {
  return db
    .updateTable('article')
    .set({ status: 'published', publish_at: null })
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now)
    .returning(editingColumns)
    .execute();
}

/** The saved versions of an article, newest first. */
export async function revisionsOf(db: Db, articleId: number) {
  return db
    .selectFrom('article_revision')
    .select(['id', 'title', 'status', 'edited_by', 'edited_at'])
    .where('article_id', '=', articleId)
    .orderBy('id', 'desc')
    .execute();
}

/** Keeps one saved version and returns its id. */
export async function insertRevision(db: Db, row: Insertable<ArticleRevisionTable>): Promise<number> {
  const { id } = await db.insertInto('article_revision').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

const revisionTextColumns = ['id', 'title', 'body', 'status', 'edited_by', 'edited_at', 'restored_from'] as const;

/** The saved versions of an article with their text, newest first; `limit` of them when given. */
export async function revisionTexts(db: Db, articleId: number, limit?: number) {
  const query = db.selectFrom('article_revision').select(revisionTextColumns).where('article_id', '=', articleId).orderBy('id', 'desc');
  return (limit === undefined ? query : query.limit(limit)).execute();
}

/** One saved version's title and body, when it is of the article; undefined otherwise. */
export async function revisionOf(db: Db, articleId: number, revisionId: number) {
  return db.selectFrom('article_revision').select(['title', 'body']).where('id', '=', revisionId).where('article_id', '=', articleId).executeTakeFirst();
}
