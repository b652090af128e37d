// The open API's behaviour beyond its contract: cursor walks while articles are added, filters and
// their bounds, ETag/304, CORS, the per-client limit, the insights and directory rules, the old
// addresses' deprecation notices and the reference page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../app.ts';
import { saveArticleDraft } from '../articles/article.service.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, type TestDb } from '../../test/helpers/test-db.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { fillWithSiteContent } from '../../test/helpers/site-content.ts';

type Page<T> = { items: T[]; nextCursor: string | null };
type Summary = { id: number; publishedOn: string; channel: { slug: string } };

for (const dialect of testDialects()) {
  describe(`open API on ${dialect.name}`, () => {
    let opened: TestDb;
    let deps: ReturnType<typeof appDeps>;
    let app: ReturnType<typeof createApp>;
    const json = async <T>(path: string, init?: RequestInit): Promise<T> => {
      const response = await app.request(path, init);
      assert.equal(response.status, 200, path);
      return (await response.json()) as T;
    };
    const problem = async (path: string, status: number) => {
      const response = await app.request(path);
      assert.equal(response.status, status, path);
      assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8', path);
      const body = (await response.json()) as { status: number; detail: string; title: string; type: string };
      assert.equal(body.status, status);
      return body;
    };
    let added = 0;
    const addArticle = (publishedOn: string) =>
      opened.db.transaction().execute((trx) =>
        saveArticleDraft(trx, writingFor(opened), {
          originalTitle: `【东湖区招商】翻页期间新增的文章${(added += 1)}`,
          body: '东湖区新签约项目一个。',
          publishedOn,
        }),
      );

    before(async () => {
      opened = await dialect.open();
      await fillWithSiteContent(opened);
      deps = appDeps(opened);
      app = createApp(deps);
    });
    after(() => opened.close());

    it('walks the whole list once, newest first, with no duplicates while articles are added between pages', async () => {
      const before = (await json<Page<Summary>>('/api/v1/articles?limit=100')).items;
      assert.ok(before.length >= 10);
      const seen: Summary[] = [];
      let cursor: string | null = '';
      let pages = 0;
      while (cursor !== null) {
        const page: Page<Summary> = await json(`/api/v1/articles?limit=3&cursor=${encodeURIComponent(cursor)}`);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages += 1;
        // One newer than all (it must not shift the walk) and one dated like the oldest.
        await addArticle('2026-12-01');
        if (pages === 2) await addArticle(before.at(-1)!.publishedOn);
      }
      const ids = seen.map((item) => item.id);
      assert.equal(new Set(ids).size, ids.length, 'no article twice');
      for (const original of before) assert.equal(ids.filter((id) => id === original.id).length, 1, `article ${original.id} once`);
      for (let i = 1; i < seen.length; i += 1) {
        const [a, b] = [seen[i - 1]!, seen[i]!];
        assert.ok(a.publishedOn > b.publishedOn || (a.publishedOn === b.publishedOn && a.id > b.id), 'newest first');
      }
      assert.ok(pages >= Math.ceil(before.length / 3));
    });

    it('the last page has no cursor, and limits outside 1–100 are refused', async () => {
      const all = (await json<Page<Summary>>('/api/v1/articles?limit=100')).items.length;
      const exact = await json<Page<Summary>>(`/api/v1/articles?limit=${all}`);
      assert.equal(exact.items.length, all);
      assert.equal(exact.nextCursor, null, 'a page that ends the list says so');
      assert.equal((await json<Page<Summary>>('/api/v1/articles')).items.length, Math.min(20, all), 'default limit 20');
      for (const limit of ['0', '101', '-1', '2.5', 'abc']) assert.match((await problem(`/api/v1/articles?limit=${limit}`, 400)).detail, /“limit”/);
    });

    it('filters by channel and by date, inclusive; an unknown channel or reversed dates are a 400 problem', async () => {
      const all = (await json<Page<Summary>>('/api/v1/articles?limit=100')).items;
      const donghu = (await json<Page<Summary>>('/api/v1/articles?channel=donghu&limit=100')).items;
      assert.ok(donghu.length > 0);
      assert.deepEqual(
        donghu.map((item) => item.id),
        all.filter((item) => item.channel.slug === 'donghu').map((item) => item.id),
      );
      const day = all[Math.floor(all.length / 2)]!.publishedOn;
      const onDay = (await json<Page<Summary>>(`/api/v1/articles?from=${day}&to=${day}&limit=100`)).items;
      assert.deepEqual(
        onDay.map((item) => item.id),
        all.filter((item) => item.publishedOn === day).map((item) => item.id),
      );
      const since = (await json<Page<Summary>>(`/api/v1/articles?from=${day}&limit=100`)).items;
      assert.deepEqual(
        since.map((item) => item.id),
        all.filter((item) => item.publishedOn >= day).map((item) => item.id),
      );
      assert.match((await problem('/api/v1/articles?channel=atlantis', 400)).detail, /“channel”.*没有这个频道/);
      assert.match((await problem('/api/v1/articles?from=2025-02-30', 400)).detail, /“from”/);
      assert.match((await problem('/api/v1/articles?from=2025-02-01&to=2025-01-01', 400)).detail, /起始日期不能晚于截止日期/);
    });

    it('refuses an edited, foreign or made-up cursor with a 400 problem', async () => {
      const { nextCursor } = await json<Page<Summary>>('/api/v1/articles?limit=2');
      assert.ok(nextCursor);
      const decoded = Buffer.from(nextCursor, 'base64url').toString();
      const edited = Buffer.from(decoded.replace(/"id":(\d+)/, (_, id) => `"id":${Number(id) + 1}`)).toString('base64url');
      const projects = await json<Page<unknown>>('/api/v1/projects?limit=1');
      for (const cursor of [edited, 'not-a-cursor', `${nextCursor}x`, projects.nextCursor!, Buffer.from('{}').toString('base64url')]) {
        assert.match((await problem(`/api/v1/articles?cursor=${encodeURIComponent(cursor)}`, 400)).detail, /“cursor”/, cursor);
      }
    });

    it('answers one article, and unknown ids and routes with 404 problems, not the HTML page', async () => {
      const [first] = (await json<Page<Summary>>('/api/v1/articles?limit=1')).items;
      const article = await json<{ id: number; body: string; url: string }>(`/api/v1/articles/${first!.id}`);
      assert.equal(article.id, first!.id);
      assert.ok(article.body.length > 0);
      assert.equal((await problem('/api/v1/articles/99999999', 404)).title, '页面不存在');
      await problem('/api/v1/no-such-thing', 404);
      await problem('/api/v1/articles/1/extra', 404);
    });

    it("lists a policy's attachments with their addresses, types, sizes and web sizes, and an article without any as an empty list", async () => {
      const { id } = await opened.db.selectFrom('attachment').select('owner_id as id').where('owner_kind', '=', 'policy').executeTakeFirstOrThrow();
      type Listed = {
        name: string;
        url: string;
        fileType: string;
        contentType: string;
        size: number;
        width: number | null;
        sizes: Array<{ width: number; url: string }>;
      };
      const policy = await json<{ attachments: Listed[] }>(`/api/v1/policies/${id}`);
      assert.deepEqual(
        policy.attachments.map((item) => [item.name, item.fileType, item.contentType, item.width, item.sizes.map((size) => size.width)]),
        [
          ['措施全文.pdf', 'pdf', 'application/pdf', null, []],
          ['产业园鸟瞰.png', 'png', 'image/png', 1000, [480, 960]],
        ],
      );
      for (const item of policy.attachments) {
        const file = await app.request(item.url);
        assert.equal(file.status, 200, item.url);
        assert.equal(Number(file.headers.get('content-length')), item.size);
        assert.equal(file.headers.get('content-type'), item.contentType);
      }
      assert.equal((await app.request(policy.attachments[1]!.sizes[0]!.url)).headers.get('content-type'), 'image/webp');
      const [first] = (await json<Page<Summary>>('/api/v1/articles?limit=1')).items;
      assert.deepEqual((await json<{ attachments: Listed[] }>(`/api/v1/articles/${first!.id}`)).attachments, []);
    });

    it('gives an ETag and answers a matching If-None-Match with 304 until the content changes', async () => {
      const first = await app.request('/api/v1/channels');
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[\w-]+"$/);
      assert.equal(first.headers.get('cache-control'), 'public, no-cache');
      const again = await app.request('/api/v1/channels', { headers: { 'If-None-Match': etag! } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      await addArticle('2026-12-02');
      const changed = await app.request('/api/v1/channels', { headers: { 'If-None-Match': etag! } });
      assert.equal(changed.status, 200, 'a new article changes the counts, so the old ETag no longer matches');
      assert.notEqual(changed.headers.get('etag'), etag);
    });

    it('allows cross-origin GET and HEAD without credentials, and nothing else', async () => {
      const preflight = await app.request('/api/v1/articles', {
        method: 'OPTIONS',
        headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
      assert.deepEqual(preflight.headers.get('access-control-allow-methods')?.split(','), ['GET', 'HEAD']);
      assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
      const get = await app.request('/api/v1/channels', { headers: { Origin: 'https://example.org' } });
      assert.equal(get.headers.get('access-control-allow-origin'), '*');
      assert.match(get.headers.get('access-control-expose-headers') ?? '', /ETag.*RateLimit-Remaining/);
      const post = await app.request('/api/v1/articles', { method: 'POST', headers: { Origin: 'https://example.org' } });
      assert.equal(post.status, 404);
      assert.equal(post.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    });

    it('limits each client: RateLimit headers count down, a 429 problem with Retry-After, then recovery', async () => {
      const limited = createApp({ ...deps, apiRateLimit: { name: 'api', max: 3, windowSeconds: 1 } });
      const from = (client: string) => ({ headers: { 'X-Forwarded-For': client } });
      // Start at the beginning of a window, so the three requests fall in one.
      await sleep(1000 - (Date.now() % 1000));
      const remaining: (string | null)[] = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await limited.request('/api/v1/channels', from('198.51.100.7'));
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('ratelimit-limit'), '3');
        remaining.push(response.headers.get('ratelimit-remaining'));
      }
      assert.deepEqual(remaining, ['2', '1', '0']);
      const refused = await limited.request('/api/v1/channels', from('198.51.100.7'));
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.match(refused.headers.get('retry-after') ?? '', /^[01]$/);
      assert.match(((await refused.json()) as { detail: string }).detail, /请求过于频繁/);
      assert.equal((await limited.request('/api/v1/channels', from('198.51.100.8'))).status, 200, 'another client is not affected');
      await sleep(1100);
      assert.equal((await limited.request('/api/v1/channels', from('198.51.100.7'))).status, 200, 'the next window allows again');
    });

    it('follows INSIGHTS_PUBLIC: unconfirmed figures only marked as such, and none at all with `confirmed`', async () => {
      type Figure = { verified: boolean; status: string };
      const marked = (await json<Page<Figure>>('/api/v1/indicators?limit=100')).items;
      assert.ok(marked.some((item) => !item.verified));
      for (const item of marked) assert.equal(item.status, item.verified ? '已核实' : '系统识别，待核实');
      const confirmedApp = createApp({ ...deps, insightsPublic: 'confirmed' });
      for (const path of ['/api/v1/indicators?limit=100', '/api/v1/projects?limit=100']) {
        const items = ((await (await confirmedApp.request(path)).json()) as Page<Figure>).items;
        assert.ok(items.length < (await json<Page<Figure>>(path)).items.length, `${path} shows fewer`);
        for (const item of items) assert.equal(item.verified, true, path);
      }
    });

    it('lists the enterprise directory as its page does, without personal data', async () => {
      const response = await app.request('/api/v1/enterprises');
      const text = await response.text();
      const page = JSON.parse(text) as Page<{ companyName: string }>;
      assert.deepEqual(
        page.items.map((item) => item.companyName),
        ['东湖数字科技有限公司'],
      );
      for (const personal of ['赵六', '13700137000', '91110000802100433B', 'RZ-']) assert.ok(!text.includes(personal), personal);
      const html = await (await app.request('/enterprises')).text();
      assert.ok(html.includes('东湖数字科技有限公司'), 'the page lists the same enterprise');
    });

    it('keeps /api/search, /data.json and /projects.json as they were, marked deprecated with their successor', async () => {
      const cases = [
        [`/api/search?q=${encodeURIComponent('招商')}`, '/api/v1/search', (body: unknown) => Array.isArray((body as { results: unknown[] }).results)],
        ['/data.json', '/api/v1/indicators', Array.isArray],
        ['/projects.json', '/api/v1/projects', Array.isArray],
      ] as const;
      for (const [path, successor, shapeIsOld] of cases) {
        for (const attempt of ['rendered', 'from the page cache']) {
          const response = await app.request(path);
          assert.equal(response.status, 200, `${path} ${attempt}`);
          assert.match(response.headers.get('deprecation') ?? '', /^@\d+$/, `${path} ${attempt}`);
          assert.equal(response.headers.get('link'), `<${successor}>; rel="successor-version"`, `${path} ${attempt}`);
          assert.ok(shapeIsOld(await response.json()), `${path} answers in its old shape`);
        }
        // The server's fast path answers from memory before routing; the notices must survive it.
        const fast = await deps.pageCache.currentResponse('http://localhost', path, { ifNoneMatch: undefined, acceptEncoding: undefined, head: false });
        assert.ok(fast, `${path} is in the page cache`);
        assert.equal(fast.headers.Link, `<${successor}>; rel="successor-version"`);
        assert.match(fast.headers.Deprecation ?? '', /^@\d+$/);
      }
    });

    it('serves the reference page at /api/docs from the document, with parameters, fields and a curl example', async () => {
      const response = await app.request('/api/docs');
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<html lang="zh-CN">/);
      assert.ok(!/<script(?![^>]*src="\/static\/)/.test(html), 'no inline or third-party script');
      const document = (await json<{ paths: Record<string, Record<string, { summary: string }>> }>('/api/v1/openapi.json')).paths;
      for (const [path, methods] of Object.entries(document)) {
        for (const operation of Object.values(methods)) assert.ok(html.includes(operation.summary), `${path}: ${operation.summary}`);
      }
      assert.match(html, /<code>channel<\/code>/);
      assert.match(html, /<code>nextCursor<\/code>/);
      assert.match(html, /curl -s &#39;http:\/\/localhost\/api\/v1\/articles\/1&#39;|curl -s 'http:\/\/localhost\/api\/v1\/articles\/1'/);
      assert.match(html, /\/data\.json/);
    });
  });
}
