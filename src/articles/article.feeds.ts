// The articles' feeds: the site's newest articles and each channel's, in the shape src/feeds writes.
import type { Context } from 'hono';
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import type { Db } from '../db/database.ts';
import type { Feed, FeedEntry } from '../feeds/feed.ts';
import type { SiteIdentity } from '../config.ts';
import { chinaMidnight } from '../lib/china-time.ts';
import type { Article } from './article.ts';
import { newestArticles } from './article.service.ts';
import { articleBodyHtml } from './views/article-body.tsx';

/** How many articles a feed lists. */
export const FEED_SIZE = 50;

/** What the article feeds need. */
interface FeedDeps {
  db: Db;
  channels: ChannelCatalog;
  site: SiteIdentity;
}

/** The site-wide feed: the newest articles of every channel. */
export function siteArticleFeed({ db, channels, site }: FeedDeps) {
  return async (): Promise<Feed> => ({
    title: site.siteName,
    description: `${site.siteName}:南昌市及各区县、开发区招商引资资讯`,
    path: '/',
    language: 'zh-CN',
    entries: (await newestArticles(db, FEED_SIZE)).map((article) => articleFeedEntry(article, channels)),
  });
}

/** A channel's feed (`:slug`); undefined for an unknown channel. */
export function channelArticleFeed({ db, channels, site }: FeedDeps) {
  return async (c: Context): Promise<Feed | undefined> => {
    const channel = channels.bySlug(c.req.param('slug') ?? '');
    if (!channel) return undefined;
    return {
      title: `${channel.name}招商 - ${site.siteName}`,
      description: `${channel.name}招商引资资讯`,
      path: `/channels/${channel.slug}`,
      language: 'zh-CN',
      entries: (await newestArticles(db, FEED_SIZE, channel.slug)).map((article) => articleFeedEntry(article, channels)),
    };
  };
}

/**
 * One article as a feed entry. The title is the original one, channel tag included (【东湖区招商】…),
 * and the category names the channel by slug, so an importer reading the feed back gets the article
 * it would import from the seed: same title, same channel, same Beijing date.
 */
export function articleFeedEntry(article: Article, channels: ChannelCatalog): FeedEntry {
  const channel = channels.bySlug(article.channel);
  return {
    path: `/articles/${article.id}`,
    title: article.originalTitle,
    published: chinaMidnight(article.publishedOn),
    updated: article.updatedAt,
    category: channel && { term: channel.slug, label: channel.name, path: `/channels/${channel.slug}` },
    summary: article.excerpt,
    contentHtml: articleBodyHtml(article),
  };
}
