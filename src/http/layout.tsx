// The one page layout: header with channel navigation, main landmark, footer with the public
// services and the site's identity lines.
import type { Child } from 'hono/jsx';
import type { SiteIdentity } from '../config.ts';
import type { PageAddress } from './page-address.ts';
import { defaultDescription, PageMeta, type ArticleMeta, type PageFeed, type PageLanguage } from './page-meta.tsx';
import { SiteFooter, type FooterContent } from './site-footer.tsx';

/** A channel as the navigation shows it. */
export interface NavChannel {
  slug: string;
  name: string;
}

/** What every page needs besides its own content. */
export interface PageChrome {
  site: SiteIdentity;
  /** What the footer shows, built once from the configuration (site-footer.tsx). */
  footer: FooterContent;
  stylesheetHref: string;
  iconHref: string;
  /** The large-text mode's script (public/text-size.js); pages work without it. */
  textSizeScriptHref?: string;
  /** Channels with articles, in navigation order; empty on error pages. */
  nav: NavChannel[];
  /** The page's origin and canonical URL; absent on error pages. */
  address?: PageAddress | undefined;
}

/** The full HTML document around a page's content. */
export function Layout(props: {
  chrome: PageChrome;
  title: string;
  description?: string;
  currentChannel?: string;
  home?: boolean;
  /** The navigation or footer link this page belongs to (`/data` for every data page). */
  section?: string;
  /** Shown in the header's search box (the search page passes the current query). */
  searchQuery?: string;
  head?: Child;
  /** The page's language (default zh-CN): `<html lang>`, og:locale; JSON-LD states it itself. */
  lang?: PageLanguage;
  /** Feeds besides the site's that the page links for autodiscovery (its channel's). */
  feeds?: readonly PageFeed[];
  /** Set on article pages: Open Graph type `article` with these properties. */
  article?: ArticleMeta;
  /** schema.org data about the page. */
  jsonLd?: object;
  children: Child;
}) {
  const { chrome, title } = props;
  const { site } = chrome;
  const fullTitle = props.home ? site.siteName : `${title} - ${site.siteName}`;
  const lang = props.lang ?? 'zh-CN';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <PageMeta
          site={site}
          address={chrome.address}
          title={props.home ? site.siteName : title}
          description={props.description ?? defaultDescription(site)}
          lang={lang}
          feeds={[{ title: site.siteName, basePath: '' }, ...(props.feeds ?? [])]}
          article={props.article}
          jsonLd={props.jsonLd}
        />
        <link rel="stylesheet" href={chrome.stylesheetHref} />
        <link rel="icon" href={chrome.iconHref} type="image/svg+xml" />
        <TextSizeScript chrome={chrome} />
        {props.head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          跳到正文
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href="/">
              {site.siteName}
            </a>
            <span class="site-tagline">投资南昌 · 招商资讯</span>
            <form class="site-search" action="/search" method="get" role="search" aria-label="全站搜索">
              <input type="search" name="q" value={props.searchQuery ?? ''} placeholder="搜索文章" aria-label="搜索关键词" maxlength={100} />
              <button type="submit">搜索</button>
            </form>
            <TextSizeToggle />
          </div>
        </header>
        {chrome.nav.length > 0 && (
          <nav class="channel-nav" aria-label="频道">
            <ul class="wrap">
              <li>
                <a href="/" aria-current={props.home ? 'page' : undefined}>
                  首页
                </a>
              </li>
              {chrome.nav.map((channel) => (
                <li>
                  <a href={`/channels/${channel.slug}`} aria-current={props.currentChannel === channel.slug ? 'page' : undefined}>
                    {channel.name}
                  </a>
                </li>
              ))}
              <li>
                <a href="/channels" aria-current={current(props.section, '/channels')}>
                  全部频道
                </a>
              </li>
              <li>
                <a href="/data" aria-current={current(props.section, '/data')}>
                  经济数据
                </a>
              </li>
              <li>
                <a href="/projects" aria-current={current(props.section, '/projects')}>
                  项目库
                </a>
              </li>
              <li>
                <a href="/policies" aria-current={current(props.section, '/policies')}>
                  政策文件
                </a>
              </li>
              <li>
                <a href="/parks" aria-current={current(props.section, '/parks')}>
                  载体库
                </a>
              </li>
            </ul>
          </nav>
        )}
        <main id="main" class="wrap">
          {props.children}
        </main>
        <SiteFooter footer={chrome.footer} section={props.section} />
      </body>
    </html>
  );
}

// aria-current on the link of the section the page belongs to.
const current = (section: string | undefined, href: string) => (section === href ? 'page' : undefined);

/**
 * Loads the large-text mode's script in <head>: it must set its class before the body is drawn.
 * Shared by the public and the console layouts.
 */
export function TextSizeScript({ chrome }: { chrome: PageChrome }) {
  return chrome.textSizeScriptHref ? <script src={chrome.textSizeScriptHref} /> : null;
}

/** The 大字 toggle, hidden until text-size.js shows it (without script it could do nothing). */
export function TextSizeToggle() {
  return (
    <button type="button" class="text-size-toggle" aria-pressed="false" hidden>
      大字模式
    </button>
  );
}

/** Serialises a page to an HTML document string. */
export function htmlDocument(page: { toString(): string | Promise<string> }): string {
  const html = page.toString();
  if (typeof html !== 'string') throw new Error('Pages must render synchronously');
  return `<!DOCTYPE html>${html}`;
}
