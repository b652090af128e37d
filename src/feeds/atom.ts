// Atom 1.0 (RFC 4287), the full text in <content type="html">.
import { el, xmlDocument, type XmlElement } from '../lib/xml.ts';
import { rfc3339 } from './feed-dates.ts';
import { feedUpdated, type Feed, type FeedEntry, type FeedSite } from './feed.ts';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/** The feed as an Atom 1.0 document. */
export function atomDocument(feed: Feed, site: FeedSite, now: Date): string {
  const url = (path: string) => `${site.origin}${path}`;
  const entry = (item: FeedEntry): XmlElement =>
    el(
      'entry',
      {},
      el('id', {}, url(item.path)),
      el('title', { type: 'text' }, item.title),
      el('link', { rel: 'alternate', type: 'text/html', href: url(item.path) }),
      // Published keeps its +08:00: the day it names is a Beijing calendar day.
      el('published', {}, item.published),
      el('updated', {}, rfc3339(item.updated)),
      item.category && el('category', { term: item.category.term, label: item.category.label, scheme: url(`${parentPath(item.category.path)}/`) }),
      el('summary', { type: 'text' }, item.summary),
      el('content', { type: 'html' }, item.contentHtml),
    );
  return xmlDocument(
    el(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.language },
      el('id', {}, site.selfUrl),
      el('title', { type: 'text' }, feed.title),
      el('subtitle', { type: 'text' }, feed.description),
      el('link', { rel: 'self', type: 'application/atom+xml', href: site.selfUrl }),
      el('link', { rel: 'alternate', type: 'text/html', href: url(feed.path) }),
      el('updated', {}, rfc3339(feedUpdated(feed, now.toISOString()))),
      el('author', {}, el('name', {}, site.publisher), el('uri', {}, site.origin)),
      el('generator', {}, site.siteName),
      ...feed.entries.map(entry),
    ),
  );
}

// `/channels` of `/channels/donghu`: the scheme names the list the terms come from.
function parentPath(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}
