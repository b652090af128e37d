// Queries on the policy and policy_interpretation tables.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { PolicyWordsSql } from '../db/policy-words-sql.ts';
import type { Policy, PolicySummary, PolicyValidity } from './policy.ts';
import type { PolicyTable } from './policy.table.ts';

/** Which policies a list shows. Words are already folded as search_text is. */
export interface PolicyFilter {
  topic?: string | undefined;
  level?: string | undefined;
  channel?: string | undefined;
  validity?: PolicyValidity | undefined;
  /** Inclusive bounds on the 发布日期, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  /** A 文号's key, or words the text must all contain, found the engine's way. */
  keyword?: { docNumberKey: string } | { words: readonly string[]; index: PolicyWordsSql } | undefined;
}

/** A place in the newest-published-first order: the list continues after it. */
export interface PublishedPosition {
  publishedOn: string;
  id: number;
}

const SUMMARY_COLUMNS = [
  'id',
  'title',
  'doc_number',
  'issuer',
  'level',
  'channel',
  'topic',
  'written_on',
  'published_on',
  'effective_on',
  'valid_until',
  'status',
  'replaced_by',
  'created_at',
  'updated_at',
] as const;

function rowToSummary(row: Pick<Selectable<PolicyTable>, (typeof SUMMARY_COLUMNS)[number]>): PolicySummary {
  return {
    id: Number(row.id),
    title: row.title,
    docNumber: row.doc_number,
    issuer: row.issuer,
    level: row.level,
    channel: row.channel,
    topic: row.topic,
    writtenOn: row.written_on,
    publishedOn: row.published_on,
    effectiveOn: row.effective_on,
    validUntil: row.valid_until,
    status: row.status,
    replacedBy: row.replaced_by === null ? null : Number(row.replaced_by),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Stores a policy and returns its id. */
export async function insertPolicy(db: Db, row: Insertable<PolicyTable>): Promise<number> {
  const { id } = await db.insertInto('policy').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Changes a policy's columns. */
export async function updatePolicy(db: Db, id: number, fields: Updateable<PolicyTable>): Promise<void> {
  await db.updateTable('policy').set(fields).where('id', '=', id).execute();
}

/** One policy, or undefined. */
export async function policyById(db: Db, id: number): Promise<Policy | undefined> {
  const row = await db
    .selectFrom('policy')
    .select([...SUMMARY_COLUMNS, 'body'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...rowToSummary(row), body: row.body };
}

/** The ids of the policies with this 文号 key, lowest first. */
export async function policyIdsByDocNumberKey(db: Db, key: string): Promise<number[]> {
  const rows = await db.selectFrom('policy').select('id').where('doc_number_key', '=', key).orderBy('id').execute();
  return rows.map((row) => Number(row.id));
}

/** Policies by id, as summaries, in no particular order. */
export async function policySummariesByIds(db: Db, ids: readonly number[]): Promise<PolicySummary[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('policy').select(SUMMARY_COLUMNS).where('id', 'in', ids).execute()).map(rowToSummary);
}

/** The policies an editor marked as replaced by `id`, newest first. */
export async function policiesReplacedBy(db: Db, id: number): Promise<PolicySummary[]> {
  const rows = await db
    .selectFrom('policy')
    .select(SUMMARY_COLUMNS)
    .where('replaced_by', '=', id)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(rowToSummary);
}

/** The policies matching a filter on Beijing day `today` (validity depends on it). */
function matching(db: Db, filter: PolicyFilter, today: string) {
  let query = db.selectFrom('policy');
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.from) query = query.where('published_on', '>=', filter.from);
  if (filter.to) query = query.where('published_on', '<=', filter.to);
  // Dates are YYYY-MM-DD text, so comparing them as text compares days (policy.ts validityOf).
  switch (filter.validity) {
    case 'repealed':
    case 'amended':
      query = query.where('status', '=', filter.validity);
      break;
    case 'not_yet':
      query = query.where('status', '=', 'in_force').where('effective_on', '>', today);
      break;
    case 'expired':
      query = query.where('status', '=', 'in_force').where('effective_on', '<=', today).where('valid_until', '<', today);
      break;
    case 'in_force':
      query = query
        .where('status', '=', 'in_force')
        .where('effective_on', '<=', today)
        .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]));
      break;
    case undefined:
      break;
  }
  const keyword = filter.keyword;
  if (keyword && 'docNumberKey' in keyword) query = query.where('doc_number_key', '=', keyword.docNumberKey);
  if (keyword && 'words' in keyword) query = query.where(keyword.index.containingEvery(keyword.words));
  return query;
}

/** What a list filters a policy on, besides its words. */
export type ListedPolicy = Pick<PolicySummary, 'id' | 'channel' | 'topic' | 'level' | 'publishedOn' | 'effectiveOn' | 'validUntil' | 'status'>;

/** Every policy with what lists filter on, newest 发布日期 first (read from the list index alone). */
export async function listedPolicies(db: Db): Promise<ListedPolicy[]> {
  const rows = await db
    .selectFrom('policy')
    .select(['id', 'channel', 'topic', 'level', 'published_on', 'effective_on', 'valid_until', 'status'])
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    channel: row.channel,
    topic: row.topic,
    level: row.level,
    publishedOn: row.published_on,
    effectiveOn: row.effective_on,
    validUntil: row.valid_until,
    status: row.status,
  }));
}

/** One page of policies, newest 发布日期 first, and how many match in all. */
export async function policyPage(
  db: Db,
  filter: PolicyFilter,
  today: string,
  offset: number,
  limit: number,
): Promise<{ items: PolicySummary[]; total: number }> {
  const [rows, { count }] = await Promise.all([
    matching(db, filter, today).select(SUMMARY_COLUMNS).orderBy('published_on', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    matching(db, filter, today)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(rowToSummary), total: Number(count) };
}

/** Up to `limit` policies after `after` (from the newest when undefined), newest 发布日期 first. */
export async function policiesAfter(
  db: Db,
  filter: PolicyFilter,
  today: string,
  after: PublishedPosition | undefined,
  limit: number,
): Promise<PolicySummary[]> {
  let query = matching(db, filter, today).select(SUMMARY_COLUMNS);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('published_on', '<', after.publishedOn), eb.and([eb('published_on', '=', after.publishedOn), eb('id', '<', after.id)])]),
    );
  }
  return (await query.orderBy('published_on', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(rowToSummary);
}

/** The newest policies the console lists, in the given channels (undefined: all). */
export async function recentlyUpdatedPolicies(db: Db, channels: readonly string[] | undefined, limit: number): Promise<PolicySummary[]> {
  let query = db.selectFrom('policy').select(SUMMARY_COLUMNS);
  if (channels) query = query.where('channel', 'in', channels);
  return (await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(rowToSummary);
}

/** The id and last change of every policy, newest 发布日期 first (a few thousand at most). */
export async function policyStamps(db: Db): Promise<Array<{ id: number; updatedAt: string }>> {
  const rows = await db.selectFrom('policy').select(['id', 'updated_at']).orderBy('published_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => ({ id: Number(row.id), updatedAt: row.updated_at }));
}

/** Whether any policy's validity changes with the date between the day after `afterDay` and `today`, inclusive. */
export async function validityChangesBetween(db: Db, afterDay: string, today: string): Promise<boolean> {
  const row = await db
    .selectFrom('policy')
    .select('id')
    .where('status', '=', 'in_force')
    // A policy takes effect on its 实施日期 and expires the day after its last valid day.
    .where((eb) =>
      eb.or([
        eb.and([eb('effective_on', '>', afterDay), eb('effective_on', '<=', today)]),
        eb.and([eb('valid_until', '>=', afterDay), eb('valid_until', '<', today)]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of the articles linked to a policy as 政策解读, in the order they were linked. */
export async function interpretationIds(db: Db, policyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('policy_interpretation')
    .select('article_id')
    .where('policy_id', '=', policyId)
    .orderBy('linked_at')
    .orderBy('article_id')
    .execute();
  return rows.map((row) => Number(row.article_id));
}

/** Links an article to a policy; false when it already was. */
export async function insertInterpretation(db: Db, policyId: number, articleId: number, linkedAt: string): Promise<boolean> {
  const result = await db
    .insertInto('policy_interpretation')
    .values({ policy_id: policyId, article_id: articleId, linked_at: linkedAt })
    .onConflict((oc) => oc.columns(['policy_id', 'article_id']).doNothing())
    .returning('article_id')
    .executeTakeFirst();
  return result !== undefined;
}

/** Unlinks an article from a policy; false when it was not linked. */
export async function deleteInterpretation(db: Db, policyId: number, articleId: number): Promise<boolean> {
  const result = await db.deleteFrom('policy_interpretation').where('policy_id', '=', policyId).where('article_id', '=', articleId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** How many policies there are, whatever their validity. */
export async function countPolicies(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('policy')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}
