// The site's maps: the 网站地图 page for readers, and what search engines read: /robots.txt,
// /sitemap.xml and the child sitemaps under /sitemaps/.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { notFound } from '../http/errors.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { siteOrigin } from '../http/origin.ts';
import { sitemapIndexDocument, urlsetDocument } from './sitemap-xml.ts';
import { channelGroupsWithArticles, childSitemap, siteSitemap, SITEMAP_MAX_URLS, type SitemapPart } from './sitemap.service.ts';
import { SitemapPage } from './views/sitemap-page.tsx';

const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';
const CHILD_FILE = /^(pages|articles)-([1-9]\d{0,8})\.xml$/u;

/** Routes: `/sitemap`, `/robots.txt`, `/sitemap.xml`, `/sitemaps/<part>-<n>.xml`; `maxUrls` per file (tests pass a small one). */
export function sitemapRoutes(ctx: Pick<RouteContext, 'db' | 'channels' | 'cachedPage' | 'chrome'>, maxUrls = SITEMAP_MAX_URLS): Hono {
  const { db, channels, cachedPage } = ctx;
  return new Hono()
    .get(
      '/sitemap',
      cachedPage([], async (c) => {
        const channelGroups = await channelGroupsWithArticles(db, channels);
        return c.html(htmlDocument(<SitemapPage chrome={await ctx.chrome(c)} channelGroups={channelGroups} />));
      }),
    )
    .get(
      '/robots.txt',
      cachedPage([], (c) => c.text(robotsTxt(siteOrigin(c)))),
    )
    .get(
      '/sitemap.xml',
      cachedPage([], async (c) => {
        const sitemap = await siteSitemap(db, channels, maxUrls);
        const origin = siteOrigin(c);
        const xml = sitemap.kind === 'urlset' ? urlsetDocument(origin, sitemap.entries) : sitemapIndexDocument(origin, sitemap.children);
        return c.body(xml, 200, { 'Content-Type': XML_CONTENT_TYPE });
      }),
    )
    .get(
      '/sitemaps/:file',
      cachedPage([], async (c) => {
        const match = CHILD_FILE.exec(c.req.param('file') ?? '');
        const entries = match && (await childSitemap(db, channels, match[1] as SitemapPart, Number(match[2]), maxUrls));
        if (!entries) throw notFound('没有这个站点地图文件。');
        return c.body(urlsetDocument(siteOrigin(c), entries), 200, { 'Content-Type': XML_CONTENT_TYPE });
      }),
    );
}

/**
 * The public site is open to crawlers; the console, the APIs and search results (endless query
 * strings, each a copy of articles listed elsewhere) are not.
 */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /search',
    'Disallow: /en/search',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
