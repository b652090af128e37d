// A page and its counterpart in the other language: the hreflang links search engines read, and
// where the language switch leads.
import type { PageLanguage } from '../http/page-meta.tsx';

/** The paths of one page in each language (`/articles/5` and `/en/articles/5`). */
export type Alternates = Readonly<Record<PageLanguage, string>>;

/** The homes of the two languages. */
export const HOMES: Alternates = { 'zh-CN': '/', en: '/en' };

/** The other language than `lang`. */
export function otherLanguage(lang: PageLanguage): PageLanguage {
  return lang === 'en' ? 'zh-CN' : 'en';
}

/**
 * The language switch's link: through `/language/<zh|en>`, which remembers the choice in a cookie,
 * to the page's counterpart, or to the other language's home when the page has none.
 */
export function languageSwitchHref(lang: PageLanguage, alternates: Alternates | undefined): string {
  const target = otherLanguage(lang);
  const next = (alternates ?? HOMES)[target];
  return `/language/${target === 'en' ? 'en' : 'zh'}?next=${encodeURIComponent(next)}`;
}

/**
 * Where `/language/...?next=` may send a reader: a path of this site only (one slash, no
 * backslash, no scheme), so the switch cannot be used as an open redirect; anything else goes home.
 */
export function safeNextPath(next: string | undefined, lang: PageLanguage): string {
  if (next === undefined || !/^\/(?![/\\])[^\\\s]*$/u.test(next)) return HOMES[lang];
  return next;
}
