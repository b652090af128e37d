// The portal's own feeds, served by the app, imported into an empty portal: the same articles come
// back (title as written, channel, date, and the body as readers see it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedArticlesNewestFirst } from '../articles/article.service.ts';
import type { Article } from '../articles/article.ts';
import { layoutBody } from '../articles/body-layout.ts';
import { markdownToText } from '../articles/markdown.ts';
import { createApp } from '../app.ts';
import type { Db } from '../db/database.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { SEED_FILE, writingFor } from '../../test/helpers/seed.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { importSeedFile, importText } from './importer.service.ts';

async function allArticles(db: Db): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const article of publishedArticlesNewestFirst(db)) articles.push(article);
  return articles;
}

// Beside the seed: an article an editor filed under another channel than its title tag names (only
// the feed's category can tell), and a Markdown article as the console writes them.
const EXTRA = [
  { title: '【东湖区招商】归到西湖区的文章', body: '东湖区的新闻。 二、第二部分 这里是第二段,含 <b>尖括号</b> & 符号。', date: '2025-08-02', channel: 'xihu' },
  {
    title: '控制台写的文章',
    body: '## 背景\n\n正文有 **加粗** 和 [链接](https://example.com)。\n\n- 第一项\n- 第二项',
    date: '2025-08-01',
    format: 'markdown',
  },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

const squashed = (text: string) => text.split(/\s+/u).join('');

// What a reader gets of an article: a text body laid out in blocks; a Markdown one as its text, since
// a feed carries HTML and the copy is plain text.
const asRead = (article: Article, markdown: boolean) => ({
  originalTitle: article.originalTitle,
  channel: article.channel,
  publishedOn: article.publishedOn,
  body: markdown ? squashed(article.bodyFormat === 'markdown' ? markdownToText(article.body) : article.body) : layoutBody(article.body),
});

for (const dialect of testDialects()) {
  describe(`the portal's own feeds imported into an empty portal on ${dialect.name}`, () => {
    for (const path of ['/rss.xml', '/atom.xml']) {
      it(`${path}: the same articles, and importing it again changes nothing`, async () => {
        const a = await dialect.open();
        const b = await dialect.open();
        try {
          await importSeedFile(a.db, writingFor(a), SEED_FILE);
          await importText(a.db, writingFor(a), EXTRA);
          const response = await createApp(appDeps(a)).request(path);
          assert.equal(response.status, 200);
          const feed = await response.text();

          const report = await importText(b.db, writingFor(b), feed);
          const original = await allArticles(a.db);
          assert.deepEqual([report.imported, report.rejected.length], [original.length, 0]);
          const copied = await allArticles(b.db);
          const markdown = new Set(original.filter((article) => article.bodyFormat === 'markdown').map((article) => article.originalTitle));
          assert.equal(markdown.size, 1);
          assert.deepEqual(
            copied.map((article) => asRead(article, markdown.has(article.originalTitle))),
            original.map((article) => asRead(article, markdown.has(article.originalTitle))),
            'title as written, channel, date and laid-out body of every article, in the site order',
          );

          const again = await importText(b.db, writingFor(b), feed);
          assert.deepEqual([again.imported, again.updated, again.unchanged], [0, 0, original.length]);
        } finally {
          await a.close();
          await b.close();
        }
      });
    }
  });
}
