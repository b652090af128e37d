// A page's own address as search engines and link previews should know it: the canonical URL
// is the path plus only the query parameters the page reads, in one order, defaults dropped, so
// utm_source, spm, from=singlemessage and the like never make a second URL of the same page.
import type { Context } from 'hono';
import { getQueryParam } from 'hono/utils/url';
import { siteOrigin } from './origin.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The query parameters the cached page being rendered reads (RouteContext.cachedPage). */
    pageParams: readonly string[];
  }
}

/** Where a page lives: the origin its absolute URLs use, and its canonical URL when it has one. */
export interface PageAddress {
  origin: string;
  /** Absent on pages answered with an error status and on answers to form posts. */
  canonicalUrl: string | undefined;
}

// Parameters that change how a page is shown, not which page it is: `hl` marks a sentence.
const PRESENTATION_PARAMS = new Set(['hl']);

/** The address of the page `c` is rendering with `status`. */
export function pageAddress(c: Context, status = 200): PageAddress {
  const origin = siteOrigin(c);
  const canonical = c.req.method === 'GET' && status === 200;
  return { origin, canonicalUrl: canonical ? `${origin}${canonicalPath(c.req.url, c.get('pageParams') ?? [])}` : undefined };
}

/**
 * The canonical path and query of `url` for a page reading `params`: each parameter it carries with
 * a value that is not its default (empty; page 1), sorted by name, the values read as the page reads
 * them (Hono's decoding, the first of repeated ones) and encoded one way.
 */
export function canonicalPath(url: string, params: readonly string[]): string {
  const parsed = new URL(url, 'http://x');
  const query = [...params]
    .filter((name) => !PRESENTATION_PARAMS.has(name))
    .sort()
    .flatMap((name) => {
      const value = canonicalValue(name, getQueryParam(parsed.href, name) as string | undefined);
      return value === undefined ? [] : [`${name}=${encodeURIComponent(value)}`];
    });
  return query.length === 0 ? parsed.pathname : `${parsed.pathname}?${query.join('&')}`;
}

function canonicalValue(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (name === 'page' && /^\d+$/u.test(value)) return Number(value) === 1 ? undefined : String(Number(value));
  return value;
}

/**
 * JSON to put inside a `<script>` element: `<`, `>`, `&` and the line separators JavaScript once
 * rejected are written as \u escapes, so no `</script>` or `<!--` in the data can end the element.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
