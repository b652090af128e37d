// Queries on the submission table.
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SubmissionStatus } from './submission.ts';
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

/** What the status page shows, by tracking code. */
export async function submissionStatusByCode(db: Db, trackingCode: string): Promise<SubmissionStatus | undefined> {
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

/** Blanks the contributor's name and contact on contributions closed before `closedBefore`; returns how many. */
export async function blankPersonalDataOfSubmissions(db: Db, closedBefore: string, purgedAt: string): Promise<number> {
  const result = await db.updateTable('submission').set({ author_name: null, author_contact: null, purged_at: purgedAt }).where('closed_at', '<', closedBefore).where('purged_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Up to `limit` contributions of one status in the channels of `scope` (all when undefined), oldest first. */
export async function submissionsByStatus(db: Db, status: SubmissionTable['status'], scope: readonly string[] | undefined, limit: number) {
  let query = db.selectFrom('submission').selectAll().where('status', '=', status);
  if (scope) query = query.where('channel', 'in', scope);
  return query.orderBy('created_at').orderBy('id').limit(limit).execute();
}

/** One contribution, or undefined. */
export async function submissionById(db: Db, id: number) {
  return db.selectFrom('submission').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records a review decision on a contribution. */
export async function updateSubmission(db: Db, id: number, changes: Updateable<SubmissionTable>): Promise<void> {
  await db.updateTable('submission').set(changes).where('id', '=', id).execute();
}
