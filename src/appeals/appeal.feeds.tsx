// The monthly statistics' feed (/appeals/stats/rss.xml, /appeals/stats/atom.xml): one entry per
// finished month, newest first, with the month's figures and each district's.
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import type { SiteIdentity } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Feed, FeedEntry } from '../feeds/feed.ts';
import { chinaMidnight } from '../lib/china-time.ts';
import { monthName, nextMonth, rateText } from './appeal-stats.ts';
import { monthlyAppealReports, type MonthlyAppealReport } from './appeal-stats.service.ts';

/** One sentence of figures: 受理 12 件,办结 10 件,办结率 83.3%,…. */
function figuresSentence(figures: MonthlyAppealReport['total']): string {
  return `受理 ${figures.received} 件,办结 ${figures.resolved} 件,办结率 ${rateText(figures.resolvedRate)},按期办结率 ${rateText(figures.onTimeRate)},满意率 ${rateText(figures.satisfiedRate)}`;
}

/** A finished month as a feed entry: published when the month ended, updated when its last request changed. */
function monthFeedEntry(report: MonthlyAppealReport, districtName: (slug: string) => string): FeedEntry {
  const title = `${monthName(report.month)}企业诉求办理情况`;
  const published = chinaMidnight(`${nextMonth(report.month)}-01`);
  const updated = report.lastChangedAt !== undefined && Date.parse(report.lastChangedAt) > Date.parse(published) ? report.lastChangedAt : published;
  const summary = `${title}:${figuresSentence(report.total)}。`;
  const content = (
    <div>
      <p>{summary}</p>
      {report.byChannel.length > 0 && (
        <ul>
          {report.byChannel.map((row) => (
            <li>
              {districtName(row.channel)}:{figuresSentence(row.figures)}
            </li>
          ))}
        </ul>
      )}
      <p>按提交诉求的月份统计,各项比率的分母为 0 时记为“—”。</p>
    </div>
  );
  return { path: `/appeals/stats?period=${report.month}`, title, published, updated, category: undefined, summary, contentHtml: content.toString() };
}

/** The feed of the finished months' statistics. */
export function monthlyAppealFeed(deps: { db: Db; channels: ChannelCatalog; site: SiteIdentity; districtName: (slug: string) => string }) {
  return async (): Promise<Feed> => ({
    title: `企业诉求办理情况 - ${deps.site.siteName}`,
    description: '每月企业诉求的受理、办结、按期办结和满意情况',
    path: '/appeals/stats',
    language: 'zh-CN',
    entries: (await monthlyAppealReports(deps.db, deps.channels, new Date())).map((report) => monthFeedEntry(report, deps.districtName)),
  });
}
