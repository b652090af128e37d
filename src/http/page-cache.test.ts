import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Hono, type Context } from 'hono';
import { getQueryParam } from 'hono/utils/url';
import { DEFAULT_PAGE_CACHE_BOUNDS, PageCache, pageKey } from './page-cache.ts';

const PAGE_PARAMS = ['page'];
const SEARCH_PARAMS = ['channel', 'page', 'q'];

/** A cache in front of `/` (reads `page`) with a render counter. */
function cachedHome(maxPages = DEFAULT_PAGE_CACHE_BOUNDS.maxEntries) {
  const cache = new PageCache(async () => 1, { ...DEFAULT_PAGE_CACHE_BOUNDS, maxEntries: maxPages });
  let renders = 0;
  const app = new Hono().get(
    '/',
    cache.wrap(PAGE_PARAMS, (c: Context) => {
      renders += 1;
      return c.html(`<p>第 ${c.req.query('page') || 1} 页</p>`);
    }),
  );
  return { cache, app, renders: () => renders };
}

// app.request() addresses http://localhost, whose pages the cache keeps under that origin.
const LOCAL = 'http://localhost';
const noConditions = { ifNoneMatch: undefined, acceptEncoding: undefined, head: false };

describe('page cache keys', () => {
  it('keep only the route’s parameters, in one order and one encoding', () => {
    const cases: Array<[url: string, params: string[], key: string]> = [
      ['/', PAGE_PARAMS, '/'],
      ['/?x=1', PAGE_PARAMS, '/'],
      ['/?utm_source=a&utm_medium=b', PAGE_PARAMS, '/'],
      ['/?pages=2&xpage=3', PAGE_PARAMS, '/'],
      ['/?page=2', PAGE_PARAMS, '/?page=2'],
      ['/?x=1&page=2', PAGE_PARAMS, '/?page=2'],
      ['/?page=%32', PAGE_PARAMS, '/?page=2'],
      ['/?%70age=2', PAGE_PARAMS, '/?page=2'],
      ['/?page=2#top', PAGE_PARAMS, '/?page=2'],
      // Repeated: the route reads the first, so the rest cannot change the page.
      ['/?page=2&page=3', PAGE_PARAMS, '/?page=2'],
      // Empty is a value of its own: a route may tell it apart from an absent parameter.
      ['/?page=', PAGE_PARAMS, '/?page='],
      ['/?page', PAGE_PARAMS, '/?page='],
      ['/search?q=a&channel=b', SEARCH_PARAMS, '/search?channel=b&q=a'],
      ['/search?x=0&channel=b&q=a', SEARCH_PARAMS, '/search?channel=b&q=a'],
      ['/search?q=a+b', SEARCH_PARAMS, '/search?q=a%20b'],
      ['/search?q=a%20b', SEARCH_PARAMS, '/search?q=a%20b'],
      ['/search?q=%E6%8B%9B%E5%95%86', SEARCH_PARAMS, `/search?q=${encodeURIComponent('招商')}`],
      ['/search?q=a%26page%3D2', SEARCH_PARAMS, '/search?q=a%26page%3D2'],
    ];
    for (const [url, params, key] of cases) {
      assert.equal(pageKey(url.split('?')[0]!, url, [...params].sort()), key, url);
    }
  });

  it('make a route read the same values from the key as from the URL it stands for', () => {
    // So two URLs share a key exactly when the route reads the same parameters from both.
    const reads = (url: string) => SEARCH_PARAMS.map((name) => getQueryParam(`http://x${url}`, name));
    const part = fc.constantFrom('q', 'page', 'channel', 'x', '%71', 'pa%67e', '=', '&', '+', '%', '%2', '%26', '%3D', '%E6%8B%9B', '%FF', '#', 'a', '2', '');
    const query = fc.array(part, { maxLength: 12 }).map((parts) => `/search?${parts.join('')}`);
    fc.assert(
      fc.property(query, (url) => {
        assert.deepEqual(reads(pageKey('/search', url, SEARCH_PARAMS)), reads(url));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('page cache', () => {
  it('renders a page once whatever junk parameters come with it', async () => {
    const { app, cache, renders } = cachedHome();
    const first = await app.request('/');
    for (let n = 1; n <= 50; n += 1) {
      const response = await app.request(`/?x=${n}`);
      assert.equal(response.headers.get('etag'), first.headers.get('etag'));
    }
    assert.equal(renders(), 1);
    assert.ok(await cache.currentResponse(LOCAL, '/?utm_source=a', noConditions), 'the fast path finds it too');
  });

  it('keeps pages apart by the parameters their route reads', async () => {
    const { app, renders } = cachedHome();
    assert.equal(await (await app.request('/')).text(), '<p>第 1 页</p>');
    assert.equal(await (await app.request('/?page=2')).text(), '<p>第 2 页</p>');
    assert.equal(await (await app.request('/?utm_source=a&page=%32')).text(), '<p>第 2 页</p>');
    assert.equal(renders(), 2);
  });

  it('keeps pages apart by origin, so a forged Host never reaches other clients', async () => {
    const cache = new PageCache(async () => 1);
    let renders = 0;
    // Pages hold absolute URLs made from the request's origin, as canonical links and feeds do.
    const app = new Hono().get(
      '/',
      cache.wrap([], (c: Context) => {
        renders += 1;
        return c.html(`<link href="${new URL(c.req.url).origin}/">`);
      }),
    );
    assert.equal(await (await app.request('http://evil.example/')).text(), '<link href="http://evil.example/">');
    assert.equal(await (await app.request('http://zs.example.gov.cn/')).text(), '<link href="http://zs.example.gov.cn/">');
    assert.equal(await (await app.request('http://evil.example/')).text(), '<link href="http://evil.example/">');
    assert.equal(renders, 2);
    const fromMemory = await cache.currentResponse('http://zs.example.gov.cn', '/', noConditions);
    assert.equal(Buffer.from(fromMemory!.body!).toString(), '<link href="http://zs.example.gov.cn/">');
    assert.equal(await cache.currentResponse('http://other.example', '/', noConditions), undefined);
    assert.equal(await cache.currentResponse(null, '/', noConditions), undefined, 'no origin: never from memory');
  });

  it('gives junk parameters no place in the cache', async () => {
    const { app, renders } = cachedHome(2);
    await app.request('/');
    await app.request('/?page=2');
    for (let n = 1; n <= 20; n += 1) await app.request(`/?x=${n}`);
    await app.request('/');
    await app.request('/?page=2');
    assert.equal(renders(), 2, 'neither page was pushed out');
  });

  it('keeps the pages read most recently when it is full', async () => {
    const { app, cache, renders } = cachedHome(2);
    await app.request('/');
    await app.request('/?page=2');
    await app.request('/');
    await app.request('/?page=3');
    await cache.currentResponse(LOCAL, '/', noConditions);
    await app.request('/?page=4');
    await app.request('/');
    assert.equal(renders(), 4, 'the home page was never pushed out');
  });

  it('answers from memory only paths it has stored a page for', async () => {
    const { app, cache } = cachedHome();
    assert.equal(await cache.currentResponse(LOCAL, '/?x=1', noConditions), undefined);
    await app.request('/?x=1');
    assert.equal((await cache.currentResponse(LOCAL, '/', noConditions))?.status, 200);
    assert.equal(await cache.currentResponse(LOCAL, '/?page=2', noConditions), undefined);
    assert.equal(await cache.currentResponse(LOCAL, '/other', noConditions), undefined);
  });

  it('counts hits and misses wherever a page is answered, and names the route of a page it answers', async () => {
    const cache = new PageCache(async () => 1);
    const app = new Hono().get(
      '/articles/:id',
      cache.wrap([], (c: Context) => c.html(`<p>${c.req.param('id')}</p>`)),
    );
    assert.deepEqual(cache.stats(), { hits: 0, misses: 0, pages: 0, bytes: 0 });
    await app.request('/articles/1');
    await app.request('/articles/2');
    await app.request('/articles/1');
    assert.deepEqual(cache.stats(), { hits: 1, misses: 2, pages: 2, bytes: '<p>1</p><p>2</p>'.length });
    const fromMemory = await cache.currentResponse(LOCAL, '/articles/2?utm_source=x', noConditions);
    assert.equal(fromMemory?.route, '/articles/:id');
    assert.equal(await cache.currentResponse(LOCAL, '/articles/3', noConditions), undefined);
    assert.deepEqual(
      cache.stats(),
      { hits: 2, misses: 2, pages: 2, bytes: '<p>1</p><p>2</p>'.length },
      'a page the fast path does not have is not a miss: the router decides',
    );
  });

  it('refuses a page that reads a parameter it did not declare, and caches nothing', async () => {
    const cache = new PageCache(async () => 1);
    let thrown: unknown;
    const app = new Hono()
      .get(
        '/list',
        cache.wrap(['page'], (c: Context) => c.text(`sorted by ${c.req.query('sort')}`)),
      )
      .onError((error, c) => ((thrown = error), c.text('', 500)));
    assert.equal((await app.request('/list?sort=date')).status, 500);
    assert.match(String(thrown), /undeclared query parameter sort/);
    assert.equal(await cache.currentResponse(LOCAL, '/list', noConditions), undefined);
  });
});

describe('page cache bodies', () => {
  it('keep the bytes of the response the handler gave, whether or not c.html made it from text', async () => {
    const cache = new PageCache(async () => 1);
    // Characters of every UTF-8 length, and a lone surrogate, which both encoders replace alike.
    const text = '<p>招商 é 𠀋 \ud800 ok</p>';
    const app = new Hono()
      .get(
        '/text',
        cache.wrap([], (c: Context) => c.html(text)),
      )
      .get(
        '/other',
        cache.wrap([], (c: Context) => {
          c.html('<p>草稿</p>');
          return new Response('<p>另一个</p>', { headers: { 'Content-Type': 'text/html; charset=UTF-8' } });
        }),
      )
      .get(
        '/promised',
        cache.wrap([], (c: Context) => c.html(Promise.resolve('<p>异步</p>'))),
      );
    for (const [path, expected] of [
      ['/text', Buffer.from(new TextEncoder().encode(text))],
      ['/other', Buffer.from('<p>另一个</p>')],
      ['/promised', Buffer.from('<p>异步</p>')],
    ] as const) {
      const miss = await app.request(path);
      assert.deepEqual(Buffer.from(await miss.arrayBuffer()), expected, `${path} on a miss`);
      const kept = await cache.currentResponse(LOCAL, path, noConditions);
      assert.deepEqual(kept?.body, expected, `${path} from memory`);
    }
  });
});

describe('page cache renderings', () => {
  it('render a page once for requests that miss it at the same time', async () => {
    let renders = 0;
    let version = 1;
    const cache = new PageCache(async () => version);
    const app = new Hono().get(
      '/',
      cache.wrap(PAGE_PARAMS, async (c: Context) => {
        renders += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return c.html(`<p>第 ${version} 版</p>`);
      }),
    );
    const all = async () => Promise.all(Array.from({ length: 10 }, (_, i) => app.request(`/?x=${i}`)));
    const first = await all();
    assert.equal(renders, 1);
    for (const response of first) assert.equal(await response.text(), '<p>第 1 版</p>');
    version = 2;
    const second = await all();
    assert.equal(renders, 2, 'once more after the content changed');
    for (const response of second) assert.equal(await response.text(), '<p>第 2 版</p>');
  });

  it('let waiters render for themselves when the rendering gave no page to keep', async () => {
    let renders = 0;
    const cache = new PageCache(async () => 1);
    const app = new Hono().get(
      '/',
      cache.wrap(PAGE_PARAMS, async (c: Context) => {
        renders += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (renders === 1) throw new Error('rendering failed');
        return c.html('<p>好了</p>');
      }),
    );
    const statuses = await Promise.all(Array.from({ length: 5 }, async () => (await app.request('/')).status));
    assert.deepEqual(statuses.sort(), [200, 200, 200, 200, 500]);
    assert.ok(renders >= 2 && renders <= 5);
  });
});

describe('page cache compression', () => {
  // Long and varied enough that the best brotli and gzip levels find more than the fast ones.
  const bodyOf = (version: number) =>
    `<ol>${Array.from({ length: 400 }, (_, i) => `<li>第 ${version} 版第 ${i} 条:${'招商引资项目签约'.slice(i % 7)}${(i * 7919) % 1000}</li>`).join('')}</ol>`;

  function cachedVersionedPage() {
    let version = 1;
    const cache = new PageCache(async () => version);
    const app = new Hono().get(
      '/',
      cache.wrap(PAGE_PARAMS, (c: Context) => c.html(bodyOf(version))),
    );
    const get = async (encoding: 'br' | 'gzip') => {
      const response = await app.request('/', { headers: { 'Accept-Encoding': encoding } });
      assert.equal(response.headers.get('content-encoding'), encoding);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(Number(response.headers.get('content-length')), bytes.length, 'the length of the body sent');
      const text = (encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)).toString('utf8');
      return { bytes, text, etag: response.headers.get('etag') };
    };
    return { cache, get, bump: () => (version += 1) };
  }

  it('compresses a page fast on a miss and at the best level once it is read again, the same page either way', async () => {
    const { cache, get } = cachedVersionedPage();
    for (const encoding of ['br', 'gzip'] as const) {
      const { cache: fresh, get: getFresh } = encoding === 'br' ? { cache, get } : cachedVersionedPage();
      const miss = await getFresh(encoding);
      assert.equal(miss.text, bodyOf(1));
      // The read that makes the page worth the best level is still answered with the fast bytes,
      // as are all those that arrive while the better ones are made.
      const during = await Promise.all(Array.from({ length: 20 }, () => getFresh(encoding)));
      for (const response of during) {
        assert.equal(response.text, bodyOf(1));
        assert.equal(response.etag, miss.etag);
      }
      await fresh.compressionSettled();
      const best = await getFresh(encoding);
      assert.equal(best.text, bodyOf(1));
      assert.equal(best.etag, miss.etag, 'the same entity, whatever its transfer encoding');
      assert.ok(best.bytes.length < miss.bytes.length, `${encoding}: best ${best.bytes.length} B, fast ${miss.bytes.length} B`);
    }
  });

  it('encodes a page rendered on a miss the way its reader takes it, another way for the next reader, all the best way once read again', async () => {
    const { cache, get } = cachedVersionedPage();
    const miss = await get('br');
    // The next reader takes gzip, which the miss did not make: it is made now, fast.
    const fastGzip = await get('gzip');
    assert.equal(fastGzip.text, bodyOf(1));
    assert.equal(fastGzip.etag, miss.etag);
    await cache.compressionSettled();
    const bestGzip = await get('gzip');
    assert.equal(bestGzip.text, bodyOf(1));
    assert.ok(bestGzip.bytes.length < fastGzip.bytes.length, `best ${bestGzip.bytes.length} B, fast ${fastGzip.bytes.length} B`);
    assert.ok((await get('br')).bytes.length < miss.bytes.length);
  });

  it('never swaps better bytes of a page the content has replaced into the cache', async () => {
    const { cache, get, bump } = cachedVersionedPage();
    const old = await get('br');
    await get('br'); // read again: the better bytes of version 1 are on their way
    bump();
    const renewed = await get('br');
    assert.equal(renewed.text, bodyOf(2));
    await cache.compressionSettled();
    const after = await get('br');
    assert.equal(after.text, bodyOf(2));
    assert.equal(after.etag, renewed.etag);
    assert.notEqual(after.etag, old.etag);
    assert.deepEqual(after.bytes, renewed.bytes, 'still the fast bytes of version 2, read once so far');
    assert.equal(cache.stats().misses, 2, 'version 2 was rendered once: nothing of version 1 took its place');
  });
});

describe('page cache byte bound', () => {
  /** Pages of `bytes` bytes each (under 1 kB: kept in identity only), at /pages/:n. */
  function cachedPages(maxBytes: number, bytesOf: (n: number) => number) {
    const cache = new PageCache(async () => 1, { maxEntries: 100, maxBytes });
    const renders: number[] = [];
    const app = new Hono().get(
      '/pages/:n',
      cache.wrap([], (c: Context) => {
        const n = Number(c.req.param('n'));
        renders.push(n);
        return c.html('x'.repeat(bytesOf(n)));
      }),
    );
    const get = async (n: number) => (await app.request(`/pages/${n}`)).text();
    return { cache, get, renders };
  }

  it('keeps the pages read most recently within its bytes, never more', async () => {
    const { cache, get, renders } = cachedPages(1000, () => 300);
    for (const n of [1, 2, 3]) await get(n);
    assert.deepEqual(cache.stats(), { hits: 0, misses: 3, pages: 3, bytes: 900 });
    await get(1); // 1 is now the most recent, 2 the least
    await get(4);
    assert.deepEqual(cache.stats(), { hits: 1, misses: 4, pages: 3, bytes: 900 });
    assert.ok(await cache.currentResponse(LOCAL, '/pages/1', noConditions), 'read again: kept');
    assert.equal(await cache.currentResponse(LOCAL, '/pages/2', noConditions), undefined, 'the least recent went');
    await get(2);
    assert.deepEqual(renders, [1, 2, 3, 4, 2]);
    assert.ok(cache.stats().bytes <= 1000);
  });

  it('serves a page larger than its bound without keeping it or pushing others out', async () => {
    const { cache, get, renders } = cachedPages(1000, (n) => (n === 9 ? 1001 : 300));
    await get(1);
    assert.equal((await get(9)).length, 1001);
    assert.equal((await get(9)).length, 1001);
    assert.deepEqual(renders, [1, 9, 9], 'rendered on every request');
    assert.deepEqual(cache.stats(), { hits: 0, misses: 3, pages: 1, bytes: 300 });
    assert.ok(await cache.currentResponse(LOCAL, '/pages/1', noConditions));
  });

  it('counts every encoding a page holds, and makes room when one is added', async () => {
    // Compressible pages of about 20 kB, each kept in identity, brotli and gzip once read in both.
    const body = (n: number) => Array.from({ length: 1000 }, (_, i) => `<li>第 ${n} 页 ${(i * 7919) % 1000}</li>`).join('');
    const identity = Buffer.byteLength(body(1));
    const pages = (maxBytes: number) => {
      const cache = new PageCache(async () => 1, { maxEntries: 100, maxBytes });
      const app = new Hono().get(
        '/pages/:n',
        cache.wrap([], (c: Context) => c.html(body(Number(c.req.param('n'))))),
      );
      const sent = async (n: number, encoding: string) => (await app.request(`/pages/${n}`, { headers: { 'Accept-Encoding': encoding } })).arrayBuffer();
      return { cache, sent };
    };
    const unbounded = pages(1 << 30);
    const br = (await unbounded.sent(1, 'br')).byteLength;
    assert.equal(unbounded.cache.stats().bytes, identity + br);
    const gzip = (await unbounded.sent(1, 'gzip')).byteLength;
    assert.equal(unbounded.cache.stats().bytes, identity + br + gzip, 'the gzip form a second reader took is counted too');
    await unbounded.cache.compressionSettled();
    const best = (await unbounded.sent(1, 'br')).byteLength + (await unbounded.sent(1, 'gzip')).byteLength;
    assert.equal(unbounded.cache.stats().bytes, identity + best, 'the best forms replace the fast ones in the count');

    // Room for page 1 at its best and page 2 in identity and brotli; not for page 2's gzip form too.
    const maxBytes = identity + best + identity + br + Math.floor(gzip / 2);
    const { cache, sent } = pages(maxBytes);
    await sent(1, 'br');
    await sent(1, 'gzip');
    await cache.compressionSettled();
    await sent(2, 'br');
    assert.equal(cache.stats().pages, 2);
    await sent(2, 'gzip');
    assert.equal(cache.stats().pages, 1, 'page 1, the least recent, made room');
    assert.equal(await cache.currentResponse(LOCAL, '/pages/1', noConditions), undefined);
    assert.ok(await cache.currentResponse(LOCAL, '/pages/2', noConditions));
    assert.ok(cache.stats().bytes <= maxBytes);
  });
});
