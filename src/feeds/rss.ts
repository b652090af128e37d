// RSS 2.0 (https://www.rssboard.org/rss-specification) with the full text in content:encoded.
import { el, xmlDocument, type XmlElement } from '../lib/xml.ts';
import { rfc822 } from './feed-dates.ts';
import { feedUpdated, type Feed, type FeedEntry, type FeedSite } from './feed.ts';

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

/** The feed as an RSS 2.0 document. */
export function rssDocument(feed: Feed, site: FeedSite, now: Date): string {
  const url = (path: string) => `${site.origin}${path}`;
  const item = (entry: FeedEntry): XmlElement =>
    el(
      'item',
      {},
      el('title', {}, entry.title),
      el('link', {}, url(entry.path)),
      el('guid', { isPermaLink: 'true' }, url(entry.path)),
      el('pubDate', {}, rfc822(entry.published)),
      entry.category && el('category', { domain: url(entry.category.path) }, entry.category.label),
      el('description', {}, entry.summary),
      el('content:encoded', {}, entry.contentHtml),
    );
  return xmlDocument(
    el(
      'rss',
      { version: '2.0', 'xmlns:content': 'http://purl.org/rss/1.0/modules/content/', 'xmlns:atom': 'http://www.w3.org/2005/Atom' },
      el(
        'channel',
        {},
        el('title', {}, feed.title),
        el('link', {}, url(feed.path)),
        el('description', {}, feed.description),
        el('language', {}, feed.language),
        el('lastBuildDate', {}, rfc822(feedUpdated(feed, now.toISOString()))),
        el('atom:link', { href: site.selfUrl, rel: 'self', type: 'application/rss+xml' }),
        ...feed.entries.map(item),
      ),
    ),
  );
}
