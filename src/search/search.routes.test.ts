import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importSeedText } from '../importer/importer.service.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { openSeededApp, textOf } from '../../test/helpers/test-app.ts';

describe('search pages and API', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  before(async () => (seeded = await openSeededApp()));
  after(() => seeded.close());

  it('shows ranked results with marked words, the count and the query kept in the form', async () => {
    const response = await seeded.app.request('/search?q=%E5%AF%8C%E5%A3%AB%E5%BA%B7'); // 富士康
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /共找到 1 篇相关文章/);
    assert.match(html, /<a href="\/articles\/\d+">南昌小蓝经开区与<mark>富士康<\/mark>共建智能科技小镇/);
    assert.match(html, /name="q" value="富士康"/);
    assert.equal(textOf(html, /<title>([^<]*)<\/title>/), '“富士康”的搜索结果 - 南昌招商');
  });

  it('puts a search box on every page', async () => {
    for (const path of ['/', '/channels', '/articles/1', '/submit']) {
      const html = await (await seeded.app.request(path)).text();
      assert.match(html, /<form class="site-search" action="\/search" method="get" role="search"/, path);
    }
  });

  it('answers bad queries and filters with a message, never an error page', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['/search', 200, /输入关键词搜索全站文章/],
      ['/search?q=%20%20', 400, /请输入要搜索的关键词/],
      [`/search?q=${'税'.repeat(101)}`, 400, /不要超过 100 个字/],
      ['/search?q=%22*%22%20-%20(', 400, /没有可以查找的文字或数字/],
      ['/search?q=%E7%A8%8E&channel=nowhere', 400, /没有这个频道/],
      ['/search?q=%E7%A8%8E&from=2025-02-30', 400, /开始日期“2025-02-30”无效/],
      ['/search?q=%E7%A8%8E&from=2025-02-01&to=2025-01-01', 400, /开始日期不能晚于结束日期/],
      ['/search?q=%E7%A8%8E&page=0', 400, /页码“0”无效/],
    ];
    for (const [path, status, message] of cases) {
      const response = await seeded.app.request(path);
      assert.equal(response.status, status, path);
      const html = await response.text();
      assert.match(html, message, path);
      assert.match(html, /<form class="search-filters"/, `${path} keeps the form`);
    }
    for (const query of ['"', 'NEAR(富士康', 'OR', '-税', '*', 'a"b', "'; drop table article; --", '\\']) {
      const response = await seeded.app.request(`/search?q=${encodeURIComponent(query)}`);
      assert.ok(response.status === 200 || response.status === 400, `${query} gave ${response.status}`);
    }
  });

  it('escapes what readers type and what articles contain', async () => {
    await importSeedText(seeded.db, writingFor(seeded), '-\n<b>粗体</b>税收标题\n正文<img src=x onerror=alert(1)>税收。\n2026-02-01\n');
    const html = await (await seeded.app.request(`/search?q=${encodeURIComponent('税收')}`)).text();
    assert.ok(!html.includes('<img src=x'), 'no raw markup from the article');
    const typed = await (await seeded.app.request(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`)).text();
    assert.ok(!typed.includes('<script>') && typed.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the query is shown as text');
    assert.match(html, /&lt;b&gt;粗体&lt;\/b&gt;<mark>税收<\/mark>标题/);
  });

  it('serves the same search as JSON with problem details for bad input', async () => {
    const response = await seeded.app.request('/api/search?q=%E8%9E%8D%E8%B5%84&pageSize=2'); // 融资
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      total: number;
      pageCount: number;
      results: Array<{ title: string; url: string; channel: { slug: string; name: string }; snippet: string; snippetHtml: string }>;
    };
    assert.equal(body.total, 4);
    assert.equal(body.pageCount, 2);
    assert.equal(body.results.length, 2);
    assert.equal(body.results[0]?.title, '南昌政银企联动破解融资难题 厚植中小企业成长沃土');
    assert.match(body.results[0]!.url, /^\/articles\/\d+$/);
    assert.deepEqual(body.results[0]?.channel, { slug: 'nanchang', name: '南昌市' });
    assert.ok(body.results[0]!.snippet.includes('融资') && body.results[0]!.snippetHtml.includes('<mark>融资</mark>'));

    for (const path of ['/api/search', '/api/search?q=%E8%9E%8D%E8%B5%84&pageSize=500', '/api/search?q=%E8%9E%8D%E8%B5%84&to=tomorrow']) {
      const problem = await seeded.app.request(path);
      assert.equal(problem.status, 400, path);
      assert.match(problem.headers.get('content-type') ?? '', /application\/problem\+json/);
      const detail = ((await problem.json()) as { detail: string }).detail;
      assert.match(detail, /[\u4e00-\u9fff]/u, path);
    }
  });

  it('lists related articles on an article page', async () => {
    const search = (await (await seeded.app.request('/api/search?q=%E5%AF%8C%E5%A3%AB%E5%BA%B7')).json()) as { results: Array<{ url: string }> };
    const html = await (await seeded.app.request(search.results[0]!.url)).text();
    const related = /<aside class="aside-box"[^]*?<\/aside>/.exec(html)?.[0] ?? '';
    const links = [...related.matchAll(/href="(\/articles\/\d+)"/g)].map((m) => m[1]);
    assert.ok(links.length > 0 && links.length <= 5, related);
    assert.ok(!links.includes(search.results[0]!.url), 'not the article itself');
  });
});
