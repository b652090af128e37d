// Queries on the question and question_transfer tables.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ChinaCalendarSql } from '../db/dialect.ts';
import type { ReviewStore } from '../review/review-queue.ts';
import type { PublishedQuestion, QuestionProgress, QuestionStatus } from './question.ts';
import type { QuestionTable } from './question.table.ts';

/** Stores a question and returns its id. */
export async function insertQuestion(db: Db, row: Insertable<QuestionTable>): Promise<number> {
  const { id } = await db.insertInto('question').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** The offices a question was handed to, in order. */
async function transfersOf(db: Db, questionId: number): Promise<Array<{ from: string; to: string; at: string }>> {
  const rows = await db
    .selectFrom('question_transfer')
    .select(['from_channel', 'to_channel', 'transferred_at'])
    .where('question_id', '=', questionId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ from: row.from_channel, to: row.to_channel, at: row.transferred_at }));
}

/** A question's course by its tracking code (never the asker's name or contact), or undefined. */
export async function questionProgressByCode(db: Db, trackingCode: string): Promise<QuestionProgress | undefined> {
  const row = await db.selectFrom('question').selectAll().where('tracking_code', '=', trackingCode).executeTakeFirst();
  if (!row) return undefined;
  return {
    trackingCode: row.tracking_code,
    title: row.title,
    channel: row.channel,
    status: row.status,
    createdAt: row.created_at,
    acceptedAt: row.accepted_at,
    answeredAt: row.answered_at,
    declineReason: row.decline_reason,
    answer: row.answer,
    transferredTo: (await transfersOf(db, Number(row.id))).map((transfer) => transfer.to),
  };
}

/** A question as the console shows it. */
export interface QuestionForReview {
  id: number;
  trackingCode: string;
  channel: string;
  category: string;
  title: string;
  body: string;
  askerName: string | null;
  askerContact: string | null;
  publishConsent: boolean;
  status: QuestionStatus;
  declineReason: string | null;
  answer: string | null;
  answeredBy: string | null;
  createdAt: string;
  acceptedAt: string | null;
  answeredAt: string | null;
  transfers: Array<{ from: string; to: string; at: string }>;
}

/** What one console action writes. */
export type QuestionStep =
  | { status: 'accepted' }
  | { status: 'declined'; reason: string }
  | { status: 'received' | 'accepted'; transferTo: string }
  | { status: 'answered'; answer: string };

function rowToReview(row: Selectable<QuestionTable>, transfers: QuestionForReview['transfers'] = []): QuestionForReview {
  return {
    id: Number(row.id),
    trackingCode: row.tracking_code,
    channel: row.channel,
    category: row.category,
    title: row.title,
    body: row.body,
    askerName: row.asker_name,
    askerContact: row.asker_contact,
    publishConsent: Number(row.publish_consent) === 1,
    status: row.status,
    declineReason: row.decline_reason,
    answer: row.answer,
    answeredBy: row.answered_by,
    createdAt: row.created_at,
    acceptedAt: row.accepted_at,
    answeredAt: row.answered_at,
    transfers,
  };
}

/** The question table as the review queue reads and advances it. */
export const questionReviewStore: ReviewStore<QuestionForReview, QuestionStep> = {
  async list(db, status, channels, limit) {
    let query = db.selectFrom('question').selectAll().where('status', '=', status);
    if (channels) query = query.where('channel', 'in', channels);
    return (await query.orderBy('created_at').orderBy('id').limit(limit).execute()).map((row) => rowToReview(row));
  },
  async count(db, status, channels) {
    let query = db
      .selectFrom('question')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', status);
    if (channels) query = query.where('channel', 'in', channels);
    return Number((await query.executeTakeFirstOrThrow()).count);
  },
  async find(db, id) {
    const row = await db.selectFrom('question').selectAll().where('id', '=', id).executeTakeFirst();
    return row && rowToReview(row, await transfersOf(db, id));
  },
  async close(db, id, step, now) {
    const at = now.toISOString();
    if ('transferTo' in step) {
      const { channel } = await db.selectFrom('question').select('channel').where('id', '=', id).executeTakeFirstOrThrow();
      await db.insertInto('question_transfer').values({ question_id: id, from_channel: channel, to_channel: step.transferTo, transferred_at: at }).execute();
      await db.updateTable('question').set({ channel: step.transferTo }).where('id', '=', id).execute();
    } else if (step.status === 'accepted') {
      await db.updateTable('question').set({ status: 'accepted', accepted_at: at }).where('id', '=', id).execute();
    } else if (step.status === 'declined') {
      await db.updateTable('question').set({ status: 'declined', decline_reason: step.reason, closed_at: at }).where('id', '=', id).execute();
    } else {
      // The 答复单位 is the office whose queue holds the question when it answers.
      await db
        .updateTable('question')
        .set((eb) => ({ status: 'answered', answer: step.answer, answered_by: eb.ref('channel'), answered_at: at, closed_at: at }))
        .where('id', '=', id)
        .execute();
    }
  },
};

/** How many questions wait for an office, received or accepted, counting no further than `cap`. */
export async function openQuestionCount(db: Db, cap: number): Promise<number> {
  const { count } = await db
    .selectFrom((eb) => eb.selectFrom('question').select('id').where('status', 'in', ['received', 'accepted']).limit(cap).as('open'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Questions not yet answered nor declined that came in before `receivedBefore` (ISO-8601 UTC), oldest first, at most `limit`. */
export async function openQuestionsReceivedBefore(db: Db, receivedBefore: string, limit: number): Promise<QuestionForReview[]> {
  const rows = await db
    .selectFrom('question')
    .selectAll()
    .where('status', 'in', ['received', 'accepted'])
    .where('created_at', '<', receivedBefore)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => rowToReview(row));
}

/** Which published questions a list shows. `keyword` is already normalised (lower case, simplified). */
export interface PublishedFilter {
  channel?: string | undefined;
  category?: string | undefined;
  keyword?: string | undefined;
}

/** A place in the newest-answered-first order: the list continues after it. */
export interface AnsweredPosition {
  answeredAt: string;
  id: number;
}

const PUBLIC_COLUMNS = ['id', 'channel', 'category', 'title', 'body', 'answer', 'answered_by', 'created_at', 'accepted_at', 'answered_at'] as const;

function rowToPublished(row: Pick<Selectable<QuestionTable>, (typeof PUBLIC_COLUMNS)[number]>): PublishedQuestion {
  return {
    id: Number(row.id),
    channel: row.channel,
    category: row.category,
    title: row.title,
    body: row.body,
    answer: row.answer ?? '',
    answeredBy: row.answered_by ?? row.channel,
    createdAt: row.created_at,
    acceptedAt: row.accepted_at ?? row.created_at,
    answeredAt: row.answered_at ?? '',
  };
}

/** Answered questions whose asker agreed to publish them: the only ones anyone else may see. */
function published(db: Db, filter: PublishedFilter) {
  let query = db.selectFrom('question').where('status', '=', 'answered').where('publish_consent', '=', 1);
  if (filter.channel) query = query.where('answered_by', '=', filter.channel);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.keyword) {
    // A plain substring match: a few thousand questions at most, far below what needs the search index.
    const pattern = `%${filter.keyword.replace(/[\\%_]/gu, '\\$&')}%`;
    const like = (column: 'title' | 'body' | 'answer') => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
    query = query.where((eb) => eb.or([like('title'), like('body'), like('answer')]));
  }
  return query;
}

/** One page of published questions, newest answered first, and how many there are in all. */
export async function publishedQuestionPage(
  db: Db,
  filter: PublishedFilter,
  offset: number,
  limit: number,
): Promise<{ items: PublishedQuestion[]; total: number }> {
  const [rows, { count }] = await Promise.all([
    published(db, filter).select(PUBLIC_COLUMNS).orderBy('answered_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    published(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(rowToPublished), total: Number(count) };
}

/** Up to `limit` published questions after `after` (from the newest when undefined), newest answered first. */
export async function publishedQuestionsAfter(
  db: Db,
  filter: PublishedFilter,
  after: AnsweredPosition | undefined,
  limit: number,
): Promise<PublishedQuestion[]> {
  let query = published(db, filter).select(PUBLIC_COLUMNS);
  if (after) {
    query = query.where((eb) => eb.or([eb('answered_at', '<', after.answeredAt), eb.and([eb('answered_at', '=', after.answeredAt), eb('id', '<', after.id)])]));
  }
  return (await query.orderBy('answered_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(rowToPublished);
}

/** One published question, or undefined when it does not exist or is not public. */
export async function publishedQuestionById(db: Db, id: number): Promise<PublishedQuestion | undefined> {
  const row = await published(db, {}).select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && rowToPublished(row);
}

/** The id and answer time of every published question, newest answered first (a few thousand at most). */
export async function publishedQuestionStamps(db: Db): Promise<Array<{ id: number; answeredAt: string }>> {
  const rows = await published(db, {}).select(['id', 'answered_at']).orderBy('answered_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => ({ id: Number(row.id), answeredAt: row.answered_at ?? '' }));
}

/** Questions received and answered in one group, and the Beijing calendar days their answers took. */
export interface QuestionTally {
  key: string;
  received: number;
  answered: number;
  /** Days from receipt to answer, summed over the answered ones; 0 when none. */
  totalDays: number;
  longestDays: number | undefined;
}

/**
 * The questions counted by office (the answering office, or the one holding it) or by Beijing month
 * of receipt, in key order.
 */
export async function questionTallies(db: Db, calendar: ChinaCalendarSql, by: 'office' | 'month'): Promise<QuestionTally[]> {
  const key = by === 'office' ? sql<string>`coalesce(${sql.ref('answered_by')}, ${sql.ref('channel')})` : calendar.month(sql.ref('created_at'));
  const days = sql<number | null>`${calendar.dayNumber(sql.ref('answered_at'))} - ${calendar.dayNumber(sql.ref('created_at'))}`;
  const rows = await db
    .selectFrom('question')
    .select((eb) => [
      key.as('key'),
      eb.fn.countAll<number>().as('received'),
      eb.fn.count<number>('answered_at').as('answered'),
      eb.fn.sum<number | null>(days).as('total_days'),
      eb.fn.max<number | null>(days).as('longest_days'),
    ])
    .groupBy(key)
    .orderBy(key)
    .execute();
  // PostgreSQL's counts and sums are bigint or numeric, which its driver hands over as strings.
  return rows.map((row) => ({
    key: row.key,
    received: Number(row.received),
    answered: Number(row.answered),
    totalDays: Number(row.total_days ?? 0),
    longestDays: row.longest_days === null ? undefined : Number(row.longest_days),
  }));
}

/** Blanks the asker's name and contact of questions closed before `closedBefore`; returns how many. */
export async function blankPersonalDataOfQuestions(db: Db, closedBefore: string, purgedAt: string): Promise<number> {
  const result = await db
    .updateTable('question')
    .set({ asker_name: null, asker_contact: null, purged_at: purgedAt })
    .where('closed_at', '<', closedBefore)
    .where('purged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
