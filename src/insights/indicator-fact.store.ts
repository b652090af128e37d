// Queries on the indicator_fact table. Which articles are published is the articles feature's to
// say: callers pass its subquery (publishedArticleIds), and no query here names the article table.
import { sql, type Expression, type Insertable, type Updateable } from 'kysely';
import type { publishedArticleIds } from '../articles/article.service.ts';
import type { Db } from '../db/database.ts';
import type { InsightsPublic } from '../config.ts';
import type { IndicatorFactTable } from './insight.table.ts';

/** The articles feature's subquery of the article ids whose facts are shown. */
export type ArticleIds = ReturnType<typeof publishedArticleIds>;
/** A subquery answering one value of the article a fact row names (its title, its date). */
export type ArticleValueOf = (articleId: Expression<number>) => Expression<unknown>;

/** Removes what extraction read from an article and no editor curated. */
export async function deleteUncuratedFacts(db: Db, articleId: number): Promise<void> {
  await db.deleteFrom('indicator_fact').where('article_id', '=', articleId).where('curation', 'is', null).execute();
}

/** The extraction keys of an article's facts an editor curated. */
export async function curatedFactKeys(db: Db, articleId: number): Promise<Set<string | null>> {
  const rows = await db.selectFrom('indicator_fact').select('extracted_key').where('article_id', '=', articleId).execute();
  return new Set(rows.map((row) => row.extracted_key));
}

/** Stores extracted facts. */
export async function insertFacts(db: Db, rows: Insertable<IndicatorFactTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('indicator_fact').values(rows).execute();
}

/** Facts of the articles in `published`, optionally of one channel; `confirmed` only curated ones. */
export async function publishedFacts(db: Db, published: ArticleIds, show: InsightsPublic, channel: string | undefined) {
  let query = db
    .selectFrom('indicator_fact')
    .select([
      'id',
      'channel',
      'indicator',
      'place',
      'year',
      'period',
      'kind',
      'value',
      'unit',
      'growth',
      'stretch',
      'qualifier',
      'confidence',
      'confidence_reasons',
      'sentence',
      'article_id',
      'curation',
    ])
    .where('article_id', 'in', published);
  query =
    show === 'confirmed'
      ? query.where('curation', 'in', ['confirmed', 'corrected'])
      : query.where((eb) => eb.or([eb('curation', 'is', null), eb('curation', '!=', 'deleted')]));
  if (channel !== undefined) query = query.where('channel', '=', channel);
  return query.orderBy('channel').orderBy('year', 'desc').orderBy('id').execute();
}

/** The sentence of a fact of an article, unless an editor deleted it. */
export async function factSentenceOf(db: Db, articleId: number, factId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('indicator_fact')
    .select('sentence')
    .where('id', '=', factId)
    .where('article_id', '=', articleId)
    .where((eb) => eb.or([eb('curation', 'is', null), eb('curation', '!=', 'deleted')]))
    .executeTakeFirst();
  return row?.sentence;
}

const CURATION_COLUMNS = [
  'id',
  'article_id',
  'channel',
  'indicator',
  'place',
  'year',
  'period',
  'kind',
  'value',
  'unit',
  'growth',
  'stretch',
  'qualifier',
  'confidence',
  'confidence_reasons',
  'sentence',
  'curation',
] as const;

/** Facts of the channels in `scope` (all when undefined), each with its article's title. */
export function factsWithTitles(db: Db, scope: readonly string[] | undefined, titleOf: ArticleValueOf) {
  let query = db
    .selectFrom('indicator_fact')
    .select(CURATION_COLUMNS)
    .select((eb) => sql<string>`${titleOf(eb.ref('indicator_fact.article_id'))}`.as('title'));
  if (scope) query = query.where('channel', 'in', scope);
  return query;
}

/** A fact as the curation queue lists it. */
export type FactRowWithTitle = Awaited<ReturnType<ReturnType<typeof factsWithTitles>['execute']>>[number];

/**
 * The review queue: unreviewed facts the reader was unsure of first, then other unreviewed ones,
 * then reviewed ones; within each, newest articles (by `publishedOnOf`) first.
 */
export async function curationQueue(
  db: Db,
  scope: readonly string[] | undefined,
  titleOf: ArticleValueOf,
  publishedOnOf: ArticleValueOf,
  limit: number,
): Promise<FactRowWithTitle[]> {
  return factsWithTitles(db, scope, titleOf)
    .orderBy(sql`case when curation is null then 0 else 1 end`)
    .orderBy(sql`case when confidence = 'low' then 0 else 1 end`)
    .orderBy(sql`${publishedOnOf(sql.ref<number>('indicator_fact.article_id'))}`, 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The facts of one article in `scope`, in id order. */
export async function articleFactsWithTitles(
  db: Db,
  scope: readonly string[] | undefined,
  titleOf: ArticleValueOf,
  articleId: number,
): Promise<FactRowWithTitle[]> {
  return factsWithTitles(db, scope, titleOf).where('article_id', '=', articleId).orderBy('id').execute();
}

/** One fact in `scope` with its article's title; undefined when there is none. */
export async function factWithTitle(db: Db, scope: readonly string[] | undefined, titleOf: ArticleValueOf, id: number): Promise<FactRowWithTitle | undefined> {
  return factsWithTitles(db, scope, titleOf).where('indicator_fact.id', '=', id).executeTakeFirst();
}

/** How many facts in `scope` no editor has reviewed. */
export async function unreviewedFactCount(db: Db, scope: readonly string[] | undefined): Promise<number> {
  let query = db
    .selectFrom('indicator_fact')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('curation', 'is', null);
  if (scope) query = query.where('channel', 'in', scope);
  return Number((await query.executeTakeFirstOrThrow()).count);
}

/** The fields of a fact a curation changes, as they were; undefined when unknown. */
export async function factForCuration(db: Db, id: number) {
  return db
    .selectFrom('indicator_fact')
    .select(['channel', 'place', 'year', 'period', 'kind', 'value', 'unit', 'growth', 'stretch', 'qualifier', 'curation'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Changes the facts with the given ids. */
export async function updateFacts(db: Db, ids: readonly number[], changes: Updateable<IndicatorFactTable>): Promise<void> {
  if (ids.length > 0) await db.updateTable('indicator_fact').set(changes).where('id', 'in', ids).execute();
}
