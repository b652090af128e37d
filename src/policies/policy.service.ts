// Rules of the policy library (政策文件库): editors keep the policies of their channels, every
// change audited and making cached pages stale; readers list, search and open them. No HTTP here.
import { canActOn, channelScope, type ConsoleUser } from '../accounts/account.ts';
import { articlesByIds } from '../articles/article.service.ts';
import type { Article } from '../articles/article.ts';
import { markdownToText } from '../articles/markdown.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import type { PolicyWordsSql } from '../db/policy-words-sql.ts';
import { bumpContentVersion, setSiteMetaValue, siteMetaValue } from '../db/site-state.store.ts';
import { chinaDate } from '../lib/china-time.ts';
import { normalizeQuery } from '../text/normalize.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { docNumberKey } from './doc-number.ts';
import type { PolicyKeywordMatches, WordsFilter } from './policy-keyword-matches.ts';
import { validityOf, type Policy, type PolicyInput, type PolicySummary, type PolicyValidity } from './policy.ts';
import * as store from './policy.store.ts';
import { englishVersionOf } from './policy-english.store.ts';
import type { EnglishVersion } from '../i18n/english-version.ts';
import type { AttachmentOwner } from '../uploads/attachment.ts';

export type { PolicyFilter, PublishedPosition } from './policy.store.ts';

/** A policy with the validity readers see today. */
export type ShownPolicy<T extends PolicySummary = PolicySummary> = T & { validity: PolicyValidity };

/**
 * What keyword search over policies needs: the site's segmenter, the engine's way of finding words,
 * and the app's matches kept in memory (without them, the engine answers every keyword list).
 */
export interface PolicySearch {
  segmenter: Segmenter;
  words: PolicyWordsSql;
  matches?: PolicyKeywordMatches;
}

/** The filters of a list as readers give them: the keyword as typed. */
export type PolicyQuery = Omit<store.PolicyFilter, 'keyword'> & { keyword?: string | undefined };

/** Policies per page of the public list. */
export const POLICY_PAGE_SIZE = 20;

const shown = <T extends PolicySummary>(policy: T, today: string): ShownPolicy<T> => ({ ...policy, validity: validityOf(policy, today) });

/**
 * A keyword as the store matches it: a 文号 in any spelling finds exactly that document; anything
 * else is cut into words by the site's segmenter, folded as search_text is, each to be found.
 */
export function policyKeyword({ segmenter, words: index }: PolicySearch, keyword: string | undefined): store.PolicyFilter['keyword'] {
  const text = keyword?.trim() ?? '';
  if (text === '') return undefined;
  const key = docNumberKey(text);
  if (key !== undefined) return { docNumberKey: key };
  const words = [...new Set(segmenter.segment(normalizeQuery(text)).terms)];
  return words.length > 0 ? { words, index } : undefined;
}

const filterOf = (search: PolicySearch, query: PolicyQuery): store.PolicyFilter => ({ ...query, keyword: policyKeyword(search, query.keyword) });

/** One page (from 1) of policies matching a query, newest 发布日期 first, with their validity on `now`'s Beijing day. */
export async function policyList(
  db: Db,
  search: PolicySearch,
  query: PolicyQuery,
  page: number,
  now = new Date(),
  pageSize = POLICY_PAGE_SIZE,
): Promise<{ items: ShownPolicy[]; total: number; pageCount: number }> {
  const today = chinaDate(now);
  const filter = filterOf(search, query);
  const offset = (page - 1) * pageSize;
  const { items, total } =
    search.matches && filter.keyword && 'words' in filter.keyword
      ? await keptMatchesPage(db, search.matches, { ...filter, words: filter.keyword.words }, today, offset, pageSize)
      : await store.policyPage(db, filter, today, offset, pageSize);
  return { items: items.map((item) => shown(item, today)), total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

async function keptMatchesPage(db: Db, matches: PolicyKeywordMatches, filter: WordsFilter, today: string, offset: number, limit: number) {
  const { ids, total } = await matches.page(db, filter, today, offset, limit);
  const byId = new Map((await store.policySummariesByIds(db, ids)).map((policy) => [policy.id, policy]));
  // A policy deleted since the matches were kept is left out; the next content version drops it.
  return { items: ids.flatMap((id) => byId.get(id) ?? []), total };
}

/** Up to `limit` policies after a position (the open API's keyset pages), newest 发布日期 first. */
export async function policiesAfter(
  db: Db,
  search: PolicySearch,
  query: PolicyQuery,
  after: store.PublishedPosition | undefined,
  limit: number,
  now = new Date(),
): Promise<ShownPolicy[]> {
  const today = chinaDate(now);
  return (await store.policiesAfter(db, filterOf(search, query), today, after, limit)).map((item) => shown(item, today));
}

/** A policy as its page shows it: the document, what replaces it, what it replaces, and its 政策解读. */
export interface PolicyDetail {
  policy: ShownPolicy<Policy>;
  replacedBy: ShownPolicy | undefined;
  replaces: ShownPolicy[];
  /** Published articles only; a linked article taken offline is left out. */
  interpretations: Article[];
}

/** One policy with everything its page shows, or undefined. */
export async function policyDetail(db: Db, id: number, now = new Date()): Promise<PolicyDetail | undefined> {
  const policy = await store.policyById(db, id);
  if (!policy) return undefined;
  const today = chinaDate(now);
  const [replacedBy, replaces, interpretations] = await Promise.all([
    policy.replacedBy === null ? [] : store.policySummariesByIds(db, [policy.replacedBy]),
    store.policiesReplacedBy(db, id),
    store.interpretationIds(db, id).then((ids) => articlesByIds(db, ids)),
  ]);
  return {
    policy: shown(policy, today),
    replacedBy: replacedBy[0] && shown(replacedBy[0], today),
    replaces: replaces.map((item) => shown(item, today)),
    interpretations,
  };
}

/** The id and last change of every policy, newest 发布日期 first (for the sitemap). */
export function policyStamps(db: Db): Promise<Array<{ id: number; updatedAt: string }>> {
  return store.policyStamps(db);
}

// The Beijing day whose validities the cached pages show.
const VALIDITY_DAY_KEY = 'policy_validity_day';

/**
 * Makes cached pages stale when the Beijing day changes and some policy takes effect or expires
 * with it (validity is derived from the date). Run by the scheduler; returns whether it did. Two
 * instances doing it at once only empty the cache twice.
 */
export async function refreshPolicyValidityDay(db: Db, now = new Date()): Promise<boolean> {
  const today = chinaDate(now);
  return db.transaction().execute(async (trx) => {
    const shownDay = await siteMetaValue(trx, VALIDITY_DAY_KEY);
    if (shownDay === today) return false;
    await setSiteMetaValue(trx, VALIDITY_DAY_KEY, today);
    if (shownDay === undefined || !(await store.validityChangesBetween(trx, shownDay, today))) return false;
    await bumpContentVersion(trx);
    return true;
  });
}

// Console

/** The policies of the user's channels, most recently changed first. */
export async function consolePolicies(db: Db, user: ConsoleUser, limit = 200, now = new Date()): Promise<ShownPolicy[]> {
  const scope = channelScope(user);
  if (scope?.length === 0) return [];
  const today = chinaDate(now);
  return (await store.recentlyUpdatedPolicies(db, scope, limit)).map((item) => shown(item, today));
}

/** A policy to edit, or undefined when unknown or outside the user's channels. */
export async function policyForEditing(db: Db, user: ConsoleUser, id: number, now = new Date()): Promise<PolicyDetail | undefined> {
  const detail = await policyDetail(db, id, now);
  return detail && canActOn(user, detail.policy.channel) ? detail : undefined;
}

/**
 * What the keyword search reads of a policy: its Chinese text and, when written, its English
 * version, so that English words find it too. Every write of either recomputes it here.
 */
export function policySearchText(
  policy: Pick<PolicyInput, 'title' | 'docNumber' | 'issuer' | 'body'>,
  english: Pick<EnglishVersion, 'title' | 'summary' | 'body'> | undefined,
): string {
  const key = policy.docNumber === null ? '' : (docNumberKey(policy.docNumber) ?? '');
  const englishText = english ? [english.title, english.summary, markdownToText(english.body)] : [];
  return normalizeQuery([policy.title, key, policy.docNumber ?? '', policy.issuer, markdownToText(policy.body), ...englishText].join('\n'));
}

const audited = (policy: PolicyInput | Policy) => ({
  title: policy.title,
  docNumber: policy.docNumber,
  issuer: policy.issuer,
  level: policy.level,
  channel: policy.channel,
  topic: policy.topic,
  writtenOn: policy.writtenOn,
  publishedOn: policy.publishedOn,
  effectiveOn: policy.effectiveOn,
  validUntil: policy.validUntil,
  body: policy.body,
});

/** Creates (id undefined) or updates a policy, audited; returns its id, or 'not_found' outside the user's channels. */
export async function savePolicy(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number | undefined,
  input: PolicyInput,
  now = new Date(),
): Promise<number | 'not_found'> {
  if (!canActOn(user, input.channel)) return 'not_found';
  return db.transaction().execute(async (trx) => {
    const before = id === undefined ? undefined : await store.policyById(trx, id);
    if (id !== undefined && (!before || !canActOn(user, before.channel))) return 'not_found';
    const key = input.docNumber === null ? null : (docNumberKey(input.docNumber) ?? null);
    const fields = {
      title: input.title,
      doc_number: input.docNumber,
      doc_number_key: key,
      issuer: input.issuer,
      level: input.level,
      channel: input.channel,
      topic: input.topic,
      written_on: input.writtenOn,
      published_on: input.publishedOn,
      effective_on: input.effectiveOn,
      valid_until: input.validUntil,
      body: input.body,
      search_text: policySearchText(input, before && (await englishVersionOf(trx, before.id))),
      updated_at: now.toISOString(),
    };
    const policyId =
      before === undefined
        ? await store.insertPolicy(trx, { ...fields, status: 'in_force', replaced_by: null, created_at: now.toISOString() })
        : (await store.updatePolicy(trx, before.id, fields), before.id);
    await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      {
        action: before ? 'policy.update' : 'policy.create',
        targetType: 'policy',
        targetId: policyId,
        before: before && audited(before),
        after: audited(input),
        channel: input.channel,
      },
      now,
    );
    return policyId;
  });
}

/** What an editor decides about a policy's validity. */
export type ValidityDecision = { status: 'in_force' } | { status: 'repealed' } | { status: 'amended'; replacedBy: number };

const DECISION_ACTIONS = { in_force: 'policy.reinstate', amended: 'policy.amend', repealed: 'policy.repeal' } as const;

/**
 * Marks a policy in force again, repealed, or amended by another policy. 'no_replacement' when the
 * replacing policy does not exist or is the policy itself.
 */
export async function decidePolicyValidity(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  decision: ValidityDecision,
  now = new Date(),
): Promise<'done' | 'not_found' | 'no_replacement'> {
  return db.transaction().execute(async (trx) => {
    const before = await store.policyById(trx, id);
    if (!before || !canActOn(user, before.channel)) return 'not_found';
    const replacedBy = decision.status === 'amended' ? decision.replacedBy : null;
    if (replacedBy !== null && (replacedBy === id || (await store.policySummariesByIds(trx, [replacedBy])).length === 0)) return 'no_replacement';
    await store.updatePolicy(trx, id, { status: decision.status, replaced_by: replacedBy, updated_at: now.toISOString() });
    await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      {
        action: DECISION_ACTIONS[decision.status],
        targetType: 'policy',
        targetId: id,
        before: { status: before.status, replacedBy: before.replacedBy },
        after: { status: decision.status, replacedBy },
        channel: before.channel,
      },
      now,
    );
    return 'done';
  });
}

/** The id of the policy a reference names: its number, or its 文号 in any spelling; undefined when none or several match. */
export async function policyIdByReference(db: Db, reference: string): Promise<number | undefined> {
  const text = reference.trim();
  if (/^[1-9]\d{0,9}$/u.test(text)) return (await store.policySummariesByIds(db, [Number(text)]))[0]?.id;
  const key = docNumberKey(text);
  const ids = key === undefined ? [] : await store.policyIdsByDocNumberKey(db, key);
  return ids.length === 1 ? ids[0] : undefined;
}

/**
 * Links a published article to a policy as 政策解读, or unlinks it; audited. 'no_article' when a
 * link names an article that is not published, 'unchanged' when it was already (un)linked.
 */
export async function changeInterpretation(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  policyId: number,
  change: { link: number } | { unlink: number },
  now = new Date(),
): Promise<'done' | 'not_found' | 'no_article' | 'unchanged'> {
  return db.transaction().execute(async (trx) => {
    const policy = await store.policyById(trx, policyId);
    if (!policy || !canActOn(user, policy.channel)) return 'not_found';
    const linking = 'link' in change;
    const articleId = linking ? change.link : change.unlink;
    if (linking && (await articlesByIds(trx, [articleId])).length === 0) return 'no_article';
    const changed =
      'link' in change
        ? await store.insertInterpretation(trx, policyId, articleId, now.toISOString())
        : await store.deleteInterpretation(trx, policyId, articleId);
    if (!changed) return 'unchanged';
    await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      { action: linking ? 'policy.link' : 'policy.unlink', targetType: 'policy', targetId: policyId, after: { articleId }, channel: policy.channel },
      now,
    );
    return 'done';
  });
}

/** A policy as the uploads see an owner of attachments: every policy is public, repealed ones too. */
export async function policyAsAttachmentOwner(db: Db, id: number): Promise<AttachmentOwner | undefined> {
  const [policy] = await store.policySummariesByIds(db, [id]);
  return (
    policy && {
      title: policy.title,
      channel: policy.channel,
      isPublic: true,
      publicPath: `/policies/${policy.id}`,
      editorPath: `/admin/policies/${policy.id}`,
    }
  );
}
