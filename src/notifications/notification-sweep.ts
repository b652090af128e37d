// The reminders' sweep, run by every server process every minute: requests (企业诉求) due within
// one working day or overdue tell their handler, questions unanswered past their deadline tell
// their office, and emails still to send are sent. Running it twice, or in several processes at
// once, tells each event once (notification.store.ts: unique per account and event).
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { litAppeals } from '../appeals/appeal-deadlines.service.ts';
import { addCalendarDays } from '../calendar/working-calendar.ts';
import { chinaDate, chinaDayStart } from '../lib/china-time.ts';
import { unansweredQuestionsBefore } from '../questions/question.service.ts';
import type { NotificationEvent } from './notification.ts';
import { accountsOfOffice, recordNotifications, sendEmails, type NotifyDeps } from './notification.service.ts';

/** How many late questions one sweep looks at; the rest wait for the next. */
const LATE_QUESTIONS_PER_RUN = 500;

/** What the sweep reads and tells through. */
export interface SweepDeps extends NotifyDeps {
  calendar: WorkingCalendar;
  /** QUESTION_WORKING_DAYS: a question's deadline, in working days after the day it was received. */
  questionWorkingDays: number;
}

/** What one sweep did. */
export interface SweepOutcome {
  /** Reminders written now (events already told are not counted again). */
  told: number;
  emailed: number;
}

/** One run of the sweep at `now`. */
export async function sweepNotifications(deps: SweepDeps, now: Date): Promise<SweepOutcome> {
  const events = [...(await appealDeadlineEvents(deps, now)), ...(await lateQuestionEvents(deps, now))];
  const told = (await recordNotifications(deps.db, events, now)).length;
  const emailed = await sendEmails(deps, now);
  return { told, emailed };
}

/** A question's deadline: the Beijing date `workingDays` working days after the day it was received. */
export function questionDeadline(calendar: WorkingCalendar, receivedAt: string, workingDays: number): string {
  return calendar.addWorkingDays(chinaDate(receivedAt), workingDays).date;
}

/**
 * Assigned requests due today or on the next working day (due_soon), or whose deadline has passed
 * (overdue), each told to its handler once per deadline (an extension's new deadline is told again).
 */
async function appealDeadlineEvents({ db, calendar }: SweepDeps, now: Date): Promise<NotificationEvent[]> {
  const today = chinaDate(now);
  return (await litAppeals(db, calendar, today)).flatMap(({ handlerId, ...appeal }) => {
    // A handler whose account was removed leaves the request to the desk's lights.
    if (handlerId === null) return [];
    const overdue = appeal.dueOn < today;
    return {
      recipientId: handlerId,
      kind: overdue ? ('overdue' as const) : ('due_soon' as const),
      subject: overdue ? `企业诉求“${appeal.title}”已超过办理期限(${appeal.dueOn})` : `企业诉求“${appeal.title}”将于 ${appeal.dueOn} 到期,请抓紧办理`,
      href: `/admin/appeals/${appeal.id}`,
      dedupeKey: `appeal:${appeal.id}:${overdue ? 'overdue' : 'due_soon'}:${appeal.dueOn}:${handlerId}`,
    };
  });
}

/** Questions not answered or declined whose deadline has passed, told to the office that holds them. */
async function lateQuestionEvents({ db, calendar, questionWorkingDays }: SweepDeps, now: Date): Promise<NotificationEvent[]> {
  const today = chinaDate(now);
  // N working days are at least N calendar days: a question received since then cannot be late yet.
  const receivedBefore = chinaDayStart(addCalendarDays(today, -questionWorkingDays))!;
  const open = await unansweredQuestionsBefore(db, receivedBefore, LATE_QUESTIONS_PER_RUN);
  const late = open
    .map((question) => ({ question, deadline: questionDeadline(calendar, question.createdAt, questionWorkingDays) }))
    .filter(({ deadline }) => deadline < today);
  const offices = new Map<string, number[]>();
  for (const { question } of late) if (!offices.has(question.channel)) offices.set(question.channel, await accountsOfOffice(db, question.channel));
  return late.flatMap(({ question, deadline }) =>
    offices.get(question.channel)!.map((recipientId) => ({
      recipientId,
      kind: 'overdue' as const,
      subject: `问题“${question.title}”已超过答复期限(${deadline}),请尽快答复`,
      href: `/admin/questions/${question.id}`,
      dedupeKey: `question:${question.id}:overdue:${deadline}:${question.channel}`,
    })),
  );
}
