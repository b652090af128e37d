import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importSeedText } from '../importer/importer.service.ts';
import { segmenter, writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import type { OpenDb } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { setSiteMetaValue } from '../db/site-state.store.ts';
import { INDEX_STAMP_KEY, SearchIndex } from './search-index.ts';
import { isQueryProblem, parseQuery } from './search-query.ts';
import { confirmedPhrasePage, searchArticles, type SearchOptions } from './search.service.ts';

/** A query the test expects to parse. */
function parsed(text: string, index: SearchIndex) {
  const query = parseQuery(text, index.segmenter);
  if (isQueryProblem(query)) assert.fail(query.message);
  return query;
}

async function search(db: Db, index: SearchIndex, text: string, options: Partial<SearchOptions> = {}) {
  return searchArticles(db, index, parsed(text, index), { page: 1, ...options });
}

const seedItem = (title: string, body: string, date: string) => `-\n【南昌招商】${title}\n${body}\n${date}`;

// Articles with the phrase's words and every pair of adjacent characters of it in their title, but
// not the phrase, rank above those that hold the phrase only in their body: the best candidates
// are not hits, so the hits lie past the first batch.
const DECOYS = 8;
const HITS = 30;
const corpus = [
  ...Array.from({ length: DECOYS }, (_, i) => seedItem(`高新区获评${i + 1}项荣誉 园区获批项目`, '园区新签约一批项目。', '2025-06-01')),
  ...Array.from({ length: HITS }, (_, i) =>
    seedItem(`园区新闻第${i + 1}期`, `南昌高新区获批建设国家自主创新示范区,园区新签约一批项目。`, `2024-01-${String(i + 1).padStart(2, '0')}`),
  ),
].join('\n');

/** The corpus imported, its index, and the phrase its hits contain, parsed. */
async function corpusAndPhrase(opened: OpenDb) {
  const writing = writingFor(opened);
  await importSeedText(opened.db, writing, corpus);
  const index = writing.searchIndex;
  return { index, query: parsed('"高新区获批"', index) };
}

for (const dialect of testDialects()) {
  describe(`phrase search on ${dialect.name}`, () => {
    it('finds hits ranked below non-hits, pages them consistently, and says when the total is a lower bound', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedText(opened.db, writing, corpus);
        const index = writing.searchIndex;
        const phrase = '"高新区获批"';

        const all = await search(opened.db, index, phrase, { pageSize: 50 });
        assert.equal(all.total, HITS, 'every candidate checked: the exact count');
        assert.equal(all.totalIsLowerBound, false);
        assert.ok(all.hits.every((hit) => hit.title.startsWith('园区新闻')));
        const order = all.hits.map((hit) => hit.id);

        const first = await search(opened.db, index, phrase, { pageSize: 2 });
        assert.deepEqual(
          first.hits.map((hit) => hit.id),
          order.slice(0, 2),
        );
        assert.equal(first.totalIsLowerBound, true, 'candidates were left unchecked');
        assert.ok(first.total > 2 && first.total <= HITS, `a true lower bound: ${first.total}`);
        assert.ok(first.pageCount >= 2, 'the page links to the next one');

        const second = await search(opened.db, index, phrase, { pageSize: 2, page: 2 });
        assert.deepEqual(
          second.hits.map((hit) => hit.id),
          order.slice(2, 4),
        );
        assert.ok(second.total >= first.total && second.total <= HITS);

        // The last page checks every candidate, so it knows the total.
        const last = await search(opened.db, index, phrase, { pageSize: 2, page: HITS / 2 });
        assert.deepEqual(
          last.hits.map((hit) => hit.id),
          order.slice(-2),
        );
        assert.equal(last.total, HITS);
        assert.equal(last.totalIsLowerBound, false);
        assert.equal(last.pageCount, HITS / 2);

        const beyond = await search(opened.db, index, phrase, { pageSize: 2, page: HITS / 2 + 1 });
        assert.deepEqual(beyond.hits, []);
        assert.equal(beyond.total, HITS);
      }));

    it('reads the phrase literally: wildcard characters are text, Latin letters in any case', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedText(
          opened.db,
          writing,
          [
            seedItem('园区产值快报', '园区产值同比增长100%。', '2025-01-01'),
            seedItem('园区投资快报', '园区投资规模扩大100倍。', '2025-01-02'),
            seedItem('园区合作快报', '园区推广PPP模式。', '2025-01-03'),
          ].join('\n'),
        );
        const index = writing.searchIndex;
        const percent = await search(opened.db, index, '"100%"');
        assert.deepEqual(
          percent.hits.map((hit) => hit.title),
          ['园区产值快报'],
        );
        const latin = await search(opened.db, index, '"ppp模式"');
        assert.deepEqual(
          latin.hits.map((hit) => hit.title),
          ['园区合作快报'],
        );
      }));

    it('finds a phrase held by the title alone, and wants every phrase of the query', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedText(
          opened.db,
          writing,
          [
            seedItem('赣江新区数字经济产业园开园', '首批入驻企业签约。', '2025-02-01'),
            seedItem('数字经济发展报告', '赣江新区产业园建设加快,首批企业入驻。', '2025-02-02'),
          ].join('\n'),
        );
        const index = writing.searchIndex;
        const inTitle = await search(opened.db, index, '"数字经济产业园"');
        assert.deepEqual(
          inTitle.hits.map((hit) => hit.title),
          ['赣江新区数字经济产业园开园'],
        );
        const both = await search(opened.db, index, '"数字经济产业园" "首批企业入驻"');
        assert.deepEqual(both.hits, []);
        const each = await search(opened.db, index, '"数字经济" "首批企业入驻"');
        assert.deepEqual(
          each.hits.map((hit) => hit.title),
          ['数字经济发展报告'],
        );
      }));

    it('finds phrase candidates through adjacent pairs of characters, and words never through pairs', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedText(
          opened.db,
          writing,
          [
            seedItem('南昌高新区获批', '园区新签约一批项目。', '2025-03-01'),
            // 高, 新 and 区 all occur, never side by side.
            seedItem('新签约高端项目落户园区', '项目总投资十亿元。', '2025-03-02'),
            // 高新 occurs across two words: 提高 and 新产品.
            seedItem('企业提高新产品质量', '园区企业加大研发投入。', '2025-03-03'),
            // 提升 and 南昌 side by side, a comma between.
            seedItem('营商环境再提升,南昌再出发', '园区企业加大研发投入。', '2025-03-04'),
          ].join('\n'),
        );
        const index = writing.searchIndex;
        const candidatesOf = async (text: string) => (await index.find(opened.db, { match: parsed(text, index).match }, { limit: 50, offset: 0 })).total;
        assert.equal(await candidatesOf('"提升南昌"'), 0, 'no pair across punctuation');
        assert.equal(await candidatesOf('提升 南昌'), 1);
        assert.equal(await candidatesOf('"高新区"'), 1, 'only the text holding 高新 and 新区 is a candidate');
        assert.deepEqual(
          (await search(opened.db, index, '"高新区"')).hits.map((hit) => hit.title),
          ['南昌高新区获批'],
        );
        assert.deepEqual(
          (await search(opened.db, index, '"高新"')).hits.map((hit) => hit.title).sort(),
          ['企业提高新产品质量', '南昌高新区获批'],
          'a phrase is found wherever it is literally',
        );
        assert.deepEqual(
          (await search(opened.db, index, '高新')).hits.map((hit) => hit.title),
          ['南昌高新区获批'],
          'the word 高新 is a sub-word of 南昌高新区, and no word of the other texts',
        );
      }));

    it('finds phrases through their characters while the live index may be one built before pairs', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedText(opened.db, writing, seedItem('南昌高新区获批', '园区新签约一批项目。', '2025-03-01'));
        const [hit] = (await search(opened.db, writing.searchIndex, '"高新区获批"')).hits;
        assert.ok(hit, 'found through its pairs');
        // Its document as an index built before pairs holds it, and the stamp of the code that built it.
        const engine = opened.dialect.search;
        const document = writing.searchIndex.documentOf({ ...hit, body: '园区新签约一批项目。', english: undefined });
        await engine.put(opened.db, { ...document, pairs: '' });
        await setSiteMetaValue(opened.db, INDEX_STAMP_KEY, 'an older dictionary text-v2');
        const meanwhile = new SearchIndex(segmenter, engine);
        assert.deepEqual(
          (await search(opened.db, meanwhile, '"高新区获批"')).hits.map((found) => found.id),
          [hit.id],
          'found through its characters',
        );
        // Once the stamp names this code, pairs are asked for: this document, left without, is not found.
        await setSiteMetaValue(opened.db, INDEX_STAMP_KEY, meanwhile.builtWith);
        assert.deepEqual((await search(opened.db, meanwhile, '"高新区获批"')).hits, []);
      }));

    it('looks for one hit past the page, so that a page always links to the next one that has hits', () =>
      withTestDb(dialect, async (opened) => {
        const { index, query } = await corpusAndPhrase(opened);
        const { ids } = await index.find(opened.db, { match: query.match }, { limit: 50, offset: 0 });
        // Candidates in an order of our own: two hits fill the page, the next hit comes after every non-hit.
        const hits = (await searchArticles(opened.db, index, query, { page: 1, pageSize: 50 })).hits.map((hit) => hit.id);
        const decoys = ids.filter((id) => !hits.includes(id));
        assert.equal(decoys.length, DECOYS);
        const candidates = { total: ids.length, ids: [...hits.slice(0, 2), ...decoys, ...hits.slice(2)] };
        const page = await confirmedPhrasePage(opened.db, index, candidates, query.phrases, { limit: 2, offset: 0 });
        assert.deepEqual(page.ids, hits.slice(0, 2));
        assert.ok(page.total > 2, `the next page's first hit is counted: ${page.total}`);
        assert.equal(page.totalIsLowerBound, page.total < HITS);
      }));

    it('keeps the total a lower bound when the index found more candidates than were read', () =>
      withTestDb(dialect, async (opened) => {
        const { index, query } = await corpusAndPhrase(opened);
        const candidates = await index.find(opened.db, { match: query.match }, { limit: 50, offset: 0 });
        const page = { limit: 50, offset: 0 };
        const read = await confirmedPhrasePage(opened.db, index, candidates, query.phrases, page);
        assert.deepEqual([read.total, read.totalIsLowerBound], [HITS, false]);
        // As when PHRASE_CANDIDATES cut the candidates short: every one read, yet more exist.
        const cut = await confirmedPhrasePage(opened.db, index, { ...candidates, total: candidates.total + 1 }, query.phrases, page);
        assert.deepEqual([cut.total, cut.totalIsLowerBound], [HITS, true]);
      }));
  });
}
