// Queries on article_search_related (related.table.ts): each article's related-article list.
import type { Db } from '../db/database.ts';

/** An article's stored list: its words and, once computed, the related ids best first. */
export interface StoredRelated {
  articleId: number;
  terms: string[];
  relatedIds: number[] | undefined;
}

const toStored = (row: { article_id: number; terms: string; related_ids: string | null }): StoredRelated => ({
  articleId: Number(row.article_id),
  terms: row.terms === '' ? [] : row.terms.split(' '),
  relatedIds: row.related_ids === null ? undefined : row.related_ids === '' ? [] : row.related_ids.split(',').map(Number),
});

/** The stored list of one article, read by primary key; undefined when there is none. */
export async function storedRelated(db: Db, articleId: number): Promise<StoredRelated | undefined> {
  const row = await db.selectFrom('article_search_related').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  return row && toStored(row);
}

/** The stored lists of these articles (any order). */
export async function storedRelatedOf(db: Db, articleIds: readonly number[]): Promise<StoredRelated[]> {
  if (articleIds.length === 0) return [];
  const rows = await db.selectFrom('article_search_related').selectAll().where('article_id', 'in', articleIds).execute();
  return rows.map(toStored);
}

/**
 * Writes computed lists, each only if its words are still those it was computed from and it is
 * still pending (or, with pending false, still computed).
 */
export async function setRelatedIdsOf(
  db: Db,
  lists: readonly { articleId: number; terms: readonly string[]; relatedIds: readonly number[] }[],
  { pending }: { pending: boolean },
): Promise<void> {
  for (const { articleId, terms, relatedIds } of lists) {
    await db
      .updateTable('article_search_related')
      .set({ related_ids: relatedIds.join(',') })
      .where('article_id', '=', articleId)
      .where('terms', '=', terms.join(' '))
      .where('related_ids', pending ? 'is' : 'is not', null)
      .execute();
  }
}

/** Up to `limit` lists not computed yet, with article ids above `afterId`, ascending. */
export async function pendingRelatedAfter(db: Db, afterId: number, limit: number): Promise<StoredRelated[]> {
  const rows = await db
    .selectFrom('article_search_related')
    .selectAll()
    .where('article_id', '>', afterId)
    .where('related_ids', 'is', null)
    .orderBy('article_id')
    .limit(limit)
    .execute();
  return rows.map(toStored);
}

/** Stores an article's words with its related ids (undefined: to be computed later). */
export async function putRelated(db: Db, articleId: number, terms: readonly string[], relatedIds: readonly number[] | undefined): Promise<void> {
  const values = { terms: terms.join(' '), related_ids: relatedIds === undefined ? null : relatedIds.join(',') };
  await db
    .insertInto('article_search_related')
    .values({ article_id: articleId, ...values })
    .onConflict((oc) => oc.column('article_id').doUpdateSet(values))
    .execute();
}

/** Replaces the related ids of an article that has a stored list. */
export async function setRelatedIds(db: Db, articleId: number, relatedIds: readonly number[]): Promise<void> {
  await db
    .updateTable('article_search_related')
    .set({ related_ids: relatedIds.join(',') })
    .where('article_id', '=', articleId)
    .execute();
}

/** Forgets an article's list (its id may still stand in others' lists: readers skip unpublished ids). */
export async function removeRelated(db: Db, articleId: number): Promise<void> {
  await db.deleteFrom('article_search_related').where('article_id', '=', articleId).execute();
}

/** Forgets every list, as a rebuild of the index begins. */
export async function clearRelated(db: Db): Promise<void> {
  await db.deleteFrom('article_search_related').execute();
}

/** How many lists are not computed yet. */
export async function pendingRelatedCount(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('article_search_related')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('related_ids', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}
