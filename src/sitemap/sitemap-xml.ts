// The sitemaps protocol's two documents (https://www.sitemaps.org/protocol.html): a urlset, and
// the index that points to several when one file would pass the limit.
import type { Alternates } from '../i18n/alternates.ts';
import { el, xmlDocument } from '../lib/xml.ts';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
// Google's extension for language versions: <xhtml:link rel="alternate" hreflang=… href=…/>.
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** One address: a path of this site and the date (YYYY-MM-DD) its content last changed, when known. */
export interface SitemapEntry {
  path: string;
  lastmod?: string | undefined;
  /** The page in each language, when it has a counterpart: both entries list both, and x-default. */
  alternates?: Alternates | undefined;
}

/** A `<urlset>` of pages. */
export function urlsetDocument(origin: string, entries: readonly SitemapEntry[]): string {
  const link = (hreflang: string, path: string) => el('xhtml:link', { rel: 'alternate', hreflang, href: `${origin}${path}` });
  const alternatesOf = ({ alternates }: SitemapEntry) =>
    alternates ? [link('zh-CN', alternates['zh-CN']), link('en', alternates.en), link('x-default', alternates['zh-CN'])] : [];
  return xmlDocument(
    el(
      'urlset',
      { xmlns: SITEMAP_NS, 'xmlns:xhtml': XHTML_NS },
      ...entries.map((entry) => el('url', {}, ...locAndLastmod(origin, entry), ...alternatesOf(entry))),
    ),
  );
}

/** A `<sitemapindex>` of child sitemaps. */
export function sitemapIndexDocument(origin: string, children: readonly SitemapEntry[]): string {
  return xmlDocument(el('sitemapindex', { xmlns: SITEMAP_NS }, ...children.map((child) => el('sitemap', {}, ...locAndLastmod(origin, child)))));
}

function locAndLastmod(origin: string, entry: SitemapEntry) {
  return [el('loc', {}, `${origin}${entry.path}`), entry.lastmod === undefined ? undefined : el('lastmod', {}, entry.lastmod)];
}
