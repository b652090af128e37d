// 企业诉求办理情况: the public statistics page and its monthly feed.
import { Hono } from 'hono';
import { feedRoutes } from '../feeds/feed.routes.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError } from '../http/errors.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { chinaDate } from '../lib/china-time.ts';
import { monthlyAppealFeed } from './appeal.feeds.tsx';
import { appealStatistics, appealStatsYears, statsPeriodFor } from './appeal-stats.service.ts';
import { AppealStatsPage } from './views/appeal-stats-page.tsx';

/** Routes: `/appeals/stats` (`?period=2026` or `2026-10`), the feeds `/appeals/stats/rss.xml` and `/appeals/stats/atom.xml`. */
export function appealStatsRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const districtName = (slug: string) => ctx.navChannel(slug).name;
  // The feed (finished months) is cached: resolutions, ratings, reviews and transfers bump the content
  // version. The page is not: it counts every request filed, and a public form must not be able to
  // make the whole site's cache stale (nor would a cached default period turn with the year).
  return new Hono()
    .route('/', feedRoutes(ctx, '/appeals/stats', monthlyAppealFeed({ db, channels, site: ctx.site, districtName })))
    .get('/appeals/stats', async (c) => {
      const now = new Date();
      const period = statsPeriodFor(c.req.query('period'), now);
      if ('problem' in period) throw new AppError(400, 'bad_request', period.problem);
      const [statistics, years] = await Promise.all([appealStatistics(db, channels, period, now), appealStatsYears(db, now)]);
      const scripts = { echartsHref: ctx.assetHref('echarts.min.js'), chartsHref: ctx.assetHref('charts.js') };
      return c.html(
        htmlDocument(
          <AppealStatsPage
            chrome={await ctx.chrome(c)}
            scripts={scripts}
            statistics={statistics}
            years={years}
            lastMonth={chinaDate(now).slice(0, 7)}
            districtName={districtName}
          />,
        ),
      );
    });
}
