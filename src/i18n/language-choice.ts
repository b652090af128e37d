// Which language a visitor reads the site in. Accept-Language is honoured once, on a first visit
// to `/`; from then on the `zs_lang` cookie, set by that redirect or by the language switch,
// remembers the choice. Only `/` ever answers differently by language: every other page has one
// language by its address (`/en/...` is English), so caches key it by URL alone.
import type { PageLanguage } from '../http/page-meta.tsx';

/** The cookie that remembers a visitor's language: `zh` or `en`. */
export const LANGUAGE_COOKIE = 'zs_lang';

/** A year: the choice outlives the session but not forever. */
export const LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** The cookie values, by page language. */
export const COOKIE_VALUES: Readonly<Record<PageLanguage, string>> = { 'zh-CN': 'zh', en: 'en' };

/** The language remembered in a Cookie header, or undefined when none (a first visit). */
export function rememberedLanguage(cookieHeader: string | undefined): PageLanguage | undefined {
  if (!cookieHeader) return undefined;
  const match = new RegExp(`(?:^|;)\\s*${LANGUAGE_COOKIE}=([^;]*)`).exec(cookieHeader);
  if (!match) return undefined;
  const value = match[1]!.trim();
  return value === 'en' ? 'en' : value === 'zh' ? 'zh-CN' : undefined;
}

/**
 * Whether an Accept-Language header prefers English over Chinese: the best-weighted English
 * range (en, en-GB…) outranks every Chinese one (zh, zh-CN…); ties go to Chinese, the site's own
 * language, as does a header naming neither.
 */
export function prefersEnglish(acceptLanguage: string | undefined): boolean {
  if (!acceptLanguage) return false;
  let english = 0;
  let chinese = 0;
  for (const [index, part] of acceptLanguage.split(',').entries()) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    // Equal weights keep the header's order: an earlier range ranks a little higher.
    const weight = (q ? Number(q[1]) : 1) - index * 1e-6;
    if (!(weight > 0)) continue;
    const primary = range.trim().split('-')[0];
    if (primary === 'en') english = Math.max(english, weight);
    if (primary === 'zh') chinese = Math.max(chinese, weight);
  }
  return english > chinese;
}

/**
 * What a request for `/` should do: 'en' to be sent to `/en` (the remembered choice, or on a first
 * visit an Accept-Language preferring English), undefined to be shown the Chinese home.
 */
export function homeRedirect(cookieHeader: string | undefined, acceptLanguage: string | undefined): { to: '/en'; remember: boolean } | undefined {
  const remembered = rememberedLanguage(cookieHeader);
  if (remembered === 'en') return { to: '/en', remember: false };
  if (remembered === undefined && prefersEnglish(acceptLanguage)) return { to: '/en', remember: true };
  return undefined;
}

/** Whether `path` is an English page (`/en` or under it). */
export function isEnglishPath(path: string): boolean {
  return path === '/en' || path.startsWith('/en/');
}
