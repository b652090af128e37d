import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportItem } from './import-entry.ts';
import { parseFeedText } from './feed-format.ts';

function itemsOf(xml: string, format: 'rss' | 'atom'): ImportItem[] {
  const parsed = parseFeedText(xml, format);
  if ('problem' in parsed) assert.fail(parsed.problem);
  return parsed.items;
}
const entries = (items: ImportItem[]) => items.flatMap((i) => (i.kind === 'entry' ? [i.entry] : []));
const rejections = (items: ImportItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i.rejection] : []));

// The shape WordPress writes: CDATA bodies in content:encoded, a short description, dc:creator,
// several categories that are tags of the blog's own.
const WORDPRESS_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>某园区新闻</title><link>https://example.com/</link><description>园区动态</description>
  <item>
    <title>园区引进新能源项目 &amp; 配套企业</title>
    <link>https://example.com/?p=1</link>
    <dc:creator><![CDATA[admin]]></dc:creator>
    <pubDate>Tue, 29 Jul 2025 17:00:00 +0000</pubDate>
    <category><![CDATA[新闻]]></category>
    <category><![CDATA[东湖区]]></category>
    <description><![CDATA[<p>摘要……</p>]]></description>
    <content:encoded><![CDATA[<p>园区引进新能源项目。<img src="x" onerror="alert(1)"></p>
<p>项目总投资&nbsp;10&nbsp;亿元，a &lt; b。</p><script>alert(1)</script>]]></content:encoded>
  </item>
  <item>
    <title>只有摘要的文章</title>
    <pubDate>Wed, 30 Jul 2025 09:00:00 +0800</pubDate>
    <description>&lt;p&gt;摘要里的正文。&lt;/p&gt;&lt;p&gt;第二段。&lt;/p&gt;</description>
  </item>
  <item>
    <title>没有日期的文章</title>
    <description>正文。</description>
  </item>
  <item>
    <title>日期写错的文章</title>
    <pubDate>明天</pubDate>
    <description>正文。</description>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>南昌招商</title><id>urn:x</id><updated>2025-07-30T00:00:00Z</updated>
  <entry>
    <title type="html">XHTML &amp;amp; 正文</title><id>urn:1</id>
    <published>2025-07-29T16:30:00Z</published><updated>2025-08-01T00:00:00Z</updated>
    <category term="honggutan" label="红谷滩区"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><h2>一、总体要求</h2><p>写在 XHTML 里的 a &lt; b &amp;lt; 文字。</p><p>第二<b>段</b>。</p></div></content>
  </entry>
  <entry>
    <title>只有更新时间</title><id>urn:2</id><updated>2025-07-29T15:59:59Z</updated>
    <content type="html">&lt;p&gt;HTML 正文。&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</content>
  </entry>
  <entry>
    <title>纯文本</title><id>urn:3</id><published>2025-07-01T00:00:00+08:00</published>
    <summary>第一段 &lt;b&gt; 不是标签
第二段</summary>
  </entry>
  <entry><title>没有日期</title><id>urn:4</id><content type="html">正文</content></entry>
</feed>`;

describe('feed parser', () => {
  it('reads WordPress-style RSS: CDATA bodies cleaned, dates in China time, categories offered, numbered rejections', () => {
    const items = itemsOf(WORDPRESS_RSS, 'rss');
    assert.deepEqual(entries(items), [
      {
        position: 'entry 1',
        title: '园区引进新能源项目 & 配套企业',
        body: '园区引进新能源项目。\n项目总投资 10 亿元，a < b。',
        bodyFormat: 'text',
        // 17:00 UTC on the 29th is 01:00 on the 30th in Beijing.
        date: '2025-07-30',
        categories: ['新闻', '东湖区'],
      },
      { position: 'entry 2', title: '只有摘要的文章', body: '摘要里的正文。\n第二段。', bodyFormat: 'text', date: '2025-07-30', categories: [] },
    ]);
    assert.deepEqual(rejections(items), [
      { position: 'entry 3', reason: 'no date (pubDate)', title: '没有日期的文章' },
      { position: 'entry 4', reason: 'unreadable date "明天"', title: '日期写错的文章' },
    ]);
  });

  it('reads Atom: xhtml, html and text content, published before updated, term and label offered', () => {
    const items = itemsOf(ATOM, 'atom');
    assert.deepEqual(entries(items), [
      {
        position: 'entry 1',
        title: 'XHTML & 正文',
        body: '一、总体要求\n写在 XHTML 里的 a < b &lt; 文字。\n第二段。',
        bodyFormat: 'text',
        date: '2025-07-30',
        categories: ['honggutan', '红谷滩区'],
      },
      { position: 'entry 2', title: '只有更新时间', body: 'HTML 正文。', bodyFormat: 'text', date: '2025-07-29', categories: [] },
      { position: 'entry 3', title: '纯文本', body: '第一段 <b> 不是标签\n第二段', bodyFormat: 'text', date: '2025-07-01', categories: [] },
    ]);
    assert.deepEqual(rejections(items), [{ position: 'entry 4', reason: 'no date (published or updated)', title: '没有日期' }]);
  });

  it('says why a file that looked like a feed cannot be read', () => {
    const broken = parseFeedText('<rss version="2.0"><channel><item><title>断了</titl', 'rss');
    assert.ok('problem' in broken);
    assert.match(broken.problem, /^an RSS 2\.0 file that cannot be read: /);
  });
});
