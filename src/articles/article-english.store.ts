// Queries on article_english: the English versions editors write of articles.
import type { Db } from '../db/database.ts';
import { rowToEnglishVersion, type EnglishVersion } from '../i18n/english-version.ts';
import type { ArticleEnglishTable } from './article.table.ts';

/** A published article with its English version, as English lists and feeds show it. */
export interface EnglishArticleSummary {
  id: number;
  channel: string;
  publishedOn: string;
  updatedAt: string;
  english: EnglishVersion;
}

const listColumns = [
  'article.id',
  'article.channel',
  'article.published_on',
  'article_english.title',
  'article_english.summary',
  'article_english.body',
  'article_english.machine_translated',
  'article_english.updated_at',
] as const;

type ListRow = {
  id: number;
  channel: string;
  published_on: string;
  title: string;
  summary: string;
  body: string;
  machine_translated: number;
  updated_at: string;
};
const toSummary = (row: ListRow): EnglishArticleSummary => ({
  id: Number(row.id),
  channel: row.channel,
  publishedOn: row.published_on,
  updatedAt: row.updated_at,
  english: rowToEnglishVersion(row),
});

function publishedWithEnglish(db: Db, channel: string | undefined) {
  let query = db.selectFrom('article').innerJoin('article_english', 'article_english.article_id', 'article.id').where('article.status', '=', 'published');
  if (channel !== undefined) query = query.where('article.channel', '=', channel);
  return query;
}

/** The English version of an article of any status, or undefined. */
export async function englishVersionOf(db: Db, articleId: number): Promise<EnglishVersion | undefined> {
  const row = await db.selectFrom('article_english').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  return row && rowToEnglishVersion(row);
}

/** Published articles with an English version, newest first, optionally of one channel. */
export async function englishArticles(db: Db, options: { channel?: string | undefined; limit: number; offset: number }): Promise<EnglishArticleSummary[]> {
  const rows = await publishedWithEnglish(db, options.channel)
    .select(listColumns)
    .orderBy('article.published_on', 'desc')
    .orderBy('article.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map(toSummary);
}

/** How many published articles have an English version. */
export async function countEnglishArticles(db: Db, channel?: string): Promise<number> {
  const row = await publishedWithEnglish(db, channel)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Published articles with an English version, counted per channel slug. */
export async function englishCountsByChannel(db: Db): Promise<Map<string, number>> {
  const rows = await publishedWithEnglish(db, undefined)
    .select(['article.channel', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('article.channel')
    .execute();
  return new Map(rows.map((row) => [row.channel, Number(row.count)]));
}

/** Which of `ids` have an English version. */
export async function idsWithEnglish(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('article_english').select('article_id').where('article_id', 'in', ids).execute();
  return new Set(rows.map((row) => Number(row.article_id)));
}

/** Creates or replaces an article's English version. */
export async function putEnglishVersion(db: Db, row: ArticleEnglishTable): Promise<void> {
  const { article_id, ...rest } = row;
  await db
    .insertInto('article_english')
    .values(row)
    .onConflict((oc) => oc.column('article_id').doUpdateSet(rest))
    .execute();
}

/** Removes an article's English version; false when it had none. */
export async function deleteEnglishVersion(db: Db, articleId: number): Promise<boolean> {
  const result = await db.deleteFrom('article_english').where('article_id', '=', articleId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The English versions of these articles (of any status), by article id. */
export async function englishVersionsOf(db: Db, articleIds: readonly number[]): Promise<Map<number, EnglishVersion>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db.selectFrom('article_english').selectAll().where('article_id', 'in', articleIds).execute();
  return new Map(rows.map((row) => [Number(row.article_id), rowToEnglishVersion(row)]));
}
