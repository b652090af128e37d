// Editors' review of extracted indicator facts: the queue (uncertain first), confirm, correct or
// delete one fact, or confirm every fact of an article after reading them beside its text; each audited.
import { createHash } from 'node:crypto';
import type { Expression } from 'kysely';
import { canActOn, channelScope, type ConsoleUser } from '../accounts/account.ts';
import { layoutBody, type BodyBlock } from '../articles/body-layout.ts';
import { markdownToText } from '../articles/markdown.ts';
import { articlePublishedOnOf, articleText, articleTitleOf } from '../articles/article.service.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { rowToIndicatorFact, type FactQualifier } from './indicator-fact.ts';
import type { IndicatorFact } from './indicators.ts';
import * as store from './indicator-fact.store.ts';
import type { FactRowWithTitle } from './indicator-fact.store.ts';

/** A fact next to its sentence, as the console shows it. */
export interface FactForCuration extends IndicatorFact {
  id: number;
  articleId: number;
  articleTitle: string;
  channel: string;
  curation: 'confirmed' | 'corrected' | 'deleted' | null;
}

/** The corrected figures of a fact. */
export type FactCorrection = Pick<IndicatorFact, 'year' | 'period' | 'kind' | 'value' | 'unit' | 'growth' | 'stretch'> & {
  /** The place as written; null: the channel's own. Absent: left as it is. */
  place?: string | null;
  qualifier?: FactQualifier | null;
};

/** Every qualifier a fact may carry, as editors choose one. */
export const FACT_QUALIFIERS: readonly FactQualifier[] = ['左右', '以上', '以内', '突破', '力争', '预计'];

/** The article title and date subqueries the fact queries order and label by. */
const articleTitle = (db: Db) => (articleId: Expression<number>) => articleTitleOf(db, articleId);
const articleDate = (db: Db) => (articleId: Expression<number>) => articlePublishedOnOf(db, articleId);

function rowToFact(r: FactRowWithTitle): FactForCuration {
  return {
    id: Number(r.id),
    articleId: Number(r.article_id),
    articleTitle: r.title,
    channel: r.channel,
    ...rowToIndicatorFact(r, r.place ?? ''),
    curation: r.curation,
  };
}

/**
 * The review queue of the user's channels: unreviewed facts the reader was unsure of first, then the
 * other unreviewed ones, then those already reviewed; newest articles first within each.
 */
export async function factsForCuration(db: Db, user: ConsoleUser, limit = 300): Promise<FactForCuration[]> {
  const scope = channelScope(user);
  if (scope?.length === 0) return [];
  return (await store.curationQueue(db, scope, articleTitle(db), articleDate(db), limit)).map(rowToFact);
}

/** How many facts of the user's channels no editor has reviewed yet. */
export async function unreviewedFactCount(db: Db, user: ConsoleUser): Promise<number> {
  const scope = channelScope(user);
  if (scope?.length === 0) return 0;
  return store.unreviewedFactCount(db, scope);
}

/** One fact of the user's channels, as the queue shows it; undefined when there is none. */
export async function factForCuration(db: Db, user: ConsoleUser, id: number): Promise<FactForCuration | undefined> {
  const scope = channelScope(user);
  if (scope?.length === 0) return undefined;
  const row = await store.factWithTitle(db, scope, articleTitle(db), id);
  return row && rowToFact(row);
}

/** An article's facts beside its text, as the editor reads them before confirming them all. */
export interface ArticleReview {
  articleId: number;
  title: string;
  /** The text the facts were read from, laid out in blocks. */
  blocks: BodyBlock[];
  facts: FactForCuration[];
  /** What the facts were when read: confirming all is refused once it no longer matches. */
  version: string;
}

/** What identifies the state of a set of facts: any re-reading, correction or confirmation changes it. */
function versionOf(rows: readonly FactRowWithTitle[]): string {
  const state = rows.map((r) =>
    [r.id, r.indicator, r.place, r.kind, r.year, r.period, r.value, r.unit, r.growth, r.stretch, r.qualifier, r.sentence, r.curation].map((v) =>
      v === null ? null : String(v),
    ),
  );
  return createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 32);
}

function articleFacts(db: Db, scope: string[] | undefined, articleId: number) {
  return store.articleFactsWithTitles(db, scope, articleTitle(db), articleId);
}

/** The facts of an article in the user's channels beside its text; undefined when it has none. */
export async function articleReview(db: Db, user: ConsoleUser, articleId: number): Promise<ArticleReview | undefined> {
  const scope = channelScope(user);
  if (scope?.length === 0) return undefined;
  const rows = await articleFacts(db, scope, articleId);
  if (rows.length === 0) return undefined;
  const article = await articleText(db, articleId);
  if (!article) return undefined;
  // The facts were read from the text without its Markdown, so that is where their sentences are.
  const blocks = article.format === 'markdown' ? [{ kind: 'paragraph' as const, text: markdownToText(article.text) }] : layoutBody(article.text);
  return { articleId, title: article.title, blocks, facts: rows.map(rowToFact), version: versionOf(rows) };
}

/**
 * Confirms every unreviewed fact of an article in the user's channels, in one transaction and one
 * audit entry; `changed` when they are no longer what the editor read (`version`), and nothing is done.
 */
export async function confirmArticleFacts(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  articleId: number,
  version: string,
  now = new Date(),
): Promise<{ outcome: 'done'; confirmed: number } | { outcome: 'not_found' | 'changed' }> {
  const scope = channelScope(user);
  if (scope?.length === 0) return { outcome: 'not_found' };
  return db.transaction().execute(async (trx) => {
    const rows = await articleFacts(trx, scope, articleId);
    if (rows.length === 0) return { outcome: 'not_found' as const };
    if (versionOf(rows) !== version) return { outcome: 'changed' as const };
    const ids = rows.filter((r) => r.curation === null).map((r) => Number(r.id));
    if (ids.length > 0) {
      await store.updateFacts(trx, ids, { curation: 'confirmed', curated_by: actor.userName, curated_at: now.toISOString() });
      // /data is a cached public page.
      await bumpContentVersion(trx);
      await recordAudit(
        trx,
        actor,
        { action: 'fact.confirm_article', targetType: 'article', targetId: articleId, after: { confirmed: ids }, channel: rows[0]?.channel },
        now,
      );
    }
    return { outcome: 'done' as const, confirmed: ids.length };
  });
}

/** Confirms, deletes or corrects a fact of the user's channels. */
export async function curateFact(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  action: { kind: 'confirm' } | { kind: 'delete' } | { kind: 'correct'; correction: FactCorrection },
  now = new Date(),
): Promise<'done' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const before = await store.factForCuration(trx, id);
    if (!before || !canActOn(user, before.channel)) return 'not_found';
    const curation = action.kind === 'confirm' ? 'confirmed' : action.kind === 'delete' ? 'deleted' : 'corrected';
    const changes = action.kind === 'correct' ? action.correction : {};
    await store.updateFacts(trx, [id], { ...changes, curation, curated_by: actor.userName, curated_at: now.toISOString() });
    // /data is a cached public page.
    await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      { action: `fact.${action.kind}`, targetType: 'indicator_fact', targetId: id, before, after: { ...changes, curation }, channel: before.channel },
      now,
    );
    return 'done';
  });
}
