// 留言办理: messages to the offices must be answered; one waiting three months fails the site.
import { unansweredMessagesBefore } from '../../contact/message.service.ts';
import { chinaDate, chinaDayStart, daysBetween } from '../../lib/china-time.ts';
import type { InspectionCheck } from '../inspection-check.ts';

/** Days unanswered at which a message is reported: warnings at 30 and 60, a veto at 90 (three months). */
export const MESSAGE_WARNING_DAYS = 30;
export const MESSAGE_LATE_DAYS = 60;
export const MESSAGE_VETO_DAYS = 90;
/** The most late messages listed; a site with more has a bigger problem than this list. */
const LISTED = 500;

/** Open messages received MESSAGE_WARNING_DAYS or more Beijing calendar days ago, each with its days. */
export const unansweredMessagesCheck: InspectionCheck = {
  id: 'unanswered-messages',
  title: `留言 ${MESSAGE_WARNING_DAYS} / ${MESSAGE_LATE_DAYS} / ${MESSAGE_VETO_DAYS} 天未答复(${MESSAGE_VETO_DAYS} 天为单项否决)`,
  audience: ['admin', 'reviewer'],
  quick: true,
  async run({ db, now }) {
    const today = chinaDate(now);
    // A message of day D has waited MESSAGE_WARNING_DAYS days when D ≤ today − 30, i.e. it came
    // in before the first instant of day today − 29.
    const receivedBefore = chinaDayStart(shiftDate(today, -(MESSAGE_WARNING_DAYS - 1)))!;
    const late = await unansweredMessagesBefore(db, receivedBefore, LISTED);
    if (late.length === 0) return [{ severity: 'ok', message: `没有超过 ${MESSAGE_WARNING_DAYS} 天未答复的留言`, href: '/admin/messages', channel: undefined }];
    return late.map((message) => {
      const receivedOn = chinaDate(message.createdAt);
      const days = daysBetween(receivedOn, today);
      return {
        severity: days >= MESSAGE_VETO_DAYS ? ('veto' as const) : ('warning' as const),
        message: `留言《${message.subject}》已 ${days} 天未答复(${receivedOn} 收到,${waitLabel(days)})`,
        href: `/admin/messages/${message.id}`,
        channel: message.channel,
      };
    });
  },
};

/** Which threshold a wait has passed. */
function waitLabel(days: number): string {
  if (days >= MESSAGE_VETO_DAYS) return `满 ${MESSAGE_VETO_DAYS} 天,单项否决`;
  return `满 ${days >= MESSAGE_LATE_DAYS ? MESSAGE_LATE_DAYS : MESSAGE_WARNING_DAYS} 天`;
}

/** The calendar date `days` days from `date` (YYYY-MM-DD). */
function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
