// Rules for contributions from the public. No HTTP here.
import { canActOn, type ConsoleUser } from '../accounts/account.ts';
import { isArticlePublic, saveArticleDraft, type ArticleWriting } from '../articles/article.service.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { chinaDate } from '../lib/china-time.ts';
import { newTrackingCode } from '../lib/tracking-code.ts';
import { decide, itemForReview, queueHead, queueItems, type QueueHead, type ReviewOutcome } from '../review/review-queue.ts';
import { TRACKING_PREFIX, type SubmissionEdit, type SubmissionInput, type SubmissionStatus } from './submission.ts';
import * as store from './submission.store.ts';
import { submissionReviewStore, type SubmissionForReview } from './submission.store.ts';

export type { SubmissionForReview } from './submission.store.ts';

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

/** Contributions of one status in the user's channels, oldest first (first come, first served). */
export function submissionQueue(db: Db, user: ConsoleUser, status: SubmissionForReview['status'] = 'pending'): Promise<SubmissionForReview[]> {
  return queueItems(db, submissionReviewStore, user, status);
}

/** Contributions awaiting review in the user's channels: how many, and the `limit` oldest (the console home shows them). */
export function submissionQueueHead(db: Db, user: ConsoleUser, limit: number): Promise<QueueHead<SubmissionForReview>> {
  return queueHead(db, submissionReviewStore, user, 'pending', limit);
}

/** One contribution, or undefined when it does not exist or is outside the user's channels. */
export function submissionForReview(db: Db, user: ConsoleUser, id: number): Promise<SubmissionForReview | undefined> {
  return itemForReview(db, submissionReviewStore, user, id);
}

/**
 * Publishes a pending contribution as an article of its channel, in one transaction with the
 * status change and the audit record.
 */
export function publishSubmission(db: Db, writing: ArticleWriting, user: ConsoleUser, actor: Actor, id: number, now = new Date()): Promise<ReviewOutcome> {
  return decide(
    db,
    submissionReviewStore,
    user,
    actor,
    id,
    {
      open: 'pending',
      action: 'submission.publish',
      targetType: 'submission',
      async close(trx, item) {
        const channel = writing.channels.bySlug(item.channel) ?? writing.channels.city;
        const { id: articleId } = await saveArticleDraft(
          trx,
          writing,
          { originalTitle: `【${channel.tags[0]}招商】${item.title}`, body: item.body, publishedOn: chinaDate(now) },
          now,
          `submission:${id}`,
        );
        return { status: 'published' as const, articleId };
      },
      audited: (closed) => ('articleId' in closed ? { articleId: closed.articleId } : {}),
    },
    now,
  );
}

/**
 * Edits a pending contribution in the user's channels before it is published (moving it only to
 * another of their channels): the audit record keeps the fields changed, before and after.
 */
export function editSubmission(db: Db, user: ConsoleUser, actor: Actor, id: number, edit: SubmissionEdit, now = new Date()): Promise<ReviewOutcome> {
  return db.transaction().execute(async (trx) => {
    const item = await submissionReviewStore.find(trx, id);
    if (!item || !canActOn(user, item.channel) || !canActOn(user, edit.channel)) return 'not_found';
    if (item.status !== 'pending') return 'already_closed';
    const changed = (['title', 'body', 'channel'] as const).filter((field) => item[field] !== edit[field]);
    if (changed.length === 0) return 'done';
    await store.updateSubmissionText(trx, id, { title: edit.title, body: edit.body, channel: edit.channel });
    const before = Object.fromEntries(changed.map((field) => [field, item[field]]));
    const after = Object.fromEntries(changed.map((field) => [field, edit[field]]));
    await recordAudit(trx, actor, { action: 'submission.edit', targetType: 'submission', targetId: id, before, after, channel: item.channel }, now);
    return 'done';
  });
}

/** Rejects a pending contribution with the reason the contributor will read. */
export function rejectSubmission(db: Db, user: ConsoleUser, actor: Actor, id: number, reason: string, now = new Date()): Promise<ReviewOutcome> {
  return decide(
    db,
    submissionReviewStore,
    user,
    actor,
    id,
    {
      open: 'pending',
      action: 'submission.reject',
      targetType: 'submission',
      close: async () => ({ status: 'rejected' as const, reason }),
      audited: () => ({ reason }),
    },
    now,
  );
}
