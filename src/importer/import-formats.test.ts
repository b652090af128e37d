import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { publishedArticlesNewestFirst } from '../articles/article.service.ts';
import type { Article } from '../articles/article.ts';
import { countArticles } from '../articles/article.store.ts';
import type { Db } from '../db/database.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { tempDir, testDialects } from '../../test/helpers/test-db.ts';
import { importFile, importText, UnreadableImportError } from './importer.service.ts';

async function allArticles(db: Db): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const article of publishedArticlesNewestFirst(db)) articles.push(article);
  return articles;
}

const ndjson = (...objects: unknown[]) => objects.map((object) => (typeof object === 'string' ? object : JSON.stringify(object))).join('\n');

// The smallest feeds of each kind, with articles the seed does not have.
const atomOf = (...titles: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:test</id><title>测试</title><updated>2025-01-05T00:00:00Z</updated>
${titles.map((title, i) => `<entry><id>urn:test:${i}</id><title>${title}</title><updated>2025-01-0${i + 1}T08:00:00+08:00</updated><content type="html">&lt;p&gt;正文${i}。&lt;/p&gt;</content></entry>`).join('\n')}
</feed>`;
const rssOf = (...titles: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>测试</title><link>https://example.gov.cn/</link><description>测试</description>
${titles.map((title, i) => `<item><title>${title}</title><pubDate>Sun, 0${i + 4} Jan 2025 10:00:00 +0800</pubDate><description>正文${i}。</description></item>`).join('\n')}
</channel></rss>`;

for (const dialect of testDialects()) {
  describe(`importing each format on ${dialect.name}`, () => {
    it('NDJSON: channels by slug or name, Markdown kept, numbered rejections among good lines; a second run changes nothing', async () => {
      const opened = await dialect.open();
      try {
        const writing = writingFor(opened);
        const text = ndjson(
          { title: '【东湖区招商】东湖区签约新项目', body: '东湖区签约新项目。', date: '2025-03-01' },
          { title: '按频道代码归类', body: '一篇文章。', date: '2025-03-02', channel: 'xinjian' },
          '{"title": "坏的一行"',
          { title: '按频道名称归类', body: '一篇文章。', date: '2025-03-03', channel: '进贤县' },
          { title: '未知频道', body: '正文。', date: '2025-03-04', channel: '火星区' },
          { title: '控制台文章', body: '## 小标题\n\n**加粗**的正文。', date: '2025-03-05', format: 'markdown', channel: 'nanchang' },
          { title: '日期不对', body: '正文。', date: '2025-02-30' },
        );
        const first = await importText(opened.db, writing, text);
        assert.deepEqual([first.format, first.imported, first.updated, first.unchanged], ['ndjson', 4, 0, 0]);
        assert.deepEqual(
          first.rejected.map((r) => [r.position, r.reason]),
          [
            ['line 3', `not valid JSON (${first.rejected[0]!.reason.slice('not valid JSON ('.length, -1)})`],
            ['line 5', 'unknown channel "火星区"'],
            ['line 7', 'bad date "2025-02-30" (expected YYYY-MM-DD)'],
          ],
        );
        const stored = new Map((await allArticles(opened.db)).map((article) => [article.title, article]));
        assert.equal(stored.get('东湖区签约新项目')?.channel, 'donghu', 'without a channel the title tag decides');
        assert.equal(stored.get('按频道代码归类')?.channel, 'xinjian');
        assert.equal(stored.get('按频道名称归类')?.channel, 'jinxian');
        const markdown = stored.get('控制台文章')!;
        assert.deepEqual([markdown.bodyFormat, markdown.body, markdown.channel], ['markdown', '## 小标题\n\n**加粗**的正文。', 'nanchang']);
        assert.equal(markdown.excerpt, '小标题 加粗的正文。', 'the excerpt is read without the Markdown');

        const again = await importText(opened.db, writing, text);
        assert.deepEqual([again.imported, again.updated, again.unchanged, again.rejected.length], [0, 0, 4, 3]);
        const moved = await importText(opened.db, writing, ndjson({ title: '按频道代码归类', body: '一篇文章。', date: '2025-03-02', channel: 'anyi' }));
        assert.deepEqual([moved.imported, moved.updated], [0, 1], 'a different channel is an update');
      } finally {
        await opened.close();
      }
    });

    it('NDJSON with --strict imports nothing when a line is rejected', async () => {
      const opened = await dialect.open();
      try {
        const text = ndjson({ title: '好的', body: '正文。', date: '2025-03-01' }, { title: '缺正文', date: '2025-03-01' });
        const report = await importText(opened.db, writingFor(opened), text, { strict: true });
        assert.deepEqual([report.aborted, report.rejected[0]?.position, report.rejected[0]?.reason], [true, 'line 2', '"body" is missing']);
        assert.equal(await countArticles(opened.db), 0);
      } finally {
        await opened.close();
      }
    });

    it('feeds: rejections numbered by entry, hostile HTML stored clean, --strict writes nothing', async () => {
      const opened = await dialect.open();
      try {
        const writing = writingFor(opened);
        const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>测试</title><link>https://example.gov.cn/</link><description>测试</description>
<item><title>好文章</title><pubDate>Wed, 02 Apr 2025 00:00:00 +0800</pubDate><category domain="unknown">未知的分类</category>
<content:encoded><![CDATA[<p onclick="x()">好的<script>alert(1)</script>正文。<img src=x onerror=alert(1)></p><p><a href="javascript:alert(1)">链接</a></p>]]></content:encoded></item>
<item><title></title><pubDate>Tue, 01 Apr 2025 00:00:00 +0800</pubDate><category domain="donghu">东湖区</category><description>没有标题。</description></item>
</channel></rss>`;
        const strict = await importText(opened.db, writing, rss, { strict: true });
        assert.deepEqual([strict.aborted, await countArticles(opened.db)], [true, 0]);
        const report = await importText(opened.db, writing, rss);
        assert.deepEqual([report.format, report.imported], ['rss', 1]);
        assert.deepEqual(
          report.rejected.map((r) => [r.position, r.reason]),
          [['entry 2', 'empty title']],
        );
        const [article] = await allArticles(opened.db);
        assert.equal(article!.body, '好的正文。\n链接');
        assert.equal(article!.channel, 'nanchang', 'a category that names no channel leaves the title and text to decide');
      } finally {
        await opened.close();
      }
    });
  });
}

describe('importing a file', () => {
  it('tells the format by content whatever the file is called, and refuses an empty or unknown file without writing', async () => {
    const dir = tempDir();
    const opened = await testDialects()[0]!.open();
    try {
      const writing = writingFor(opened);
      const files = {
        'feed.txt': atomOf('原子一', '原子二'),
        'articles.xml': ndjson({ title: '标题', body: '正文。', date: '2025-01-02' }),
        'seed.json': '-\n标题二\n正文二。\n2025-01-03\n',
        'news.rss': rssOf('简易信息聚合'),
      };
      const formats = [];
      for (const [name, content] of Object.entries(files)) {
        writeFileSync(join(dir.path, name), content);
        const report = await importFile(opened.db, writing, join(dir.path, name));
        formats.push([name, report.format, report.imported]);
      }
      assert.deepEqual(formats, [
        ['feed.txt', 'atom', 2],
        ['articles.xml', 'ndjson', 1],
        ['seed.json', 'seed', 1],
        ['news.rss', 'rss', 1],
      ]);
      for (const [name, content, message] of [
        ['empty.txt', '', /the file is empty; expected RSS 2\.0/],
        ['page.html', '<html><body>招商</body></html>', /root element is <html>/],
        ['broken.xml', '<rss version="2.0"><channel><item><title>断</titl', /an RSS 2\.0 file that cannot be read/],
      ] as const) {
        writeFileSync(join(dir.path, name), content);
        await assert.rejects(
          importFile(opened.db, writing, join(dir.path, name)),
          (error) => error instanceof UnreadableImportError && message.test(error.message),
        );
      }
      assert.equal(await countArticles(opened.db), 5);
    } finally {
      await opened.close();
      dir.remove();
    }
  });
});
