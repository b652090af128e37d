// 首页更新: the home page shows the newest articles, so it is as fresh as the newest one.
import { newestArticles } from '../../articles/article.service.ts';
import { chinaDate, daysBetween } from '../../lib/china-time.ts';
import type { InspectionCheck } from '../inspection-check.ts';

/** A home page not updated for two weeks fails the inspection: 15 days without a new article is a veto. */
export const HOME_PAGE_MAX_DAYS = 14;

/** Days since the newest published article (Beijing dates); more than HOME_PAGE_MAX_DAYS is a veto. */
export const homePageCheck: InspectionCheck = {
  id: 'home-page',
  title: `首页 ${HOME_PAGE_MAX_DAYS} 天内有更新`,
  audience: ['admin', 'editor'],
  quick: true,
  async run({ db, now }) {
    const [newest] = await newestArticles(db, 1);
    const href = '/admin/articles/new';
    if (!newest) return [{ severity: 'veto', message: '首页还没有发布过文章', href, channel: undefined }];
    const days = daysBetween(newest.publishedOn, chinaDate(now));
    if (days > HOME_PAGE_MAX_DAYS) return [{ severity: 'veto', message: `首页已 ${days} 天未更新(最新文章 ${newest.publishedOn})`, href, channel: undefined }];
    return [{ severity: 'ok', message: `首页 ${days} 天前更新(最新文章 ${newest.publishedOn})`, href: `/articles/${newest.id}`, channel: undefined }];
  },
};
