// Feeds of the shape the portal's own /rss.xml and /atom.xml carry, written by hand for importer
// tests: each item's channel as a category (name, and slug as RSS domain / Atom term), the date as
// midnight Beijing time, and the full body as HTML laid out by body-layout.ts (h2/h3/p).
import { layoutBody } from '../../src/articles/body-layout.ts';

/** What a feed item needs of an article. */
export interface FeedArticle {
  title: string;
  body: string;
  date: string;
  channel: { slug: string; name: string };
}

const TAGS = { heading: 'h2', subheading: 'h3', paragraph: 'p' } as const;

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** A text body as the article page renders it. */
export function bodyHtml(body: string): string {
  return layoutBody(body)
    .map((block) => `<${TAGS[block.kind]}>${escapeXml(block.text)}</${TAGS[block.kind]}>`)
    .join('\n');
}

const midnightInBeijing = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** An RSS 2.0 feed of the articles, newest first as given. */
export function ownRss(articles: readonly FeedArticle[]): string {
  const items = articles.map(
    (article) => `<item>
  <title>${escapeXml(article.title)}</title>
  <link>https://zhaoshang.example/articles/1</link>
  <pubDate>${midnightInBeijing(article.date).toUTCString()}</pubDate>
  <category domain="${escapeXml(article.channel.slug)}">${escapeXml(article.channel.name)}</category>
  <description>${escapeXml(article.body.slice(0, 60))}</description>
  <content:encoded>${escapeXml(bodyHtml(article.body))}</content:encoded>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>南昌招商</title><link>https://zhaoshang.example/</link><description>南昌招商</description>
${items.join('\n')}
</channel></rss>`;
}

/** An Atom feed of the articles, newest first as given. */
export function ownAtom(articles: readonly FeedArticle[]): string {
  const entries = articles.map(
    (article, i) => `<entry>
  <title>${escapeXml(article.title)}</title>
  <id>https://zhaoshang.example/articles/${i + 1}</id>
  <published>${midnightInBeijing(article.date).toISOString()}</published>
  <updated>2026-01-01T00:00:00Z</updated>
  <category term="${escapeXml(article.channel.slug)}" label="${escapeXml(article.channel.name)}"/>
  <summary>${escapeXml(article.body.slice(0, 60))}</summary>
  <content type="html">${escapeXml(bodyHtml(article.body))}</content>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>南昌招商</title><id>https://zhaoshang.example/</id><updated>2026-01-01T00:00:00Z</updated>
${entries.join('\n')}
</feed>`;
}
