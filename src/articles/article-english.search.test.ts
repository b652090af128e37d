// English versions are found by the site's search: indexed with the article on every path that
// writes it (English edits, the editor, a rebuild), and gone from the index when removed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { isQueryProblem, parseQuery } from '../search/search-query.ts';
import { rebuildSearchIndex, searchArticles } from '../search/search.service.ts';
import { editedArticleSchema, saveEditedArticle } from './article-editing.service.ts';
import { saveArticleEnglish } from './article-english.service.ts';
import type { ArticleSummary } from './article.ts';
import { latestArticles } from './article.store.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const ACTOR = { userId: 1, userName: 'admin' };

for (const dialect of testDialects()) {
  describe(`English versions in the search index on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    let writing: ReturnType<typeof writingFor>;
    let article: ArticleSummary;
    const foundIds = async (text: string) => {
      const query = parseQuery(text, writing.searchIndex.segmenter);
      if (isQueryProblem(query)) assert.fail(query.message);
      return (await searchArticles(seeded.db, writing.searchIndex, query, { page: 1 })).hits.map((hit) => hit.id);
    };
    const saveEnglish = (title: string, body: string) =>
      saveArticleEnglish(seeded.db, writing, ADMIN, ACTOR, article.id, { title, summary: 'A summary of the report.', body, machineTranslated: false });

    before(async () => {
      seeded = await openSeededApp({ dialect });
      writing = writingFor(seeded);
      const [newest] = await latestArticles(seeded.db, { limit: 1, offset: 0 });
      article = newest!;
    });
    after(() => seeded.close());

    it('finds an article by the words of its English title, summary and Markdown body, in any case', async () => {
      assert.deepEqual(await foundIds('Donghu'), [], 'the Chinese seed has no such English word');
      assert.equal(await saveEnglish('Donghu District Government Work Report', '## Review\n\nThe **logistics** hub opened.'), 'saved');
      assert.deepEqual(await foundIds('donghu'), [article.id], 'the English title, case-folded');
      assert.deepEqual(await foundIds('GOVERNMENT report'), [article.id], 'every word, whatever its case');
      assert.deepEqual(await foundIds('summary'), [article.id], 'the summary');
      assert.deepEqual(await foundIds('logistics'), [article.id], 'the body, without its Markdown');
      assert.deepEqual(await foundIds('review logistics'), [article.id]);
      assert.match(await (await seeded.app.request('/search?q=Donghu')).text(), new RegExp(`href="/articles/${article.id}"`), 'the search page lists it');
    });

    it('/en/search lists only articles with an English version, by their English title and snippet', async () => {
      const response = await seeded.app.request('/en/search?q=LOGISTICS');
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<html lang="en">/);
      const links = [...html.matchAll(/<h2><a href="\/en\/articles\/(\d+)">/g)].map((m) => Number(m[1]));
      assert.deepEqual(links, [article.id]);
      assert.match(html, /<mark>logistics<\/mark> hub opened/, 'the English body, marked whatever the case of the query');
      assert.match(html, /<form class="site-search" action="\/en\/search"/, 'the English header searches in English');
      // Words of the Chinese text find Chinese articles too, but only the translated one is listed here.
      assert.ok((await foundIds('招商')).length > 1);
      const chineseWords = await (await seeded.app.request(`/en/search?q=${encodeURIComponent('招商')}`)).text();
      assert.deepEqual(
        [...chineseWords.matchAll(/<h2><a href="\/en\/articles\/(\d+)">/g)].map((m) => Number(m[1])),
        [article.id],
      );
      assert.match(await (await seeded.app.request('/en/search?q=%22hub+opened%22')).text(), new RegExp(`/en/articles/${article.id}`), 'a phrase');
      assert.match(await (await seeded.app.request('/en/search?q=%22opened+hub%22')).text(), /No article with an English version matches/);
      const empty = await seeded.app.request('/en/search');
      assert.equal(empty.status, 200);
      assert.doesNotMatch(await empty.text(), /class="notice"/);
      const tooLong = await seeded.app.request(`/en/search?q=${'a'.repeat(101)}`);
      assert.equal(tooLong.status, 400);
      assert.match(await tooLong.text(), /The search is too long/);
    });

    it('an edit of the English version replaces its words in the index, and an edit of the Chinese article keeps them', async () => {
      assert.equal(await saveEnglish('Annual Review of Investment', 'Factories opened.'), 'saved');
      assert.deepEqual(await foundIds('donghu'), [], 'the old English words are gone');
      assert.deepEqual(await foundIds('annual'), [article.id]);
      const input = editedArticleSchema([article.channel], new Date()).parse({
        title: article.title,
        channel: article.channel,
        publishedOn: article.publishedOn,
        status: 'published',
        publishAt: '',
        body: '招商引资工作取得新进展。',
      });
      assert.equal(await saveEditedArticle(seeded.db, writing, ADMIN, ACTOR, article.id, input), article.id);
      assert.deepEqual(await foundIds('annual'), [article.id], 'the editor indexes the English version with the Chinese text');
      assert.deepEqual(await foundIds('factories'), [article.id]);
    });

    it('a rebuild of the index keeps English versions, and removing one takes it out of the index', async () => {
      await rebuildSearchIndex(seeded.db, writing.searchIndex);
      assert.deepEqual(await foundIds('annual'), [article.id], 'the rebuild indexes English versions');
      assert.equal(await saveArticleEnglish(seeded.db, writing, ADMIN, ACTOR, article.id, null), 'removed');
      assert.deepEqual(await foundIds('annual'), []);
      assert.ok((await foundIds('招商引资')).includes(article.id), 'the Chinese text stays indexed');
    });
  });
}
