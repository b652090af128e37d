import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { articlesByIds, deleteArticle, saveArticleDraft } from '../articles/article.service.ts';
import { setSiteMetaValue, siteMetaValue } from '../db/site-state.store.ts';
import { importSeedFile, importSeedText } from '../importer/importer.service.ts';
import { SEED_FILE, segmenter, writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { SearchIndex } from './search-index.ts';
import { isQueryProblem, parseQuery } from './search-query.ts';
import { ensureSearchIndexCurrent, RebuildSuperseded, rebuildSearchIndex, relatedArticles, searchArticles, type SearchOptions } from './search.service.ts';
import type { Db } from '../db/database.ts';

async function search(db: Db, index: SearchIndex, text: string, options: Partial<SearchOptions> = {}) {
  const query = parseQuery(text, index.segmenter);
  if (isQueryProblem(query)) assert.fail(query.message);
  return searchArticles(db, index, query, { page: 1, ...options });
}

// Query → the seed article a reader expects first (titles without channel tags).
const RELEVANCE: Array<[string, string]> = [
  ['富士康', '南昌小蓝经开区与富士康共建智能科技小镇 打造产业新高地'],
  ['工会', '工会法律直通车进园区优化招商营造和谐劳动关系'],
  ['商事纠纷', '服务维权推广并举 西湖区助力民企高质量发展'],
  ['国家自主创新示范区', '南昌高新区获批建国家自主创新示范区'],
  ['融资', '南昌政银企联动破解融资难题 厚植中小企业成长沃土'],
  ['专精特新', '南昌政银企联动破解融资难题 厚植中小企业成长沃土'],
  ['小巨人', '南昌政银企联动破解融资难题 厚植中小企业成长沃土'],
  ['智能科技小鎮', '南昌小蓝经开区与富士康共建智能科技小镇 打造产业新高地'],
  ['经开区', '南昌小蓝经开区与富士康共建智能科技小镇 打造产业新高地'],
  ['富士康 智能', '南昌小蓝经开区与富士康共建智能科技小镇 打造产业新高地'],
  ['OTO', '2015年东湖区政府工作报告'],
  ['王府井', '2015年青云谱区政府工作报告'],
  ['大唐西市', '2015年青云谱区政府工作报告'],
  ['青云谱', '2015年青云谱区政府工作报告'],
  ['社会组织', '南昌青山湖创新社区治理模式 打造社会组织孵化平台'],
  ['孵化', '南昌青山湖创新社区治理模式 打造社会组织孵化平台'],
  ['新兴产业', '南昌新兴产业高地建设驶入快车道'],
  ['重点项目', '南昌重大重点项目建设提速 招商引资成效显著'],
  ['维权', '服务维权推广并举 西湖区助力民企高质量发展'],
  ['劳动关系', '工会法律直通车进园区优化招商营造和谐劳动关系'],
  ['"高新区获批"', '南昌高新区获批建国家自主创新示范区'],
];

for (const dialect of testDialects()) {
  describe(`search on ${dialect.name}`, () => {
    it('ranks the expected seed article first for each query', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedFile(opened.db, writing, SEED_FILE);
        for (const [query, title] of RELEVANCE) {
          const results = await search(opened.db, writing.searchIndex, query);
          assert.equal(results.hits[0]?.title, title, `first result for ${query}`);
        }
      }));

    it('finds one-character words inside longer ones, numbers and Latin words, and marks them', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedFile(opened.db, writing, SEED_FILE);
        const tax = await search(opened.db, writing.searchIndex, '税');
        assert.equal(tax.total, 3, '纳税, 税务 and 税源 each contain 税');
        for (const hit of tax.hits)
          assert.ok(
            hit.snippetParts.some((part) => part.mark && part.text.includes('税')),
            hit.title,
          );
        assert.equal((await search(opened.db, writing.searchIndex, '2015')).total, 2);
        const ppp = await search(opened.db, writing.searchIndex, 'ppp');
        assert.equal(ppp.total, 2);
        assert.ok(ppp.hits.every((hit) => hit.snippetParts.some((part) => part.mark && part.text === 'PPP')));
        assert.equal((await search(opened.db, writing.searchIndex, '富士康 工会')).total, 0, 'all words are required');
        assert.equal((await search(opened.db, writing.searchIndex, '"南昌,发展"')).total, 0, 'a phrase must occur literally');
        assert.equal((await search(opened.db, writing.searchIndex, '"发展 快车道"')).total, 0, 'words of a phrase must be adjacent');
      }));

    it('filters by channel and date and pages through the total', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedText(
          opened.db,
          writing,
          ['2024-03-01', '2024-06-01', '2025-01-15']
            .flatMap((date, i) => [
              `-\n【东湖区招商】东湖区招商引资快讯${i}\n东湖区签约数字经济项目。\n${date}`,
              `-\n【西湖区招商】西湖区招商引资快讯${i}\n西湖区签约数字经济项目。\n${date}`,
            ])
            .join('\n'),
        );
        const index = writing.searchIndex;
        assert.equal((await search(opened.db, index, '数字经济')).total, 6);
        const donghu = await search(opened.db, index, '数字经济', { channel: 'donghu' });
        assert.deepEqual(
          donghu.hits.map((hit) => hit.channel),
          ['donghu', 'donghu', 'donghu'],
        );
        const in2024 = await search(opened.db, index, '数字经济', { from: '2024-01-01', to: '2024-12-31' });
        assert.equal(in2024.total, 4);
        assert.ok(in2024.hits.every((hit) => hit.publishedOn.startsWith('2024')));
        // Equal relevance: newest first, and pages split the list without overlap.
        const first = await search(opened.db, index, '数字经济', { pageSize: 4 });
        const second = await search(opened.db, index, '数字经济', { pageSize: 4, page: 2 });
        assert.equal(first.pageCount, 2);
        assert.equal(first.hits[0]?.publishedOn, '2025-01-15');
        assert.deepEqual(
          [...first.hits, ...second.hits].map((hit) => hit.publishedOn),
          ['2025-01-15', '2025-01-15', '2024-06-01', '2024-06-01', '2024-03-01', '2024-03-01'],
        );
      }));

    it('orders equally relevant articles by date, then newest id, on every page', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        // 25 articles of the same shape score alike; four dates, so dates tie too. On SQLite a page
        // of 10 is ranked from 20 rows: page 1's tie runs past them, pages 2 and 3 fit.
        const dates = ['2024-05-01', '2025-02-01', '2024-11-01', '2025-02-01'];
        const blocks = Array.from({ length: 25 }, (_, i) => `-\n【东湖区招商】东湖区招商引资快讯${10 + i}\n东湖区签约数字经济项目。\n${dates[i % 4]}`);
        await importSeedText(opened.db, writing, blocks.join('\n'));
        const pages = await Promise.all([1, 2, 3].map((page) => search(opened.db, writing.searchIndex, '数字经济', { page })));
        const listed = pages.flatMap((results) => results.hits.map(({ id, publishedOn }) => ({ id, publishedOn })));
        const expected = [...listed].sort((a, b) => (a.publishedOn === b.publishedOn ? b.id - a.id : a.publishedOn < b.publishedOn ? 1 : -1));
        assert.equal(new Set(listed.map((hit) => hit.id)).size, 25, 'every article once');
        assert.deepEqual(listed, expected);
      }));

    it('ranks title matches above body matches', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedText(
          opened.db,
          writing,
          '-\n【南昌招商】园区新闻\n今年园区引进了一家光伏企业,光伏产业开始起步。\n2025-03-01\n' +
            '-\n【南昌招商】光伏产业集群加快成型\n园区新签约三个项目。\n2025-01-01\n',
        );
        const results = await search(opened.db, writing.searchIndex, '光伏');
        assert.deepEqual(
          results.hits.map((hit) => hit.title),
          ['光伏产业集群加快成型', '园区新闻'],
        );
      }));

    it('keeps the index in step with edits and deletions, inside their transactions', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        const { db } = opened;
        const index = writing.searchIndex;
        const draft = { originalTitle: '【东湖区招商】东湖区新闻', body: '东湖区引进氢能源项目。', publishedOn: '2025-02-01' };
        const { id } = await saveArticleDraft(db, writing, draft);
        assert.equal((await search(db, index, '氢能源')).total, 1);

        await saveArticleDraft(db, writing, { ...draft, body: '东湖区引进储能项目。' });
        assert.equal((await search(db, index, '氢能源')).total, 0, 'old words leave the index');
        assert.equal((await search(db, index, '储能')).total, 1);

        // A write that fails after indexing leaves neither the row nor its index entry.
        await assert.rejects(
          db.transaction().execute(async (trx) => {
            await saveArticleDraft(trx, writing, { originalTitle: '回滚的文章', body: '半导体项目落地。', publishedOn: '2025-02-02' });
            throw new Error('disk full');
          }),
          /disk full/,
        );
        assert.equal((await search(db, index, '半导体')).total, 0);
        assert.deepEqual(await index.indexedIds(db, 0, 10), [id]);

        assert.equal(await db.transaction().execute((trx) => deleteArticle(trx, writing, id)), true);
        assert.equal((await search(db, index, '储能')).total, 0);
        assert.deepEqual(await index.indexedIds(db, 0, 10), []);
        assert.equal(await deleteArticle(db, writing, id), false);
      }));

    it('ranks only the newest candidates of a broad match and still pages to every match', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        const index = new SearchIndex(segmenter, opened.dialect.search, 3);
        const blocks = [1, 2, 3, 4, 5, 6, 7].map((n) => `-\n【南昌招商】第${n}篇${n === 1 ? '物流' : ''}\n物流园区建设。\n2025-01-0${n}`);
        await importSeedText(opened.db, writing, blocks.reverse().join('\n'));
        const pages = [1, 2, 3].map((page) => search(opened.db, index, '物流', { pageSize: 3, page }));
        const titles = (await Promise.all(pages)).flatMap((results) => results.hits.map((hit) => hit.title));
        // 第1篇物流 has the word in its title but is not among the 3 newest, so it is listed by date.
        assert.deepEqual(titles, ['第7篇', '第6篇', '第5篇', '第4篇', '第3篇', '第2篇', '第1篇物流']);
        const full = await search(opened.db, writingFor(opened).searchIndex, '物流', { pageSize: 3 });
        assert.equal(full.hits[0]?.title, '第1篇物流', 'within the candidate limit the title match ranks first');
      }));

    it('relates articles by shared words, never the article itself', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedFile(opened.db, writing, SEED_FILE);
        await importSeedText(
          opened.db,
          writing,
          '-\n【南昌招商】光伏产业集群加快成型\n园区光伏企业达到十家。\n2025-03-01\n' +
            '-\n【南昌招商】光伏电站并网发电\n新建光伏电站年发电一亿千瓦时。\n2025-03-02\n',
        );
        const [article] = await articlesByIds(opened.db, [(await search(opened.db, writing.searchIndex, '光伏产业集群')).hits[0]!.id]);
        const related = await relatedArticles(opened.db, writing.searchIndex, article!);
        assert.ok(related.length > 0 && related.length <= 5);
        assert.ok(related.every((item) => item.id !== article!.id));
        assert.equal(related[0]?.title, '光伏电站并网发电', 'shares the rare title word 光伏');
      }));

    it('rebuilds the index when the dictionary changes, dropping entries of missing articles', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const writing = writingFor(opened);
        assert.equal(await ensureSearchIndexCurrent(db, writing.searchIndex), false, 'an empty database is only marked');
        assert.equal(await siteMetaValue(db, 'search_dictionary_hash'), writing.searchIndex.builtWith);
        await importSeedFile(db, writing, SEED_FILE);
        assert.equal(await ensureSearchIndexCurrent(db, writing.searchIndex), false);

        // An index written with another dictionary: one article missing from it, and (on SQLite,
        // which has no cascading delete into FTS5) an entry whose article row is gone.
        await writing.searchIndex.remove(db, 1);
        const ghost = await saveArticleDraft(db, writing, { originalTitle: '幽灵', body: '幽灵文章。', publishedOn: '2025-01-01' });
        await db.deleteFrom('article').where('id', '=', ghost.id).execute();
        // What sites stored before English versions were indexed: the dictionary's hash alone.
        await setSiteMetaValue(db, 'search_dictionary_hash', segmenter.dictionaryHash);
        const progress: number[] = [];
        assert.equal(await ensureSearchIndexCurrent(db, writing.searchIndex, () => ({ update: (done) => void progress.push(done), finish() {} })), true);
        assert.equal(progress[0], 10, 'one batch of ten articles');
        assert.ok(
          progress.every((done) => done === 10),
          'then only the merging step is reported',
        );
        assert.equal((await search(db, writing.searchIndex, '2015年东湖区政府工作报告')).hits.length, 1, 'article 1 is back');
        assert.equal((await search(db, writing.searchIndex, '幽灵')).total, 0);
        assert.equal((await writing.searchIndex.indexedIds(db, 0, 100)).length, 10);
        assert.equal(await rebuildSearchIndex(db, writing.searchIndex), 10);
      }));

    it('indexes again the articles written while a rebuild runs, so none is left stale', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const writing = writingFor(opened);
        const index = writing.searchIndex;
        const words = ['氢能源', '光伏', '芯片', '物联网', '区块链', '新材料', '生物医药', '航空', '汽车', '家电', '纺织', '食品'];
        const drafts = words.map((word, i) => ({
          originalTitle: `【南昌招商】产业动态${i + 1}`,
          body: `${word}产业项目落地。`,
          publishedOn: `2025-01-${String(i + 1).padStart(2, '0')}`,
        }));
        const ids: number[] = [];
        for (const draft of drafts) ids.push((await saveArticleDraft(db, writing, draft)).id);

        let writes: Promise<void> | undefined;
        let writtenBeforeSwitch = false;
        const progress = () => ({
          // The rebuild waits for the writes here, so they land at a known point on every engine:
          // on a PostgreSQL server they would otherwise race the remaining batches.
          update(done: number) {
            if (done !== 4) return;
            // Articles 1–4 are in the new index by now: edit 1, unpublish 2, delete 3, add one.
            writes = db.transaction().execute(async (trx) => {
              await saveArticleDraft(trx, writing, { ...drafts[0]!, body: '冷链仓储项目落地。' });
              await trx.updateTable('article').set({ status: 'draft' }).where('id', '=', ids[1]!).execute();
              await index.remove(trx, ids[1]!);
              await deleteArticle(trx, writing, ids[2]!);
              await saveArticleDraft(trx, writing, { originalTitle: '【南昌招商】产业动态13', body: '冷链物流园开工。', publishedOn: '2025-01-13' });
            });
            return writes.then(() => {
              writtenBeforeSwitch = true;
            });
          },
          finish() {
            assert.ok(writtenBeforeSwitch, 'the writes ran during the rebuild, not after it');
          },
        });
        assert.equal(await rebuildSearchIndex(db, index, progress, 2), 13);
        await writes;

        assert.equal((await search(db, index, '冷链')).total, 2, 'the edited and the added article');
        assert.equal((await search(db, index, '氢能源')).total, 0, 'the edited article lost its old words');
        assert.equal((await search(db, index, '光伏')).total, 0, 'unpublished');
        assert.equal((await search(db, index, '芯片')).total, 0, 'deleted');
        assert.equal((await search(db, index, '食品')).total, 1);
        // Channel and date live beside the words; filters read them from the new index.
        assert.equal((await search(db, index, '项目', { channel: 'nanchang' })).total, 10);
        assert.equal((await search(db, index, '项目', { channel: 'donghu' })).total, 0);
        assert.equal((await search(db, index, '项目', { from: '2025-01-10' })).total, 3);
        assert.equal((await index.indexedIds(db, 0, 100)).length, 11);
        await assert.rejects(sql`select count(*) from article_search_rebuild_log`.execute(db), 'writes are no longer noted');
      }));

    it('starts over after an interrupted rebuild', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const writing = writingFor(opened);
        await importSeedFile(db, writing, SEED_FILE);
        const abandoned = await db.transaction().execute((trx) => writing.searchIndex.beginRebuild(trx));
        const [first] = await articlesByIds(db, [1]);
        await abandoned.put(db, { ...first!, english: undefined });
        assert.equal((await search(db, writing.searchIndex, '富士康')).total, 1, 'searches use the current index meanwhile');

        assert.equal(await rebuildSearchIndex(db, writing.searchIndex), 10);
        assert.equal((await search(db, writing.searchIndex, '富士康')).total, 1);
        assert.equal((await writing.searchIndex.indexedIds(db, 0, 100)).length, 10);
      }));

    it('lets the later of two concurrent rebuilds finish and stops the earlier one', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const writing = writingFor(opened);
        await importSeedFile(db, writing, SEED_FILE);
        const outcomes = await Promise.allSettled([
          rebuildSearchIndex(db, writing.searchIndex, undefined, 2),
          rebuildSearchIndex(db, new SearchIndex(segmenter, opened.dialect.search), undefined, 2),
        ]);
        // Which one starts last depends on the engine's scheduling; exactly one must finish.
        const finished = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const stopped = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
        assert.deepEqual(finished, [{ status: 'fulfilled', value: 10 }]);
        assert.equal(stopped.length, 1);
        assert.ok(stopped[0] instanceof RebuildSuperseded, String(stopped[0]));
        assert.equal((await writing.searchIndex.indexedIds(db, 0, 100)).length, 10, 'the switched-in index is complete');
        assert.equal((await search(db, writing.searchIndex, '富士康', { channel: 'nanchang' })).total, 1);
        assert.equal(await siteMetaValue(db, 'search_dictionary_hash'), writing.searchIndex.builtWith);
      }));
  });
}
