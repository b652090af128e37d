import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { articlesAfter, deleteArticle, saveArticleDraft } from '../articles/article.service.ts';
import { plainBody, type Article } from '../articles/article.ts';
import type { Db } from '../db/database.ts';
import { importSeedFile, importSeedText } from '../importer/importer.service.ts';
import { SEED_FILE, writingFor } from '../../test/helpers/seed.ts';
import { withQueryPlans } from '../../test/helpers/query-plans.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { RELATED_KEPT, type SearchIndex } from './search-index.ts';
import { completeRelatedInBackground, rebuildSearchIndex, relatedArticles } from './search.service.ts';
import pino from 'pino';
import { storedRelated } from './related.store.ts';

// Recombined seed paragraphs, so that many articles share words and lists are full.
const extraArticles = (count: number, first = 0) =>
  Array.from({ length: count }, (_, n) => {
    const i = first + n;
    const day = String((i % 28) + 1).padStart(2, '0');
    const topic = ['光伏产业', '招商引资', '中小企业融资', '高新区建设'][i % 4];
    return `-\n【南昌招商】${topic}第${i + 1}期\n${topic}项目推进，园区${topic}企业增加。第${i + 1}期报道。\n2025-0${(i % 9) + 1}-${day}\n`;
  }).join('');

/** Every published article, oldest id first. */
async function everyArticle(db: Db): Promise<Article[]> {
  const all: Article[] = [];
  for (let page = await articlesAfter(db, 0, 100); page.length > 0; page = await articlesAfter(db, page.at(-1)!.id, 100)) all.push(...page);
  return all;
}

/** The related ids a page computed on the fly before lists were kept. */
async function relatedNow(db: Db, index: SearchIndex, article: Article, limit: number): Promise<number[]> {
  const match = index.relatedMatch({ title: article.title, body: plainBody(article) });
  return match ? index.first(db, { match, excludeId: article.id }, limit) : [];
}

for (const dialect of testDialects()) {
  describe(`related articles kept from indexing, on ${dialect.name}`, () => {
    it('stores for a freshly imported corpus the lists a page computed on the fly', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const writing = writingFor(opened);
        // One import, as a fresh corpus is written: each list is computed once all are indexed.
        await importSeedText(db, writing, extraArticles(40) + readFileSync(SEED_FILE, 'utf8'));
        assert.equal(await writing.searchIndex.storedRelatedIds(db, 1), undefined, 'a bulk write leaves the lists pending');
        assert.equal(await writing.searchIndex.completeRelated(db), 40 + 10);
        const articles = await everyArticle(db);
        assert.ok(articles.length >= 50);
        let full = 0;
        for (const article of articles) {
          const stored = await writing.searchIndex.storedRelatedIds(db, article.id);
          assert.deepEqual(stored, await relatedNow(db, writing.searchIndex, article, RELATED_KEPT), `stored list of ${article.title}`);
          const shown = (await relatedArticles(db, writing.searchIndex, article)).map((item) => item.id);
          assert.deepEqual(shown, await relatedNow(db, writing.searchIndex, article, 5), `shown list of ${article.title}`);
          if (stored!.length === RELATED_KEPT) full += 1;
        }
        assert.ok(full > articles.length / 2, 'most lists are full, so the comparison means something');
      }));

    it('puts new articles into the lists of the older ones they relate to most, and drops one at once when deleted', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const writing = writingFor(opened);
        await importSeedFile(db, writing, SEED_FILE);
        await importSeedText(db, writing, extraArticles(20));
        await writing.searchIndex.completeRelated(db);
        const olderIds = new Set((await everyArticle(db)).map((article) => article.id));
        await importSeedText(db, writing, extraArticles(20, 20));
        await writing.searchIndex.completeRelated(db);
        // The older lists the new articles' lists name are computed again with the new articles in.
        const all = await everyArticle(db);
        const named = new Set<number>();
        for (const article of all.filter(({ id }) => !olderIds.has(id)))
          for (const id of (await writing.searchIndex.storedRelatedIds(db, article.id))!) named.add(id);
        const namedOlder = all.filter((article) => named.has(article.id) && olderIds.has(article.id));
        assert.ok(namedOlder.length > 0);
        for (const article of namedOlder) {
          assert.deepEqual(await writing.searchIndex.storedRelatedIds(db, article.id), await relatedNow(db, writing.searchIndex, article, RELATED_KEPT));
        }
        const older = (await everyArticle(db)).find((article) => article.title === '光伏产业第5期')!;
        const before = await writing.searchIndex.storedRelatedIds(db, older.id);
        const { id } = await db.transaction().execute((trx) =>
          saveArticleDraft(trx, writing, {
            originalTitle: '【南昌招商】光伏产业第5期光伏产业',
            body: '光伏产业项目推进，园区光伏产业企业增加。第5期报道。光伏产业光伏产业。',
            publishedOn: '2025-10-01',
          }),
        );
        const after = await writing.searchIndex.storedRelatedIds(db, older.id);
        assert.ok(!before!.includes(id));
        assert.ok(after!.includes(id), 'the new article is in the older one’s list');
        assert.deepEqual(after, await relatedNow(db, writing.searchIndex, older, RELATED_KEPT), 'the older list is the one a page computes now');
        assert.ok((await writing.searchIndex.storedRelatedIds(db, id))!.includes(older.id), 'the new article has its own list');

        await db.transaction().execute((trx) => deleteArticle(trx, writing, id));
        const shown = (await relatedArticles(db, writing.searchIndex, older)).map((item) => item.id);
        assert.ok(!shown.includes(id), 'a deleted article is never shown');
        assert.deepEqual(shown, after!.filter((other) => other !== id).slice(0, 5), 'the next stored ones take its place');
        assert.equal(await storedRelated(db, id), undefined, 'its own list is gone');
      }));

    it('computes lists not stored yet on the fly, and a rebuild stores them all again', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const writing = writingFor(opened);
        await importSeedFile(db, writing, SEED_FILE);
        await importSeedText(db, writing, extraArticles(20));
        await writing.searchIndex.completeRelated(db);
        await db.deleteFrom('article_search_related').execute();
        const articles = await everyArticle(db);
        for (const article of articles) {
          const shown = (await relatedArticles(db, writing.searchIndex, article)).map((item) => item.id);
          assert.deepEqual(shown, await relatedNow(db, writing.searchIndex, article, 5));
        }
        await rebuildSearchIndex(db, writing.searchIndex);
        assert.equal(await writing.searchIndex.pendingRelatedCount(db), articles.length);
        await writing.searchIndex.completeRelated(db);
        for (const article of articles) {
          assert.deepEqual(await writing.searchIndex.storedRelatedIds(db, article.id), await relatedNow(db, writing.searchIndex, article, RELATED_KEPT));
        }
      }));

    it('completes pending lists in the background, a slice a second', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const writing = writingFor(opened);
        await importSeedText(db, writing, extraArticles(30));
        assert.equal(await writing.searchIndex.pendingRelatedCount(db), 30);
        const logged: string[] = [];
        const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line).msg) });
        const timer = completeRelatedInBackground(db, writing.searchIndex, logger);
        try {
          const deadline = Date.now() + 60_000;
          while (!logged.includes('related-article lists computed') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
        } finally {
          clearInterval(timer);
        }
        assert.deepEqual(logged, ['computing related-article lists in the background', 'related-article lists computed']);
        assert.equal(await writing.searchIndex.pendingRelatedCount(db), 0);
        for (const article of await everyArticle(db)) {
          assert.deepEqual(await writing.searchIndex.storedRelatedIds(db, article.id), await relatedNow(db, writing.searchIndex, article, RELATED_KEPT));
        }
      }));
  });
}

it('reads an article’s stored list by primary key', () =>
  withQueryPlans(async (db, plansOf) => {
    assert.deepEqual(await plansOf(() => storedRelated(db, 7)), ['SEARCH article_search_related USING INTEGER PRIMARY KEY (rowid=?)']);
  }));
