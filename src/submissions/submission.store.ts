// Queries on the submission table.
import type { Insertable } from 'kysely';
import type { Db } from '../db/database.ts';
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
