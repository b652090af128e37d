import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { writingFor, channels } from '../../test/helpers/seed.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { parseXml, RFC_3339, RFC_822, textOf } from '../../test/helpers/xml.ts';
import { saveArticleDraft } from './article.service.ts';
import { FEED_SIZE } from './article.feeds.ts';

const LOCAL = 'http://localhost';
// Everything XML must escape, and characters XML 1.0 cannot hold at all (they are dropped).
const TRICKY_TITLE = '【东湖区招商】A<b> & ]]> "双引号" \'单引号\' \u0001控制\u000B字符\uFFFE';
const TRICKY_BODY = '正文含有 <script>alert(1)</script> & ]]> 以及 "引号" \u0007响铃。 一、第一部分 这里是内容。';
const XML_SAFE_TITLE = '【东湖区招商】A<b> & ]]> "双引号" \'单引号\' 控制字符';

for (const dialect of testDialects()) {
  describe(`article feeds on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    before(async () => {
      seeded = await openSeededApp({ dialect });
      // More articles than a feed lists, several on one day (ordered by id), and one a feed must escape.
      await seeded.db.transaction().execute(async (trx) => {
        for (let n = 0; n < FEED_SIZE; n += 1) {
          const day = String(1 + (n % 9)).padStart(2, '0');
          await saveArticleDraft(trx, writingFor(seeded), {
            originalTitle: `【西湖区招商】测试文章${n}`,
            body: `测试正文${n}。`,
            publishedOn: `2026-02-${day}`,
          });
        }
        await saveArticleDraft(trx, writingFor(seeded), { originalTitle: TRICKY_TITLE, body: TRICKY_BODY, publishedOn: '2026-03-01' });
      });
      // A Markdown body, as console articles have, rendered in feeds as on its page.
      await seeded.db
        .updateTable('article')
        .set({ body_format: 'markdown', body: '## 小标题\n\n**加粗** 与 [链接](https://example.com) <img src=x onerror=alert(1)>' })
        .where('original_title', '=', '【西湖区招商】测试文章0')
        .execute();
      // Not published: in no feed.
      await seeded.db.updateTable('article').set({ status: 'draft' }).where('original_title', '=', '【西湖区招商】测试文章1').execute();
    });
    after(() => seeded.close());

    /** Published articles newest first, as the database has them, optionally in one channel. */
    async function publishedArticles(channel?: string) {
      let query = seeded.db
        .selectFrom('article')
        .select(['id', 'original_title', 'channel', 'published_on', 'updated_at', 'body', 'body_format'])
        .where('status', '=', 'published');
      if (channel) query = query.where('channel', '=', channel);
      return query.orderBy('published_on', 'desc').orderBy('id', 'desc').execute();
    }

    async function feedText(path: string, contentType: string) {
      const response = await seeded.app.request(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), contentType);
      return response.text();
    }

    for (const [format, contentType] of [
      ['rss', 'application/rss+xml; charset=utf-8'],
      ['atom', 'application/atom+xml; charset=utf-8'],
    ] as const) {
      it(`/${format}.xml lists the ${FEED_SIZE} newest published articles as the database has them`, async () => {
        const expected = (await publishedArticles()).slice(0, FEED_SIZE);
        assert.equal(expected.length, FEED_SIZE, 'the test database holds more than a feed');
        const feed = parseFeed(await feedText(`/${format}.xml`, contentType));
        assert.equal(feed.items.length, FEED_SIZE);
        feed.items.forEach((item, index) => {
          const row = expected[index]!;
          const url = `${LOCAL}/articles/${row.id}`;
          assert.equal(item.title, row.original_title === TRICKY_TITLE ? XML_SAFE_TITLE : row.original_title, `title ${index}`);
          assert.equal(item.url, url);
          assert.equal(item.id, url, 'the permanent id is the article’s address');
          // The date is a Beijing calendar day: its midnight there.
          assert.equal(item.published?.toISOString(), new Date(`${row.published_on}T00:00:00+08:00`).toISOString(), `date ${index}`);
          const channel = channels.bySlug(row.channel)!;
          assert.deepEqual(
            item.categories.map((category) => category.label),
            [channel.name],
          );
          if (format === 'rss') assert.equal(item.categories[0]!.url, `${LOCAL}/channels/${row.channel}`);
          else {
            assert.equal(item.categories[0]!.term, row.channel);
            assert.equal(item.updated?.toISOString(), new Date(Math.floor(Date.parse(row.updated_at) / 1000) * 1000).toISOString());
          }
        });
      });

      it(`/${format}.xml carries each body as the article page renders it`, async () => {
        // Read exactly with fast-xml-parser: feed-parser decodes HTML entities once more than XML does.
        const items: Array<Record<string, unknown>> = [];
        for (const slug of ['donghu', 'xihu']) {
          const doc = parseXml(await feedText(`/channels/${slug}/${format}.xml`, contentType));
          items.push(...(format === 'rss' ? doc.rss.channel.item : doc.feed.entry));
        }
        const contentOf = (title: string) => {
          const item = items.find((candidate) => textOf(candidate.title) === title)!;
          const link = format === 'rss' ? textOf((item.link as unknown[])[0]) : (item.link as Array<Record<string, string>>)[0]!['@href'];
          return { path: new URL(link!).pathname, html: textOf(format === 'rss' ? item['content:encoded'] : item.content)! };
        };
        const markdown = contentOf('【西湖区招商】测试文章0');
        const tricky = contentOf(XML_SAFE_TITLE);
        for (const item of [markdown, tricky, contentOf('【东湖区招商】2015年东湖区政府工作报告')]) {
          const page = await (await seeded.app.request(item.path)).text();
          const body = /<div class="article-body">[\s\S]*?<\/div>/u.exec(page)![0];
          assert.equal(item.html, body.replace(/\u0007/gu, ''), item.path);
        }
        assert.match(markdown.html, /<h2>小标题<\/h2>/u);
        assert.ok(markdown.html.includes('&lt;img'), 'raw HTML in Markdown stays text, as on the page');
        assert.ok(tricky.html.includes('&lt;script&gt;'), 'text bodies keep markup as text');
      });
    }

    it('writes well-formed XML whatever the text holds', async () => {
      for (const path of ['/rss.xml', '/atom.xml', '/channels/donghu/rss.xml', '/channels/donghu/atom.xml']) {
        const xml = await (await seeded.app.request(path)).text();
        parseXml(xml);
        assert.ok(!/[\u0001\u0007\u000B\uFFFE]/u.test(xml), `${path}: no character XML 1.0 forbids`);
        assert.ok(!xml.includes('A<b>'), `${path}: markup in titles is escaped`);
      }
    });

    it('RSS 2.0 has the elements the specification requires', async () => {
      const rss = parseXml(await (await seeded.app.request('/rss.xml')).text()).rss;
      assert.equal(rss['@version'], '2.0');
      const channel = rss.channel;
      assert.equal(textOf(channel.title), '南昌招商');
      assert.equal(textOf(channel.link[0]), `${LOCAL}/`);
      assert.ok(textOf(channel.description));
      assert.match(textOf(channel.lastBuildDate)!, RFC_822);
      assert.deepEqual(
        channel['atom:link'].map((link: Record<string, string>) => [link['@rel'], link['@href']]),
        [['self', `${LOCAL}/rss.xml`]],
      );
      for (const item of channel.item) {
        assert.ok(textOf(item.title) || textOf(item.description), 'title or description');
        assert.equal(item.guid['@isPermaLink'], 'true');
        assert.equal(textOf(item.guid), textOf(item.link[0]));
        assert.match(textOf(item.pubDate)!, RFC_822);
        assert.ok(textOf(item['content:encoded'])!.startsWith('<div class="article-body">'));
      }
    });

    it('Atom 1.0 has the elements the specification requires', async () => {
      const feed = parseXml(await (await seeded.app.request('/atom.xml')).text()).feed;
      assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
      assert.ok(textOf(feed.id));
      assert.ok(textOf(feed.title));
      assert.match(textOf(feed.updated)!, RFC_3339);
      assert.ok(textOf(feed.author.name), 'a feed-level author, so entries need none');
      const links = feed.link.map((link: Record<string, string>) => [link['@rel'], link['@href']]);
      assert.deepEqual(links[0], ['self', `${LOCAL}/atom.xml`]);
      for (const entry of feed.entry) {
        assert.ok(textOf(entry.id)?.startsWith(`${LOCAL}/articles/`));
        assert.ok(textOf(entry.title));
        assert.match(textOf(entry.updated)!, RFC_3339);
        assert.match(textOf(entry.published)!, RFC_3339);
        assert.equal(entry.content['@type'], 'html');
      }
      // The feed changed last when its newest-changed entry did.
      const newest = Math.max(...feed.entry.map((entry: { updated: string }) => Date.parse(textOf(entry.updated)!)));
      assert.equal(Date.parse(textOf(feed.updated)!), newest);
    });

    it('a channel’s feeds list only its articles; an unknown channel has none', async () => {
      for (const slug of ['donghu', 'xihu', 'anyi']) {
        const expected = (await publishedArticles(slug)).slice(0, FEED_SIZE);
        for (const format of ['rss', 'atom']) {
          const feed = parseFeed(await (await seeded.app.request(`/channels/${slug}/${format}.xml`)).text());
          assert.deepEqual(
            feed.items.map((item) => item.url),
            expected.map((row) => `${LOCAL}/articles/${row.id}`),
            `${slug} ${format}`,
          );
          assert.equal(feed.url, `${LOCAL}/channels/${slug}`);
        }
      }
      for (const path of ['/channels/atlantis/rss.xml', '/channels/atlantis/atom.xml']) assert.equal((await seeded.app.request(path)).status, 404);
    });

    it('absolute URLs follow each request’s origin; one client’s Host never reaches another', async () => {
      const forged = await (await seeded.app.request('http://evil.example/rss.xml')).text();
      assert.ok(forged.includes('<link>http://evil.example/</link>'));
      const own = await (await seeded.app.request('/rss.xml')).text();
      assert.ok(!own.includes('evil.example'), 'the page cache keeps the forged origin’s copy apart');
      assert.ok(own.includes(`<link>${LOCAL}/</link>`));
    });
  });
}
