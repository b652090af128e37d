// Rules for public questions (公开问答). No HTTP here.
import type { ConsoleUser } from '../accounts/account.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import type { ChinaCalendarSql } from '../db/dialect.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { newTrackingCode } from '../lib/tracking-code.ts';
import { notifyQuestionArrived } from '../notifications/notification.service.ts';
import { decide, itemForReview, queueHead, queueItems, type QueueHead, type ReviewOutcome } from '../review/review-queue.ts';
import { normalizeQuery } from '../text/normalize.ts';
import { QUESTION_CODE_PREFIX, type PublishedQuestion, type QuestionInput, type QuestionProgress, type QuestionStatus } from './question.ts';
import {
  insertQuestion,
  openQuestionCount,
  openQuestionsReceivedBefore,
  publishedQuestionById,
  publishedQuestionPage,
  publishedQuestionStamps as publishedQuestionStampsOf,
  publishedQuestionsAfter as publishedQuestionsAfterPosition,
  questionProgressByCode,
  questionReviewStore,
  questionTallies,
  type AnsweredPosition,
  type PublishedFilter,
  type QuestionForReview,
  type QuestionTally,
} from './question.store.ts';

export type { QuestionForReview } from './question.store.ts';

/** Stores a question in the queue of the office it addresses, telling the office's accounts; returns its id and tracking code. */
export async function askQuestion(db: Db, input: QuestionInput, now = new Date()): Promise<{ id: number; trackingCode: string }> {
  const trackingCode = newTrackingCode(QUESTION_CODE_PREFIX);
  return db.transaction().execute(async (trx) => {
    const id = await insertQuestion(trx, {
      tracking_code: trackingCode,
      channel: input.channel,
      category: input.category,
      title: input.title,
      body: input.body,
      asker_name: input.name,
      asker_contact: input.contact,
      publish_consent: input.publish ? 1 : 0,
      status: 'received',
      decline_reason: null,
      answer: null,
      answered_by: null,
      created_at: now.toISOString(),
      accepted_at: null,
      answered_at: null,
      closed_at: null,
      purged_at: null,
    });
    await notifyQuestionArrived(trx, { id, title: input.title, channel: input.channel, transferred: false, at: now.toISOString() }, now);
    return { id, trackingCode };
  });
}

/** A question's course by its tracking code, for its asker; undefined when unknown. */
export function questionProgress(db: Db, trackingCode: string): Promise<QuestionProgress | undefined> {
  return questionProgressByCode(db, trackingCode);
}

/** Questions per page of the public list. */
export const PUBLISHED_PAGE_SIZE = 20;

/** One page (from 1) of published questions matching a filter; the keyword is normalised as search queries are. */
export async function publishedQuestions(
  db: Db,
  filter: PublishedFilter,
  page: number,
): Promise<{ items: PublishedQuestion[]; total: number; pageCount: number }> {
  const keyword = filter.keyword ? normalizeQuery(filter.keyword).trim() : '';
  const { items, total } = await publishedQuestionPage(db, { ...filter, keyword }, (page - 1) * PUBLISHED_PAGE_SIZE, PUBLISHED_PAGE_SIZE);
  return { items, total, pageCount: Math.max(1, Math.ceil(total / PUBLISHED_PAGE_SIZE)) };
}

/** Up to `limit` published questions after a position (the open API's keyset pages), newest answered first. */
export function publishedQuestionsAfter(db: Db, filter: PublishedFilter, after: AnsweredPosition | undefined, limit: number): Promise<PublishedQuestion[]> {
  const keyword = filter.keyword ? normalizeQuery(filter.keyword).trim() : '';
  return publishedQuestionsAfterPosition(db, { ...filter, keyword }, after, limit);
}

/** The id and answer time of every published question, newest answered first (for the sitemap). */
export function publishedQuestionStamps(db: Db): Promise<Array<{ id: number; answeredAt: string }>> {
  return publishedQuestionStampsOf(db);
}

/** One published question, or undefined when unknown or not public. */
export function publishedQuestion(db: Db, id: number): Promise<PublishedQuestion | undefined> {
  return publishedQuestionById(db, id);
}

/** How many questions wait for an answer, all offices together, counting no further than `cap`. */
export function openQuestions(db: Db, cap: number): Promise<number> {
  return openQuestionCount(db, cap);
}

/** Questions neither answered nor declined that came in before `receivedBefore`, all offices, oldest first. */
export function unansweredQuestionsBefore(db: Db, receivedBefore: string, limit: number): Promise<QuestionForReview[]> {
  return openQuestionsReceivedBefore(db, receivedBefore, limit);
}

/** Questions of one status in the user's offices, oldest first. */
export function questionQueue(db: Db, user: ConsoleUser, status: QuestionStatus): Promise<QuestionForReview[]> {
  return queueItems(db, questionReviewStore, user, status);
}

/** Questions waiting to be accepted in the user's offices: how many, and the `limit` oldest. */
export function questionQueueHead(db: Db, user: ConsoleUser, limit: number): Promise<QueueHead<QuestionForReview>> {
  return queueHead(db, questionReviewStore, user, 'received', limit);
}

/** One question, or undefined when it does not exist or is in another office's queue. */
export function questionForReview(db: Db, user: ConsoleUser, id: number): Promise<QuestionForReview | undefined> {
  return itemForReview(db, questionReviewStore, user, id);
}

/** 受理: a received question is accepted today. */
export function acceptQuestion(db: Db, user: ConsoleUser, actor: Actor, id: number, now = new Date()): Promise<ReviewOutcome> {
  return decide(
    db,
    questionReviewStore,
    user,
    actor,
    id,
    { open: 'received', action: 'question.accept', targetType: 'question', close: async () => ({ status: 'accepted' as const }) },
    now,
  );
}

/** 不予受理: a received question is declined, with the reason the asker will read. */
export function declineQuestion(db: Db, user: ConsoleUser, actor: Actor, id: number, reason: string, now = new Date()): Promise<ReviewOutcome> {
  return decide(
    db,
    questionReviewStore,
    user,
    actor,
    id,
    {
      open: 'received',
      action: 'question.decline',
      targetType: 'question',
      close: async () => ({ status: 'declined' as const, reason }),
      audited: () => ({ reason }),
    },
    now,
  );
}

/**
 * 转办: a question not yet answered leaves the user's office for another's queue, in the status it
 * had (`from`, as the user saw it: accepted stays accepted, with its 受理日期); the receiving
 * office's accounts are told.
 */
export function transferQuestion(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  from: 'received' | 'accepted',
  to: string,
  now = new Date(),
): Promise<ReviewOutcome> {
  return decide(
    db,
    questionReviewStore,
    user,
    actor,
    id,
    {
      open: from,
      action: 'question.transfer',
      targetType: 'question',
      close: async (trx, item) => {
        await notifyQuestionArrived(trx, { id: item.id, title: item.title, channel: to, transferred: true, at: now.toISOString() }, now);
        return { status: from, transferTo: to };
      },
      audited: () => ({ channel: to }),
    },
    now,
  );
}

/** 答复: an accepted question is answered by the office that holds it. */
export function answerQuestion(db: Db, user: ConsoleUser, actor: Actor, id: number, answer: string, now = new Date()): Promise<ReviewOutcome> {
  return decide(
    db,
    questionReviewStore,
    user,
    actor,
    id,
    {
      open: 'accepted',
      action: 'question.answer',
      targetType: 'question',
      close: async (trx, item) => {
        // A published answer changes public pages and feeds: cached copies are made stale.
        if (item.publishConsent) await bumpContentVersion(trx);
        return { status: 'answered' as const, answer };
      },
      audited: () => ({ answer }),
    },
    now,
  );
}

/** One row of the statistics: questions received in a period or by an office, and how fast they were answered. */
export interface QuestionFigures {
  key: string;
  received: number;
  answered: number;
  /** Beijing calendar days from receipt to answer, over the answered ones; undefined when none. */
  averageDays: number | undefined;
  longestDays: number | undefined;
}

/** The statistics by office (the answering office, or the one holding it) and by Beijing month of receipt. */
export async function questionStatistics(db: Db, calendar: ChinaCalendarSql): Promise<{ byOffice: QuestionFigures[]; byMonth: QuestionFigures[] }> {
  const [byOffice, byMonth] = await Promise.all([questionTallies(db, calendar, 'office'), questionTallies(db, calendar, 'month')]);
  return { byOffice: byOffice.map(figuresOf), byMonth: byMonth.map(figuresOf) };
}

function figuresOf({ key, received, answered, totalDays, longestDays }: QuestionTally): QuestionFigures {
  return { key, received, answered, averageDays: answered === 0 ? undefined : Math.round((totalDays / answered) * 10) / 10, longestDays };
}
