// 诉求超期: a request still being handled after its deadline is an inspection warning in its
// district, linked to its console page, so the office sees it beside late questions and messages.
import { chinaDate, daysBetween } from '../lib/china-time.ts';
import type { InspectionCheck } from '../inspection/inspection-check.ts';
import { overdueAppeals } from './appeal-deadlines.service.ts';

/** The most overdue requests listed; a site with more has a bigger problem than this list. */
const LISTED = 500;

/** Assigned requests whose deadline (a Beijing date, end of day) has passed. */
export const overdueAppealsCheck: InspectionCheck = {
  id: 'overdue-appeals',
  title: '企业诉求超过办理期限未办结',
  audience: ['admin', 'editor', 'reviewer'],
  quick: true,
  async run({ db, now }) {
    const today = chinaDate(now);
    const overdue = await overdueAppeals(db, today, LISTED);
    if (overdue.length === 0) return [{ severity: 'ok', message: '没有超过办理期限的企业诉求', href: '/admin/appeals', channel: undefined }];
    return overdue.map((appeal) => ({
      severity: 'warning' as const,
      message: `企业诉求《${appeal.title}》已超过办理期限 ${daysBetween(appeal.dueOn, today)} 天(期限 ${appeal.dueOn}${appeal.dueProvisional ? ',暂按周一至周五计算' : ''})`,
      href: `/admin/appeals/${appeal.id}`,
      channel: appeal.channel,
    }));
  },
};
