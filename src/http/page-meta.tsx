// What a page's <head> tells search engines, feed readers and link previews (WeChat, Weibo, chat
// apps): canonical URL, description, Open Graph, Twitter card, feed autodiscovery, JSON-LD.
import { html, raw } from 'hono/html';
import type { SiteIdentity } from '../config.ts';
import type { Alternates } from '../i18n/alternates.ts';
import { scriptSafeJson, type PageAddress } from './page-address.ts';

/** The languages pages are written in: the HTML tag and Open Graph's locale of each. */
export const PAGE_LANGUAGES = {
  'zh-CN': { ogLocale: 'zh_CN' },
  en: { ogLocale: 'en_US' },
} as const;

export type PageLanguage = keyof typeof PAGE_LANGUAGES;

/** A pair of feeds (`<basePath>/rss.xml`, `<basePath>/atom.xml`) a page links for autodiscovery. */
export interface PageFeed {
  title: string;
  /** `''` for the site's feeds, `/channels/donghu` for a channel's. */
  basePath: string;
}

/** An article's dates and section, for Open Graph's article:* properties. */
export interface ArticleMeta {
  /** RFC 3339 instants. */
  publishedTime: string;
  modifiedTime: string;
  section: string;
}

/**
 * A `<link>` in `<head>`, written as escaped text. hono/jsx renders every `<link>` that is not a
 * plain stylesheet as document metadata it may hoist into `<head>`: a separate rendering of its own,
 * plus a callback run while the page's text is put together. Ours are in `<head>` already, and
 * the 6–9 of a page cost 6–8 % of its CPU on a miss (home 0.57 → 0.53 ms, article 0.81 → 0.77 ms in
 * process, the same bytes out).
 */
export function headLink(attributes: Readonly<Record<string, string>>) {
  const written = Object.entries(attributes).map(([name, value]) => html` ${raw(name)}="${value}"`);
  return html`<link${written}/>`;
}

/** The head elements every public page carries. */
export function PageMeta(props: {
  site: SiteIdentity;
  address: PageAddress | undefined;
  title: string;
  description: string;
  lang: PageLanguage;
  /** The page in each language: hreflang links, the Chinese one also as x-default. */
  alternates?: Alternates | undefined;
  feeds: readonly PageFeed[];
  article?: ArticleMeta | undefined;
  jsonLd?: object | undefined;
}) {
  const { site, address, title, description } = props;
  const canonicalUrl = address?.canonicalUrl;
  return (
    <>
      <meta name="description" content={description} />
      {canonicalUrl && headLink({ rel: 'canonical', href: canonicalUrl })}
      {canonicalUrl && props.alternates && (
        <>
          {headLink({ rel: 'alternate', hreflang: 'zh-CN', href: `${address!.origin}${props.alternates['zh-CN']}` })}
          {headLink({ rel: 'alternate', hreflang: 'en', href: `${address!.origin}${props.alternates.en}` })}
          {headLink({ rel: 'alternate', hreflang: 'x-default', href: `${address!.origin}${props.alternates['zh-CN']}` })}
        </>
      )}
      <meta property="og:site_name" content={site.siteName} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      {canonicalUrl && <meta property="og:url" content={canonicalUrl} />}
      <meta property="og:type" content={props.article ? 'article' : 'website'} />
      <meta property="og:locale" content={PAGE_LANGUAGES[props.lang].ogLocale} />
      {props.article && (
        <>
          <meta property="article:published_time" content={props.article.publishedTime} />
          <meta property="article:modified_time" content={props.article.modifiedTime} />
          <meta property="article:section" content={props.article.section} />
        </>
      )}
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      {props.feeds.map((feed) => (
        <>
          {headLink({ rel: 'alternate', type: 'application/rss+xml', title: `${feed.title}(RSS)`, href: `${feed.basePath}/rss.xml` })}
          {headLink({ rel: 'alternate', type: 'application/atom+xml', title: `${feed.title}(Atom)`, href: `${feed.basePath}/atom.xml` })}
        </>
      ))}
      {props.jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(props.jsonLd) }} />}
    </>
  );
}

/** What a page says about itself when it supplies no description of its own. */
export function defaultDescription(site: SiteIdentity): string {
  return `${site.siteName}:南昌市及各区县、开发区的招商引资资讯、经济数据和项目库。`;
}
