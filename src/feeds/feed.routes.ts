// The route helper every feature with a feed uses: `<base>/rss.xml` and `<base>/atom.xml`, cached
// like pages (per content version and origin) and 404 where the source knows no feed.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { notFound } from '../http/errors.tsx';
import { siteOrigin } from '../http/origin.ts';
import { ATOM_CONTENT_TYPE, atomDocument } from './atom.ts';
import type { FeedSource } from './feed.ts';
import { RSS_CONTENT_TYPE, rssDocument } from './rss.ts';

/** Routes `${basePath}/rss.xml` and `${basePath}/atom.xml` (basePath may hold parameters: `/channels/:slug`). */
export function feedRoutes(ctx: Pick<RouteContext, 'cachedPage' | 'site'>, basePath: string, source: FeedSource): Hono {
  const formats = [
    { file: 'rss.xml', contentType: RSS_CONTENT_TYPE, write: rssDocument },
    { file: 'atom.xml', contentType: ATOM_CONTENT_TYPE, write: atomDocument },
  ];
  const app = new Hono();
  for (const format of formats) {
    app.get(
      `${basePath}/${format.file}`,
      ctx.cachedPage([], async (c) => {
        const feed = await source(c);
        if (!feed) throw notFound('没有这个订阅源。');
        const origin = siteOrigin(c);
        const site = { origin, selfUrl: `${origin}${c.req.path}`, publisher: ctx.site.hostOrganisation ?? ctx.site.siteName, siteName: ctx.site.siteName };
        return c.body(format.write(feed, site, new Date()), 200, { 'Content-Type': format.contentType });
      }),
    );
  }
  return app;
}
