// Queries on the article table. Plain functions taking the database (or a transaction) first.
import { sql, type Expression, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../db/database.ts';
import { rowToArticle, rowToSummary, type Article, type ArticleSummary } from './article.ts';
import type { ArticleTable } from './article.table.ts';

const summaryColumns = ['id', 'title', 'channel', 'excerpt', 'published_on'] as const;
// Named rather than `*`, so SQLite reads the body as bytes (db/sqlite-long-text.ts).
const articleColumns = ['id', 'original_title', 'title', 'channel', 'body', 'excerpt', 'published_on', 'updated_at', 'body_format'] as const;

/** Newest first: by publication date, then by id (later imports of the same day are newer). */
export async function latestArticles(
  db: Db,
  options: { channel?: string | undefined; excludeId?: number; limit: number; offset: number },
): Promise<ArticleSummary[]> {
  let query = db.selectFrom('article').select(summaryColumns).where('status', '=', 'published');
  if (options.channel !== undefined) query = query.where('channel', '=', options.channel);
  if (options.excludeId !== undefined) query = query.where('id', '!=', options.excludeId);
  const rows = await query.orderBy('published_on', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute();
  return rows.map(rowToSummary);
}

/** Where a keyset page starts: after this article in the newest-first order. */
export interface ArticlePosition {
  publishedOn: string;
  id: number;
}

/** Which published articles a newest-first keyset page reads. */
export interface NewestFirstFilter {
  channel?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  after?: ArticlePosition | undefined;
  limit: number;
}

/**
 * Published articles newest first, optionally of one channel and between two dates, after `after`:
 * keyset paging on (published_on desc, id desc), so an article added meanwhile neither repeats nor
 * skips one, and a deep page costs what the first does. The caller picks the columns.
 */
function newestFirst(db: Db, filter: NewestFirstFilter) {
  let query = db.selectFrom('article').where('status', '=', 'published');
  if (filter.channel !== undefined) query = query.where('channel', '=', filter.channel);
  if (filter.from !== undefined) query = query.where('published_on', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('published_on', '<=', filter.to);
  const after = filter.after;
  // A row value: both engines seek to the position in the list index with it (see neighbourArticles).
  if (after) query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('published_on', 'id'), '<', tuple(after.publishedOn, after.id)));
  return query.orderBy('published_on', 'desc').orderBy('id', 'desc').limit(filter.limit);
}

/** A keyset page of list summaries (the open API's article list). */
export async function articlesAfterPosition(db: Db, filter: NewestFirstFilter): Promise<ArticleSummary[]> {
  const rows = await newestFirst(db, filter).select(summaryColumns).execute();
  return rows.map(rowToSummary);
}

/** A keyset page of whole articles, bodies included (feeds, exports). */
export async function newestArticles(db: Db, filter: NewestFirstFilter): Promise<Article[]> {
  const rows = await newestFirst(db, filter).select(articleColumns).execute();
  return rows.map(rowToArticle);
}

/** Every published article's channel and place in the newest-first order, newest first: one pass over the list index. */
export async function listedPositions(db: Db): Promise<Array<ArticlePosition & { channel: string }>> {
  const rows = await db
    .selectFrom('article')
    .select(['channel', 'published_on', 'id'])
    .where('status', '=', 'published')
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({ channel: row.channel, publishedOn: row.published_on, id: Number(row.id) }));
}

/** An article's address and last change, as a sitemap lists it. */
export interface ArticleStamp {
  id: number;
  updatedAt: string;
}

/** Up to `limit` published articles with ids above `afterId` (and up to `upToId` if given), ascending: a keyset walk for sitemaps. */
export async function articleStampsAfter(db: Db, afterId: number, upToId: number | undefined, limit: number): Promise<ArticleStamp[]> {
  let query = db.selectFrom('article').select(['id', 'updated_at']).where('status', '=', 'published').where('id', '>', afterId);
  if (upToId !== undefined) query = query.where('id', '<=', upToId);
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map((row) => ({ id: Number(row.id), updatedAt: row.updated_at }));
}

/**
 * Published articles grouped by id range — block n holds ids from n·size+1 to (n+1)·size — with
 * each block's count and latest change; blocks without articles are absent. One pass over the
 * id index, so a sitemap index needs no article in memory.
 */
export async function articleIdBlocks(db: Db, size: number): Promise<Array<{ block: number; count: number; lastUpdated: string }>> {
  const block = sql<number>`(${sql.ref('id')} - 1) / ${sql.lit(size)}`;
  const rows = await db
    .selectFrom('article')
    .select((eb) => [block.as('block'), eb.fn.countAll<number>().as('count'), eb.fn.max('updated_at').as('last_updated')])
    .where('status', '=', 'published')
    .groupBy(block)
    .orderBy(block)
    .execute();
  return rows.map((row) => ({ block: Number(row.block), count: Number(row.count), lastUpdated: String(row.last_updated) }));
}

/** The latest change among published articles, per channel slug. */
export async function lastUpdatedByChannel(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('article')
    .select((eb) => ['channel', eb.fn.max('updated_at').as('last')])
    .where('status', '=', 'published')
    .groupBy('channel')
    .execute();
  return new Map(rows.map((row) => [row.channel, String(row.last)]));
}

/** How many articles there are, in one channel or in all. */
export async function countArticles(db: Db, channel?: string): Promise<number> {
  let query = db
    .selectFrom('article')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', 'published');
  if (channel !== undefined) query = query.where('channel', '=', channel);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Article counts per channel slug. */
export async function articleCountsByChannel(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('article')
    .select((eb) => ['channel', eb.fn.countAll<number>().as('count')])
    .where('status', '=', 'published')
    .groupBy('channel')
    .execute();
  return new Map(rows.map((row) => [row.channel, Number(row.count)]));
}

/** One published article by id, or undefined. */
export async function articleById(db: Db, id: number): Promise<Article | undefined> {
  const row = await db.selectFrom('article').select(articleColumns).where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  return row && rowToArticle(row);
}

/** The stored fields an import compares against, and whether an editor has revised it, by source key. */
export async function articleBySourceKey(db: Db, sourceKey: string) {
  const row = await db
    .selectFrom('article')
    .select(['id', 'body', 'body_format', 'channel', 'status'])
    .select((eb) =>
      eb.exists(eb.selectFrom('article_revision').select('article_revision.id').whereRef('article_revision.article_id', '=', 'article.id')).as('revised'),
    )
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
  // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
  return row && { ...row, revised: Boolean(row.revised) };
}

/** The next newer and next older article in the site-wide order. */
export async function neighbourArticles(
  db: Db,
  article: Pick<Article, 'id' | 'publishedOn'>,
): Promise<{ newer: ArticleSummary | undefined; older: ArticleSummary | undefined }> {
  const { id, publishedOn } = article;
  // Row values: both engines seek to the article in the list index with them. SQLite took 31–45 µs
  // a lookup with the same bounds spelled as `published_on >= ? and (published_on > ? or
  // (published_on = ? and id > ?))`, 6 µs with the row value (the 10,000-article bench corpus).
  const [newer, older] = await Promise.all([
    db
      .selectFrom('article')
      .select(summaryColumns)
      .where('status', '=', 'published')
      .where(({ eb, refTuple, tuple }) => eb(refTuple('published_on', 'id'), '>', tuple(publishedOn, id)))
      .orderBy('published_on', 'asc')
      .orderBy('id', 'asc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('article')
      .select(summaryColumns)
      .where('status', '=', 'published')
      .where(({ eb, refTuple, tuple }) => eb(refTuple('published_on', 'id'), '<', tuple(publishedOn, id)))
      .orderBy('published_on', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { newer: newer && rowToSummary(newer), older: older && rowToSummary(older) };
}

/** Inserts an article row and returns its id. */
export async function insertArticle(db: Db, row: Insertable<ArticleTable>): Promise<number> {
  const { id } = await db.insertInto('article').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates an article row. */
export async function updateArticle(db: Db, id: number, changes: Updateable<ArticleTable>): Promise<void> {
  await db.updateTable('article').set(changes).where('id', '=', id).execute();
}

/** Deletes an article row; false when there was none. */
export async function deleteArticle(db: Db, id: number): Promise<{ channel: string } | undefined> {
  return db.deleteFrom('article').where('id', '=', id).returning('channel').executeTakeFirst();
}

/** Published articles with the given ids, in no particular order. */
export async function articlesByIds(db: Db, ids: readonly number[]): Promise<Article[]> {
  const rows = await db.selectFrom('article').select(articleColumns).where('id', 'in', ids).where('status', '=', 'published').execute();
  return rows.map(rowToArticle);
}

/** List summaries of the published articles with the given ids, in no particular order: no body read. */
export async function articleSummariesByIds(db: Db, ids: readonly number[]): Promise<ArticleSummary[]> {
  const rows = await db.selectFrom('article').select(summaryColumns).where('id', 'in', ids).where('status', '=', 'published').execute();
  return rows.map(rowToSummary);
}

/** Up to `limit` published articles with ids above `afterId`, ascending. */
export async function articlesAfter(db: Db, afterId: number, limit: number): Promise<Article[]> {
  const rows = await db
    .selectFrom('article')
    .select(articleColumns)
    .where('id', '>', afterId)
    .where('status', '=', 'published')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(rowToArticle);
}

/** The ids of published articles, as a subquery another feature filters its rows by (`article_id in …`). */
export function publishedArticleIds(db: Db) {
  return db.selectFrom('article').select('article.id').where('article.status', '=', 'published');
}

/** One column of the article `articleId` names, as a scalar subquery for another feature's list or order. */
export function articleColumnOf<C extends 'title' | 'published_on'>(db: Db, column: C, articleId: Expression<number>) {
  return db
    .selectFrom('article')
    .select(`article.${column}` as `article.${C}`)
    .where('article.id', '=', articleId);
}

/** The title and stored text of any article (any status), or undefined. */
export async function articleTextById(db: Db, id: number) {
  return db.selectFrom('article').select(['title', 'body', 'body_format']).where('id', '=', id).executeTakeFirst();
}

/** The newest publication date (YYYY-MM-DD) of each of `channels` that has a published article. */
export async function lastPublishedOnByChannel(db: Db, channels: readonly string[]): Promise<Map<string, string>> {
  if (channels.length === 0) return new Map();
  const rows = await db
    .selectFrom('article')
    .select((eb) => ['channel', eb.fn.max('published_on').as('last')])
    .where('status', '=', 'published')
    .where('channel', 'in', channels)
    .groupBy('channel')
    .execute();
  return new Map(rows.map((row) => [row.channel, String(row.last)]));
}

/** A draft or scheduled article, as a to-do list shows it. */
export interface UnpublishedArticle {
  id: number;
  title: string;
  channel: string;
  status: 'draft' | 'scheduled';
  publishAt: string | null;
  updatedAt: string;
}

/** How many drafts and scheduled articles `channels` hold (every channel when undefined), and the `limit` least recently saved. */
export async function unpublishedArticles(
  db: Db,
  channels: readonly string[] | undefined,
  limit: number,
): Promise<{ count: number; oldest: UnpublishedArticle[] }> {
  let query = db.selectFrom('article').where('status', 'in', ['draft', 'scheduled']);
  if (channels) query = query.where('channel', 'in', channels);
  const [{ count }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    query.select(['id', 'title', 'channel', 'status', 'publish_at', 'updated_at']).orderBy('updated_at').orderBy('id').limit(limit).execute(),
  ]);
  return {
    count: Number(count),
    oldest: rows.map((row) => ({
      id: Number(row.id),
      title: row.title,
      channel: row.channel,
      status: row.status as UnpublishedArticle['status'],
      publishAt: row.publish_at,
      updatedAt: row.updated_at,
    })),
  };
}
