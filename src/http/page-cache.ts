// Rendered public pages kept in memory per URL and keyed by the content version, so a page is
// rendered once per change of content and every other request only sends bytes already encoded.
// The version lives in the database, so a change made by any worker or by a CLI import is seen
// by every worker on its next request.
import type { Context, Handler, Next } from 'hono';
import { routePath } from 'hono/route';
import { getQueryParam } from 'hono/utils/url';
import { BoundedLru, type LruBounds } from './bounded-lru.ts';
import {
  bodyBytes,
  compressBody,
  recompressed,
  responsePartsFor,
  respondWithBody,
  withEncodingFor,
  type CompressedBody,
  type ResponseParts,
} from './compressed-body.ts';
import { DEFAULT_PAGE_CACHE_MAX_BYTES } from '../config.ts';
import { requestOrigin } from './origin.ts';

interface CachedPage {
  version: number;
  body: CompressedBody;
  /** Content-Type, Cache-Control and the other headers a handler set that every copy must carry. */
  headers: Record<string, string>;
}

// Headers of a rendered page that are part of it, so a copy from memory (by the router or the fast
// path) carries them too: the deprecation notices of the old JSON addresses.
const KEPT_HEADERS = ['Deprecation', 'Link'];

/** How a path's pages are keyed, and the route that renders them. */
interface PathRoute {
  /** The query parameters the route reads, sorted. */
  params: readonly string[];
  /** The route's pattern (`/articles/:id`), which the metrics label the fast path's answers with. */
  pattern: string;
}

/** A page answered from memory, with the route it belongs to. */
export type CachedResponse = ResponseParts & { route: string };

/** Running totals since the start of the process, for the metrics. */
export interface PageCacheStats {
  /** Requests answered with a page already in memory (by the fast path or the router). */
  hits: number;
  /** Requests for which a page was rendered. */
  misses: number;
  /** Pages in memory now. */
  pages: number;
  /** The bytes of their bodies, every encoding counted. */
  bytes: number;
}

/** The conditional-request and encoding headers a cached page is answered by. */
export interface PageRequest {
  ifNoneMatch: string | undefined;
  acceptEncoding: string | undefined;
  head: boolean;
}

// How many pages a cache keeps, and how many bytes of bodies (identity, gzip and brotli) at most:
// bounded so that crawlers asking for endless query strings cannot exhaust memory.
export const DEFAULT_PAGE_CACHE_BOUNDS: LruBounds = { maxEntries: 500, maxBytes: DEFAULT_PAGE_CACHE_MAX_BYTES };

// no-cache: browsers and proxies may store a page but must revalidate it (a cheap 304), so nobody
// is shown a page older than the content.
const PAGE_CACHE_CONTROL = 'no-cache';

/**
 * Public pages by path and the query parameters their route reads, valid while the content
 * version is unchanged. Any other parameter (utm_source, a cache-buster) neither renders a page
 * anew nor takes a place in the cache.
 */
export class PageCache {
  private readonly pages: BoundedLru<CachedPage>;
  // The parameter names of the route behind each path a page was stored for, so the fast path can
  // build a URL's key before routing. Bounded like the pages; a forgotten path only costs a trip
  // through the router, which finds the page under the same key.
  private readonly routes = new Map<string, PathRoute>();
  // Renderings under way, by content version and key; each resolves to its page, or to undefined
  // when it gave no page to keep (an error, a redirect), so that waiters render for themselves.
  private readonly rendering = new Map<string, Promise<CachedPage | undefined>>();
  // Pages rendered on a miss are compressed fast (a one-off page must not cost 10-50 ms of brotli);
  // a page asked for again is worth the best level, which these keys wait for, one at a time.
  private readonly toImprove = new Set<string>();
  private improving: Promise<void> | undefined;
  private hits = 0;
  private misses = 0;

  constructor(
    /** The content version, read from the database (or its mirror). */
    readonly currentVersion: () => Promise<number>,
    private readonly bounds: LruBounds = DEFAULT_PAGE_CACHE_BOUNDS,
  ) {
    this.pages = new BoundedLru((page) => bodyBytes(page.body), bounds);
  }

  /**
   * Wraps a public page's GET handler that reads the query parameters `params` and no others:
   * render on a miss, answer from memory on a hit.
   */
  wrap(params: readonly string[], handler: Handler): Handler {
    const sorted = [...params].sort();
    return async (c: Context, next) => {
      // Pages hold absolute URLs (canonical, feeds, sitemaps) made from the request's origin, so
      // each origin has pages of its own: a forged Host header only ever reaches its sender.
      // A request naming no valid origin gets a page rendered for it alone.
      const origin = requestOrigin(c);
      if (origin === null) return handler(onlyParams(c, sorted), next);
      const url = pathAndQuery(c.req.url);
      const path = pathOf(url);
      const key = originKey(origin, pageKey(path, url, sorted));
      const version = await this.currentVersion();
      let page = this.pages.get(key);
      let renderedHere = false;
      if (!page || page.version !== version) {
        const flight = `${version} ${key}`;
        // Requests that miss while the same page is being rendered wait for that rendering: after
        // a change of content every reader of a hot page misses at once, and each rendering it
        // again took the CPU from everything else (npm run bench:contention, during an import).
        const shared = this.rendering.get(flight);
        // No await between the look-up and the set below: the next request must find this rendering.
        page = shared && (await shared);
        if (!page) {
          renderedHere = true;
          this.misses += 1;
          const rendering = this.render(c, next, handler, sorted, version);
          this.rendering.set(
            flight,
            rendering.then(
              (rendered) => (rendered instanceof Response ? undefined : rendered),
              () => undefined,
            ),
          );
          let rendered: CachedPage | Response;
          try {
            rendered = await rendering;
          } finally {
            this.rendering.delete(flight);
          }
          if (rendered instanceof Response) return rendered;
          page = rendered;
          remember(this.routes, path, { params: sorted, pattern: routePath(c) }, this.bounds.maxEntries);
        }
      }
      const request = pageRequestOf(c);
      if (!renderedHere) page = this.hit(key, page, request.acceptEncoding);
      // A page larger than the byte bound is served, and not kept.
      this.pages.set(key, page);
      return respondWithBody(request, page.body, page.headers);
    };
  }

  /** The page `handler` renders, or its response when that is not a page to keep (not a 200). */
  private async render(c: Context, next: Next, handler: Handler, sorted: readonly string[], version: number): Promise<CachedPage | Response> {
    const htmlOf = keepHtml(c);
    const response = await handler(onlyParams(c, sorted), next);
    if (!(response instanceof Response) || response.status !== 200) return response as Response;
    const headers: Record<string, string> = {
      'Content-Type': response.headers.get('Content-Type') ?? 'text/html; charset=UTF-8',
      'Cache-Control': PAGE_CACHE_CONTROL,
    };
    for (const name of KEPT_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const bytes = htmlOf(response) ?? Buffer.from(await response.arrayBuffer());
    const body = compressBody(bytes, { fast: true, acceptEncoding: c.req.header('Accept-Encoding') });
    return { version, body, headers };
  }

  /**
   * The response for the request target `url` (`/path?query`) at `origin` (as `requestOrigin` finds
   * it; null: none) when a current copy is in memory,
   * else undefined. The server's fast path calls this before routing, so a hot page costs one
   * version read and a socket write.
   */
  async currentResponse(origin: string | null, url: string, request: PageRequest): Promise<CachedResponse | undefined> {
    if (origin === null) return undefined;
    const path = pathOf(url);
    const route = this.routes.get(path);
    const key = route && originKey(origin, pageKey(path, url, route.params));
    const found = key && this.pages.get(key);
    if (!found || found.version !== (await this.currentVersion())) return undefined;
    const page = this.hit(key, found, request.acceptEncoding);
    this.pages.set(key, page);
    return { ...responsePartsFor(request, page.body, page.headers), route: route.pattern };
  }

  /** Resolves when no page waits to be compressed at the best level. */
  async compressionSettled(): Promise<void> {
    while (this.improving) await this.improving;
  }

  /** Counts a hit and queues the page for the best levels; the page with the reader's encoding. */
  private hit(key: string, page: CachedPage, acceptEncoding: string | undefined): CachedPage {
    this.hits += 1;
    if (page.body.best) return page;
    // Made on a miss in the encoding of that reader only: another reader's is added now, before the
    // page is queued, so that the best levels replace this copy and not the one before.
    const body = withEncodingFor(page.body, acceptEncoding);
    const current = body === page.body ? page : { ...page, body };
    if (current !== page && this.pages.get(key) === page) this.pages.set(key, current);
    this.toImprove.add(key);
    this.improving ??= this.improveQueued().finally(() => (this.improving = undefined));
    return current;
  }

  // The queued pages at the best level, each swapped in whole (a response already under way keeps
  // the body it took) while its entry is still the one that was queued: a page rendered anew or
  // dropped meanwhile is left alone.
  private async improveQueued(): Promise<void> {
    for (const key of this.toImprove) {
      this.toImprove.delete(key);
      const page = this.pages.get(key);
      if (!page || page.body.best) continue;
      // A failed encoding (out of memory) leaves the fast one, which is as correct.
      const body = await recompressed(page.body).catch(() => page.body);
      if (this.pages.get(key) === page) this.pages.set(key, { ...page, body });
    }
  }

  /** Hits and misses so far, and the pages held with their bytes. */
  stats(): PageCacheStats {
    return { hits: this.hits, misses: this.misses, pages: this.pages.size, bytes: this.pages.bytes };
  }
}

/**
 * The cache key of a request target: its path, then each of the route's parameters (`sorted`) that
 * the URL carries, with the value the route reads (Hono's decoding, the first of repeated ones)
 * encoded one way. So `?b=1&a=2&junk=3` and `?a=%32&b=1` share one key; `?page=` (an empty value)
 * keys apart from no `page` at all, because a route may tell the two apart.
 */
export function pageKey(path: string, url: string, sorted: readonly string[]): string {
  if (!url.includes('?')) return path;
  // getQueryParam expects an absolute URL: it looks for the query after the scheme and host.
  const absolute = `http://x${url}`;
  let key = path;
  let separator = '?';
  for (const name of sorted) {
    const value = getQueryParam(absolute, name) as string | undefined;
    if (value === undefined) continue;
    key += `${separator}${name}=${encodeURIComponent(value)}`;
    separator = '&';
  }
  return key;
}

function originKey(origin: string, key: string): string {
  return `${origin} ${key}`;
}

// The handler's view of the request: reading a parameter the route did not declare is a
// programming error, which would otherwise serve one rendering for URLs that differ in it.
function onlyParams(c: Context, params: readonly string[]): Context {
  const { req } = c;
  const check = (name: string | undefined) => {
    if (name === undefined || !params.includes(name)) throw new Error(`cached page reads undeclared query parameter ${name ?? '(all)'}`);
    return name;
  };
  const query = req.query.bind(req);
  const queries = req.queries.bind(req);
  req.query = ((name?: string) => query(check(name))) as typeof req.query;
  req.queries = ((name?: string) => queries(check(name))) as typeof req.queries;
  return c;
}

/**
 * Remembers the HTML text `c.html` is given, so that the page's bytes are that text encoded: reading
 * them back out of the Response (a web stream) cost 0.2 ms of a 2-3 ms miss. Returns, for the
 * response the handler gave, its bytes when `c.html` made it from a string, else undefined.
 */
function keepHtml(c: Context): (response: Response) => Buffer | undefined {
  const html = c.html as (text: unknown, ...rest: unknown[]) => Response | Promise<Response>;
  let made: { response: Response; text: string } | undefined;
  c.html = ((text: unknown, ...rest: unknown[]) => {
    const response = html(text, ...rest);
    if (typeof text === 'string' && response instanceof Response) made = { response, text };
    return response;
  }) as typeof c.html;
  return (response) => (made?.response === response ? Buffer.from(made.text) : undefined);
}

// The routes of paths, least recently used first out, like the pages (bounded-lru.ts).
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}

function pageRequestOf(c: Context): PageRequest {
  return { ifNoneMatch: c.req.header('If-None-Match'), acceptEncoding: c.req.header('Accept-Encoding'), head: c.req.method === 'HEAD' };
}

/** `/path?query` of an absolute URL. */
function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start === -1 ? '/' : url.slice(start);
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
