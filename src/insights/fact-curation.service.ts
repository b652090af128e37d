// Editors' review of extracted indicator facts: confirm, correct or delete, each audited.
import { canActOn, channelScope, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import type { IndicatorFact, IndicatorKey } from './indicators.ts';

/** A fact next to its sentence, as the console shows it. */
export interface FactForCuration extends Omit<IndicatorFact, 'place' | 'period' | 'qualifier' | 'confidence' | 'kind'> {
  kind: 'actual' | 'target';
  id: number;
  articleId: number;
  articleTitle: string;
  channel: string;
  curation: 'confirmed' | 'corrected' | 'deleted' | null;
}

/** The corrected figures of a fact. */
export type FactCorrection = Pick<IndicatorFact, 'year' | 'kind' | 'value' | 'unit' | 'growth' | 'stretch'>;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Facts of the user's channels, newest articles first. */
export async function factsForCuration(db: Db, user: ConsoleUser, limit = 300): Promise<FactForCuration[]> {
  const scope = channelScope(user);
  if (scope?.length === 0) return [];
  let query = db
    .selectFrom('indicator_fact')
    .innerJoin('article', 'article.id', 'indicator_fact.article_id')
    .select(['indicator_fact.id', 'article_id', 'article.title', 'indicator_fact.channel', 'indicator', 'year', 'kind', 'value', 'unit', 'growth', 'stretch', 'sentence', 'curation']);
  if (scope) query = query.where('indicator_fact.channel', 'in', scope);
  const rows = await query.orderBy('article.published_on', 'desc').orderBy('indicator_fact.id').limit(limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    articleId: Number(r.article_id),
    articleTitle: r.title,
    channel: r.channel,
    indicator: r.indicator as IndicatorKey,
    year: num(r.year),
    kind: r.kind,
    value: num(r.value),
    unit: r.unit,
    growth: num(r.growth),
    stretch: num(r.stretch),
    sentence: r.sentence,
    curation: r.curation,
  }));
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
    const before = await trx.selectFrom('indicator_fact').select(['channel', 'year', 'kind', 'value', 'unit', 'growth', 'stretch', 'curation']).where('id', '=', id).executeTakeFirst();
    if (!before || !canActOn(user, before.channel)) return 'not_found';
    const curation = action.kind === 'confirm' ? 'confirmed' : action.kind === 'delete' ? 'deleted' : 'corrected';
    const changes = action.kind === 'correct' ? action.correction : {};
    await trx.updateTable('indicator_fact').set({ ...changes, curation, curated_by: actor.userName, curated_at: now.toISOString() }).where('id', '=', id).execute();
    // /data is a cached public page.
    await bumpContentVersion(trx);
    await recordAudit(trx, actor, { action: `fact.${action.kind}`, targetType: 'indicator_fact', targetId: id, before, after: { ...changes, curation } }, now);
    return 'done';
  });
}
