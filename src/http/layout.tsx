// The one page layout: header with channel navigation, main landmark, footer with the public
// services and the site's identity lines.
import type { Child } from 'hono/jsx';
import type { SiteIdentity } from '../config.ts';
import { messagesFor } from '../i18n/messages.ts';
import { languageSwitchHref, type Alternates } from '../i18n/alternates.ts';
import type { PageAddress } from './page-address.ts';
import { defaultDescription, headLink, PageMeta, type ArticleMeta, type PageFeed, type PageLanguage } from './page-meta.tsx';
import { keptFragment } from './kept-fragment.ts';
import { SiteFooter, type FooterContent } from './site-footer.tsx';

/** A channel as the navigation shows it. */
export interface NavChannel {
  slug: string;
  name: string;
  /** The name English pages show (Donghu District). */
  englishName: string;
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
  /**
   * Channels with English articles, for English pages' navigation (an empty channel must not be
   * linked); absent where unknown (error pages), when `nav` is used.
   */
  englishNav?: NavChannel[] | undefined;
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
  /**
   * The page's counterpart in the other language, when it has one: hreflang links to both, and the
   * language switch goes there (without one it goes to the other language's home).
   */
  alternates?: Alternates | undefined;
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
  const text = messagesFor(lang);
  const english = lang === 'en';
  const path = (href: string) => inLanguage(lang, href);
  // English pages list the channels with English articles.
  const navShown = english ? (chrome.englishNav ?? chrome.nav) : chrome.nav;
  const siteFeed = english ? { title: `${site.siteName} (English)`, basePath: '/en' } : { title: site.siteName, basePath: '' };
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
          alternates={props.alternates}
          feeds={[siteFeed, ...(props.feeds ?? [])]}
          article={props.article}
          jsonLd={props.jsonLd}
        />
        <link rel="stylesheet" href={chrome.stylesheetHref} />
        {headLink({ rel: 'icon', href: chrome.iconHref, type: 'image/svg+xml' })}
        <TextSizeScript chrome={chrome} />
        {props.head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {text.skipToContent}
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href={path('/')}>
              {site.siteName}
            </a>
            <span class="site-tagline">{text.tagline}</span>
            {/* English pages search the English versions at /en/search; the Chinese search reads every article. */}
            <form class="site-search" action={english ? '/en/search' : '/search'} method="get" role="search" aria-label={text.searchLabel}>
              <input
                type="search"
                name="q"
                value={props.searchQuery ?? ''}
                placeholder={text.searchPlaceholder}
                aria-label={text.searchKeyword}
                maxlength={100}
              />
              <button type="submit">{text.searchButton}</button>
            </form>
            <a
              class="language-switch"
              href={languageSwitchHref(lang, props.alternates)}
              hreflang={english ? 'zh-CN' : 'en'}
              lang={english ? 'zh-CN' : 'en'}
              aria-label={text.languageSwitchLabel}
            >
              {text.languageSwitch}
            </a>
            <TextSizeToggle label={text.textSizeToggle} />
          </div>
        </header>
        {chrome.nav.length > 0 &&
          keptFragment(navShown, `${lang} ${props.home === true} ${props.currentChannel ?? ''} ${props.section ?? ''}`, () => (
            <ChannelNav channels={navShown} lang={lang} home={props.home} currentChannel={props.currentChannel} section={props.section} />
          ))}
        <main id="main" class="wrap">
          {props.children}
        </main>
        {keptFragment(chrome.footer, `${lang} ${props.section ?? ''}`, () => (
          <SiteFooter footer={chrome.footer} section={props.section} lang={lang} />
        ))}
      </body>
    </html>
  );
}

/** The channel navigation; `aria-current` marks the page's own entry. */
function ChannelNav(props: {
  channels: readonly NavChannel[];
  lang: PageLanguage;
  home?: boolean | undefined;
  currentChannel?: string | undefined;
  section?: string | undefined;
}) {
  const text = messagesFor(props.lang);
  const english = props.lang === 'en';
  const path = (href: string) => inLanguage(props.lang, href);
  return (
    <nav class="channel-nav" aria-label={text.channelNavLabel}>
      <ul class="wrap">
        <li>
          <a href={path('/')} aria-current={props.home ? 'page' : undefined}>
            {text.navHome}
          </a>
        </li>
        {props.channels.map((channel) => (
          <li>
            <a href={path(`/channels/${channel.slug}`)} aria-current={props.currentChannel === channel.slug ? 'page' : undefined}>
              {english ? channel.englishName : channel.name}
            </a>
          </li>
        ))}
        {!english && (
          <li>
            <a href="/channels" aria-current={current(props.section, '/channels')}>
              {text.navAllChannels}
            </a>
          </li>
        )}
        {(
          [
            ['/data', text.navData],
            ['/projects', text.navProjects],
            ['/policies', text.navPolicies],
            ['/parks', text.navParks],
          ] as const
        ).map(([section, label]) => (
          <li>
            <a href={path(section)} aria-current={current(props.section, path(section))}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// English pages live under /en; the navigation's sections exist in both languages.
const inLanguage = (lang: PageLanguage, href: string) => (lang === 'en' ? (href === '/' ? '/en' : `/en${href}`) : href);

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
export function TextSizeToggle({ label = '大字模式' }: { label?: string }) {
  return (
    <button type="button" class="text-size-toggle" aria-pressed="false" hidden>
      {label}
    </button>
  );
}

/** Serialises a page to an HTML document string. */
export function htmlDocument(page: { toString(): string | Promise<string> }): string {
  const html = page.toString();
  if (typeof html !== 'string') throw new Error('Pages must render synchronously');
  return `<!DOCTYPE html>${html}`;
}
