// Whether the holiday arrangements the portal holds reach far enough: each year's notice has to be
// copied into data/calendar by hand, and the inspection watch reminds the administrators to.
import { chinaDate } from '../lib/china-time.ts';
import type { InspectionCheck } from '../inspection/inspection-check.ts';

/** From this day (MM-DD) next year's notice may be out: every one since 2011 came between 25 October and 16 December. */
export const NEXT_YEAR_EXPECTED = '11-01';

export const calendarCoverageCheck: InspectionCheck = {
  id: 'holiday-calendar',
  title: '法定节假日安排(诉求办理期限按工作日计算)',
  audience: ['admin'],
  quick: true,
  async run({ calendar, now }) {
    const today = chinaDate(now);
    const year = Number(today.slice(0, 4));
    const missing = [year, year + 1].filter((y) => !calendar.covers(y) && (y === year || today.slice(5) >= NEXT_YEAR_EXPECTED));
    if (missing.length === 0)
      return [{ severity: 'ok', message: `已有 ${calendar.years.join('、')} 年的节假日安排`, href: '/admin/appeals', channel: undefined }];
    return missing.map((y) => ({
      severity: 'warning' as const,
      message: `缺少 ${y} 年的节假日安排(data/calendar/${y}.json):跨入该年的办理期限暂按周一至周五计算,请按国务院办公厅通知补充`,
      href: '/admin/appeals',
      channel: undefined,
    }));
  },
};
