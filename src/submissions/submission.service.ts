// Rules for contributions from the public. No HTTP here.
import type { Selectable } from 'kysely';
import { canActOn, channelScope, type ConsoleUser } from '../accounts/account.ts';
import { isArticlePublic, saveArticleDraft, type ArticleWriting } from '../articles/article.service.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import type { SubmissionTable } from './submission.table.ts';
import { newTrackingCode } from '../lib/tracking-code.ts';
import { TRACKING_PREFIX, type SubmissionInput, type SubmissionStatus } from './submission.ts';
import * as store from './submission.store.ts';

/** Stores a contribution for review and returns its tracking code. */
export async function submitContribution(db: Db, input: SubmissionInput, now = new Date()): Promise<string> {
  const trackingCode = newTrackingCode(TRACKING_PREFIX);
  await store.insertSubmission(db, {
    tracking_code: trackingCode,
    title: input.title,
    body: input.body,
    channel: input.channel,
    author_name: input.name,
    author_contact: input.contact,
    consented_at: now.toISOString(),
    status: 'pending',
    reject_reason: null,
    article_id: null,
    created_at: now.toISOString(),
    closed_at: null,
    purged_at: null,
  });
  return trackingCode;
}

/** A contribution's status by its tracking code, or undefined; it follows the article it became. */
export async function submissionStatus(db: Db, trackingCode: string): Promise<SubmissionStatus | undefined> {
  const found = await store.submissionStatusByCode(db, trackingCode);
  if (!found) return undefined;
  const { articleId, ...rest } = found;
  const article = articleId === null ? null : (await isArticlePublic(db, articleId)) ? { id: articleId } : 'withdrawn';
  return { ...rest, article };
}

/** How many contributions await review, all channels together, counting no further than `cap`. */
export function pendingSubmissions(db: Db, cap: number): Promise<number> {
  return store.pendingSubmissionCount(db, cap);
}

/** A contribution as the review queue shows it. */
export interface SubmissionForReview {
  id: number;
  trackingCode: string;
  title: string;
  body: string;
  channel: string;
  authorName: string | null;
  authorContact: string | null;
  status: 'pending' | 'published' | 'rejected';
  rejectReason: string | null;
  articleId: number | null;
  createdAt: string;
}

function rowToReview(row: Selectable<SubmissionTable>): SubmissionForReview {
  return {
    id: Number(row.id),
    trackingCode: row.tracking_code,
    title: row.title,
    body: row.body,
    channel: row.channel,
    authorName: row.author_name,
    authorContact: row.author_contact,
    status: row.status,
    rejectReason: row.reject_reason,
    articleId: row.article_id === null ? null : Number(row.article_id),
    createdAt: row.created_at,
  };
}

/** Contributions of one status in the user's channels, oldest first (first come, first served). */
export async function submissionQueue(db: Db, user: ConsoleUser, status: SubmissionForReview['status'] = 'pending'): Promise<SubmissionForReview[]> {
  const scope = channelScope(user);
  if (scope?.length === 0) return [];
  let query = db.selectFrom('submission').selectAll().where('status', '=', status);
  if (scope) query = query.where('channel', 'in', scope);
  return (await query.orderBy('created_at').orderBy('id').limit(200).execute()).map(rowToReview);
}

/** One contribution, or undefined when it does not exist or is outside the user's channels. */
export async function submissionForReview(db: Db, user: ConsoleUser, id: number): Promise<SubmissionForReview | undefined> {
  const row = await db.selectFrom('submission').selectAll().where('id', '=', id).executeTakeFirst();
  return row && canActOn(user, row.channel) ? rowToReview(row) : undefined;
}

/** What a review action did. */
export type ReviewOutcome = 'done' | 'not_found' | 'already_closed';

/**
 * Publishes a pending contribution as an article of its channel, in one transaction with the
 * status change and the audit record.
 */
export async function publishSubmission(db: Db, writing: ArticleWriting, user: ConsoleUser, actor: Actor, id: number, now = new Date()): Promise<ReviewOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('submission').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !canActOn(user, row.channel)) return 'not_found';
    if (row.status !== 'pending') return 'already_closed';
    const channel = writing.channels.bySlug(row.channel) ?? writing.channels.city;
    const { id: articleId } = await saveArticleDraft(trx, writing, {
      originalTitle: `【${channel.tags[0]}招商】${row.title}`,
      body: row.body,
      publishedOn: now.toISOString().slice(0, 10),
    }, now, `submission:${id}`);
    await trx.updateTable('submission').set({ status: 'published', article_id: articleId, closed_at: now.toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'submission.publish', targetType: 'submission', targetId: id, before: { status: row.status }, after: { status: 'published', articleId } }, now);
    return 'done';
  });
}

/** Rejects a pending contribution with the reason the contributor will read. */
export async function rejectSubmission(db: Db, user: ConsoleUser, actor: Actor, id: number, reason: string, now = new Date()): Promise<ReviewOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('submission').select(['status', 'channel']).where('id', '=', id).executeTakeFirst();
    if (!row || !canActOn(user, row.channel)) return 'not_found';
    if (row.status !== 'pending') return 'already_closed';
    await trx.updateTable('submission').set({ status: 'rejected', reject_reason: reason, closed_at: now.toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'submission.reject', targetType: 'submission', targetId: id, before: { status: row.status }, after: { status: 'rejected', reason } }, now);
    return 'done';
  });
}
