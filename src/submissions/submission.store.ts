// Queries on the submission table.
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ReviewStore } from '../review/review-queue.ts';
import type { SubmissionTable } from './submission.table.ts';

/** Stores a contribution and returns its id. */
export async function insertSubmission(db: Db, row: Insertable<SubmissionTable>): Promise<number> {
  const { id } = await db.insertInto('submission').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Contributions awaiting review, counted up to `cap`: at most `cap` entries of the queue index are read. */
export async function pendingSubmissionCount(db: Db, cap: number): Promise<number> {
  const { count } = await db
    .selectFrom((eb) => eb.selectFrom('submission').select('id').where('status', '=', 'pending').limit(cap).as('pending'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** What the status page shows, by tracking code; the article only by id. */
export async function submissionStatusByCode(db: Db, trackingCode: string) {
  const row = await db
    .selectFrom('submission')
    .select(['tracking_code', 'title', 'status', 'reject_reason', 'article_id', 'created_at'])
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
  return (
    row && {
      trackingCode: row.tracking_code,
      title: row.title,
      status: row.status,
      rejectReason: row.reject_reason,
      articleId: row.article_id === null ? null : Number(row.article_id),
      createdAt: row.created_at,
    }
  );
}

/** Replaces a contribution's title, body and channel (a reviewer's edit before publishing). */
export async function updateSubmissionText(db: Db, id: number, text: { title: string; body: string; channel: string }): Promise<void> {
  await db.updateTable('submission').set(text).where('id', '=', id).execute();
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

/** How a decision closes a contribution. */
export type SubmissionClosed = { status: 'published'; articleId: number } | { status: 'rejected'; reason: string };

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

/** The submission table as the review queue reads and closes it. */
export const submissionReviewStore: ReviewStore<SubmissionForReview, SubmissionClosed> = {
  async list(db, status, channels, limit) {
    let query = db.selectFrom('submission').selectAll().where('status', '=', status);
    if (channels) query = query.where('channel', 'in', channels);
    return (await query.orderBy('created_at').orderBy('id').limit(limit).execute()).map(rowToReview);
  },
  async count(db, status, channels) {
    let query = db
      .selectFrom('submission')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', status);
    if (channels) query = query.where('channel', 'in', channels);
    return Number((await query.executeTakeFirstOrThrow()).count);
  },
  async find(db, id) {
    const row = await db.selectFrom('submission').selectAll().where('id', '=', id).executeTakeFirst();
    return row && rowToReview(row);
  },
  async close(db, id, closed, now) {
    const outcome = closed.status === 'published' ? { article_id: closed.articleId } : { reject_reason: closed.reason };
    await db
      .updateTable('submission')
      .set({ status: closed.status, ...outcome, closed_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  },
};

/** Blanks the contributor's name and contact on contributions closed before `closedBefore`; returns how many. */
export async function blankPersonalDataOfSubmissions(db: Db, closedBefore: string, purgedAt: string): Promise<number> {
  const result = await db
    .updateTable('submission')
    .set({ author_name: null, author_contact: null, purged_at: purgedAt })
    .where('closed_at', '<', closedBefore)
    .where('purged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
