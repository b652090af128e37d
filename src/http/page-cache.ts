// Rendered public pages kept in memory per URL and keyed by the content version, so a page is
// rendered once per change of content and every other request only sends bytes already encoded.
// The version lives in the database, so a change made by any worker or by a CLI import is seen
// by every worker on its next request.
import type { Context, Handler } from 'hono';
import { compressBody, responsePartsFor, respondWithBody, type CompressedBody, type ResponseParts } from './compressed-body.ts';

interface CachedPage {
  version: number;
  body: CompressedBody;
  contentType: string;
}

/** The conditional-request and encoding headers a cached page is answered by. */
export interface PageRequest {
  ifNoneMatch: string | undefined;
  acceptEncoding: string | undefined;
  head: boolean;
}

// Bounded so that crawlers asking for endless query strings cannot exhaust memory.
const DEFAULT_MAX_PAGES = 500;

// no-cache: browsers and proxies may store a page but must revalidate it (a cheap 304), so nobody
// is shown a page older than the content.
const PAGE_CACHE_CONTROL = 'no-cache';

/** Public pages by path and query, valid while the content version is unchanged. */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();

  constructor(
    private readonly currentVersion: () => Promise<number>,
    private readonly maxPages = DEFAULT_MAX_PAGES,
  ) {}

  /** Wraps a public page's GET handler: render on a miss, answer from memory on a hit. */
  wrap(handler: Handler): Handler {
    return async (c: Context, next) => {
      const key = pathAndQuery(c.req.url);
      const version = await this.currentVersion();
      let page = this.pages.get(key);
      if (!page || page.version !== version) {
        const response = await handler(c, next);
        if (!(response instanceof Response) || response.status !== 200) return response as Response;
        page = {
          version,
          body: compressBody(Buffer.from(await response.arrayBuffer())),
          contentType: response.headers.get('Content-Type') ?? 'text/html; charset=UTF-8',
        };
        this.remember(key, page);
      }
      return respondWithBody(pageRequestOf(c), page.body, { 'Content-Type': page.contentType, 'Cache-Control': PAGE_CACHE_CONTROL });
    };
  }

  /**
   * The response for `key` when a current copy is in memory, else undefined. The server's fast
   * path calls this before routing, so a hot page costs one version read and a socket write.
   */
  async currentResponse(key: string, request: PageRequest): Promise<ResponseParts | undefined> {
    const page = this.pages.get(key);
    if (!page || page.version !== (await this.currentVersion())) return undefined;
    return responsePartsFor(request, page.body, { 'Content-Type': page.contentType, 'Cache-Control': PAGE_CACHE_CONTROL });
  }

  private remember(key: string, page: CachedPage): void {
    this.pages.delete(key);
    this.pages.set(key, page);
    if (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value!);
  }
}

function pageRequestOf(c: Context): PageRequest {
  return { ifNoneMatch: c.req.header('If-None-Match'), acceptEncoding: c.req.header('Accept-Encoding'), head: c.req.method === 'HEAD' };
}

/** `/path?query` of an absolute URL. */
export function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start === -1 ? '/' : url.slice(start);
}
