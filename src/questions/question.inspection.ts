// 问答办理: questions to the offices must be answered (or declined with a reason); one waiting
// 30, 60 or 90 days is an inspection finding, 90 (three months) fails the site as for messages.
import { chinaDate, chinaDayStart, daysBetween } from '../lib/china-time.ts';
import type { InspectionCheck } from '../inspection/inspection-check.ts';
import { unansweredQuestionsBefore } from './question.service.ts';

/** Days unanswered at which a question is reported: warnings at 30 and 60, a veto at 90. */
export const QUESTION_WARNING_DAYS = 30;
export const QUESTION_LATE_DAYS = 60;
export const QUESTION_VETO_DAYS = 90;
/** The most late questions listed; a site with more has a bigger problem than this list. */
const LISTED = 500;
const DAY_MS = 86_400_000;

/** Questions neither answered nor declined, received QUESTION_WARNING_DAYS or more Beijing calendar days ago. */
export const unansweredQuestionsCheck: InspectionCheck = {
  id: 'unanswered-questions',
  title: `问答 ${QUESTION_WARNING_DAYS} / ${QUESTION_LATE_DAYS} / ${QUESTION_VETO_DAYS} 天未答复(${QUESTION_VETO_DAYS} 天为单项否决)`,
  audience: ['admin', 'editor', 'reviewer'],
  quick: true,
  async run({ db, now }) {
    const today = chinaDate(now);
    // A question of day D has waited 30 days when D ≤ today − 30, i.e. it came in before the first
    // instant of day today − 29 (Beijing has no daylight saving: every day is 24 hours).
    const receivedBefore = new Date(Date.parse(chinaDayStart(today)!) - (QUESTION_WARNING_DAYS - 1) * DAY_MS).toISOString();
    const late = await unansweredQuestionsBefore(db, receivedBefore, LISTED);
    if (late.length === 0)
      return [{ severity: 'ok', message: `没有超过 ${QUESTION_WARNING_DAYS} 天未答复的问题`, href: '/admin/questions', channel: undefined }];
    return late.map((question) => {
      const receivedOn = chinaDate(question.createdAt);
      const days = daysBetween(receivedOn, today);
      const passed =
        days >= QUESTION_VETO_DAYS
          ? `满 ${QUESTION_VETO_DAYS} 天,单项否决`
          : `满 ${days >= QUESTION_LATE_DAYS ? QUESTION_LATE_DAYS : QUESTION_WARNING_DAYS} 天`;
      return {
        severity: days >= QUESTION_VETO_DAYS ? ('veto' as const) : ('warning' as const),
        message: `问题《${question.title}》已 ${days} 天未答复(${receivedOn} 收到,${passed})`,
        href: `/admin/questions/${question.id}`,
        channel: question.channel,
      };
    });
  },
};
