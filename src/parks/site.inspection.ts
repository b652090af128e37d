// 载体库: a site whose vacancy was last confirmed more than 90 days ago shows 待更新 to the public;
// the inspection lists each one for its district's editors (a warning: stale facts mislead
// investors, though no inspection rule vetoes the site for them).
import type { InspectionCheck } from '../inspection/inspection-check.ts';
import { chinaDate, daysBetween } from '../lib/china-time.ts';
import { STALE_AFTER_DAYS } from './site.ts';
import { staleSites } from './site.service.ts';

/** The most stale sites listed; a site with more has a bigger problem than this list. */
const LISTED = 500;

/** Sites whose vacancy (a plot's status) was confirmed more than 90 Beijing calendar days ago. */
export const staleVacancyCheck: InspectionCheck = {
  id: 'stale-vacancy',
  title: `载体空置信息超过 ${STALE_AFTER_DAYS} 天未确认`,
  audience: ['admin', 'editor'],
  quick: true,
  async run({ db, now }) {
    const stale = await staleSites(db, undefined, LISTED, now);
    if (stale.length === 0)
      return [{ severity: 'ok', message: `没有超过 ${STALE_AFTER_DAYS} 天未确认空置信息的载体`, href: '/admin/parks', channel: undefined }];
    const today = chinaDate(now);
    return stale.map((site) => ({
      severity: 'warning' as const,
      message: `载体《${site.name}》的空置信息已 ${daysBetween(site.confirmedOn, today)} 天未确认(最近确认 ${site.confirmedOn}),公开页面显示“待更新”`,
      href: `/admin/parks/${site.id}`,
      channel: site.channel,
    }));
  },
};
