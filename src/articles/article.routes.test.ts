import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSeededApp, textOf } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { latestArticles } from './article.store.ts';

for (const dialect of testDialects()) {
  describe(`article pages on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    before(async () => (seeded = await openSeededApp({ dialect })));
    after(() => seeded.close());

    it('home lists the seed newest first with channel, title, excerpt and date', async () => {
      const response = await seeded.app.request('/');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/);
      const html = await response.text();
      assert.match(html, /<html lang="zh-CN">/);
      assert.equal(html.match(/<h1[ >]/g)?.length, 1, 'one h1');
      for (const landmark of ['<header', '<nav', '<main', '<footer']) assert.ok(html.includes(landmark), landmark);
      const titles = [...html.matchAll(/<h2><a href="\/articles\/\d+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
      assert.equal(titles.length, 10);
      assert.equal(titles[0], '2015年东湖区政府工作报告');
      assert.equal(titles[9], '南昌青山湖创新社区治理模式 打造社会组织孵化平台');
      assert.ok(!html.includes('【东湖区招商】'), 'display titles drop the tag');
      assert.match(html, /<a class="channel-tag" href="\/channels\/donghu">东湖区<\/a>\s*<time datetime="2025-07-30">2025-07-30<\/time>/);
      const excerpt = textOf(html, /<h2><a href="\/articles\/\d+">2015年东湖区政府工作报告<\/a><\/h2><p>([^<]+)<\/p>/);
      assert.ok(excerpt?.startsWith('各位代表'));
      assert.equal(Array.from(excerpt!).length, 121, '120 characters and an ellipsis');
      for (const link of ['href="/submit"', 'href="/contact"', 'href="/enterprises/apply"']) assert.ok(html.includes(link), link);
    });

    it('an article page shows paragraphs, headings, date, channel, neighbours and related articles', async () => {
      const [report] = await latestArticles(seeded.db, { limit: 1, offset: 0 });
      const html = await (await seeded.app.request(`/articles/${report!.id}`)).text();
      assert.equal(textOf(html, /<h1>(.*?)<\/h1>/), '2015年东湖区政府工作报告');
      assert.match(html, /<time datetime="2025-07-30">/);
      assert.match(html, /<h2 id="section-1">2014年工作回顾<\/h2>/);
      assert.match(html, /<h2 id="section-\d+">一、更加注重质效并举,经济实力跃上新高度<\/h2>/);
      assert.ok((html.match(/<p>/g)?.length ?? 0) > 40, 'the one-line body becomes many paragraphs');
      assert.match(html, /上一篇:没有了/);
      assert.match(html, /下一篇:<a href="\/articles\/\d+">2015年青云谱区政府工作报告<\/a>/);
      assert.match(html, /<title>2015年东湖区政府工作报告 - 南昌招商<\/title>/);
    });

    it('a long report opens with a table of contents linking each section; a short article has none', async () => {
      const [report] = await latestArticles(seeded.db, { limit: 1, offset: 0 });
      const html = await (await seeded.app.request(`/articles/${report!.id}`)).text();
      const toc = /<nav class="toc" aria-labelledby="toc-heading"><h2 id="toc-heading">目录<\/h2><ol>(.*?)<\/ol><\/nav>/.exec(html)?.[1];
      assert.ok(toc, 'the report has a 目录');
      const entries = [...toc.matchAll(/<a href="#(section-\d+)">([^<]+)<\/a>/g)].map((m) => ({ id: m[1]!, text: m[2]! }));
      const headings = [...html.matchAll(/<h2 id="(section-\d+)">([^<]+)<\/h2>/g)].map((m) => ({ id: m[1]!, text: m[2]! }));
      assert.ok(entries.length >= 3, `${entries.length} sections`);
      assert.deepEqual(entries, headings, 'one entry per section heading, each linking its id');
      assert.ok(html.indexOf('class="toc"') < html.indexOf('id="section-1"'), 'the 目录 comes before the text');

      const short = await seeded.db
        .selectFrom('article')
        .select('id')
        .where('title', '=', '工会法律直通车进园区优化招商营造和谐劳动关系')
        .executeTakeFirstOrThrow();
      const shortHtml = await (await seeded.app.request(`/articles/${short.id}`)).text();
      assert.ok(!shortHtml.includes('class="toc"'), 'no 目录 for a text without three sections');
    });

    it('answers unknown articles and pages with a Chinese 404 page and bad page numbers with 400', async () => {
      for (const path of ['/articles/999999', '/articles/abc', '/articles/0', '/no-such-page', '/?page=2']) {
        const response = await seeded.app.request(path);
        assert.equal(response.status, 404, path);
        const html = await response.text();
        assert.match(html, /页面不存在/, path);
        assert.match(html, /<html lang="zh-CN">/);
      }
      for (const path of ['/?page=abc', '/?page=0', '/?page=-1', '/?page=1e3']) {
        const response = await seeded.app.request(path);
        assert.equal(response.status, 400, path);
        assert.match(await response.text(), /页码.*无效/);
      }
    });
  });
}
