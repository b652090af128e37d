// The sitemaps protocol's two documents (https://www.sitemaps.org/protocol.html): a urlset, and
// the index that points to several when one file would pass the limit.
import { el, xmlDocument } from '../lib/xml.ts';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** One address: a path of this site and the date (YYYY-MM-DD) its content last changed, when known. */
export interface SitemapEntry {
  path: string;
  lastmod?: string | undefined;
}

/** A `<urlset>` of pages. */
export function urlsetDocument(origin: string, entries: readonly SitemapEntry[]): string {
  return xmlDocument(el('urlset', { xmlns: SITEMAP_NS }, ...entries.map((entry) => el('url', {}, ...locAndLastmod(origin, entry)))));
}

/** A `<sitemapindex>` of child sitemaps. */
export function sitemapIndexDocument(origin: string, children: readonly SitemapEntry[]): string {
  return xmlDocument(el('sitemapindex', { xmlns: SITEMAP_NS }, ...children.map((child) => el('sitemap', {}, ...locAndLastmod(origin, child)))));
}

function locAndLastmod(origin: string, entry: SitemapEntry) {
  return [el('loc', {}, `${origin}${entry.path}`), entry.lastmod === undefined ? undefined : el('lastmod', {}, entry.lastmod)];
}
