// npm run bench:search [-- --articles 100000 --db PATH]
// npm run bench:search -- --engine postgres [--database-url URL]
// Builds a deterministic corpus by recombining the seed's sentences, imports it through the real
// write path (article row + search index in one transaction) into SQLite or PostgreSQL, then times
// a fixed list of 50 queries through the search service (first page, with snippets), and the naive
// LIKE '%q%' alternative on a subset of them. It also times the rebuild and the related-article
// lists computed after it. With --db (SQLite) or --database-url (PostgreSQL),
// the benchmark database is kept, and a later run reuses it instead of importing again.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '../src/db/database.ts';
import { prepareDraftIndexing, saveArticleDraft } from '../src/articles/article.service.ts';
import type { ArticleDraft } from '../src/articles/article.ts';
import { openDb } from '../src/db/connect.ts';
import { prepareDatabase } from '../src/prepare.ts';
import { progressBar } from '../src/lib/progress.ts';
import { isQueryProblem, parseQuery } from '../src/search/search-query.ts';
import { rebuildSearchIndex, searchArticles } from '../src/search/search.service.ts';
import { SEED_FILE, writingFor } from '../test/helpers/seed.ts';
import { benchDatabase, type BenchDatabase } from './bench-database.ts';
import { recombinedArticles } from './search-corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    engine: { type: 'string', default: 'sqlite' },
    db: { type: 'string' },
    'database-url': { type: 'string' },
  },
});
const articleCount = Number(values.articles);
const runs = Number(values.runs);

// 1- to 4-word queries, common (in most articles) and rare, and two phrases.
const QUERIES = [
  '发展',
  '建设',
  '南昌',
  '企业',
  '项目',
  '经济',
  '招商引资',
  '创新',
  '服务',
  '产业',
  '富士康',
  '王府井',
  '大唐西市',
  '孵化',
  '小巨人',
  '商事纠纷',
  '工会',
  'PPP',
  'OTO',
  '专精特新',
  '税',
  '融资',
  '2015',
  '智能科技小镇',
  '国家自主创新示范区',
  '高新区 产业',
  '融资 中小企业',
  '富士康 智能',
  '招商 项目',
  '城市 建设',
  '社会组织 孵化',
  '工会 法律',
  '地区生产总值 增长',
  '财政 收入',
  '固定资产投资 增长',
  '城市 建设 管理',
  '企业 融资 信用',
  '项目 签约 投资',
  '民营企业 商事纠纷 调处',
  '产业 升级 创新',
  '南昌 高新区 自主创新 示范区',
  '招商 引资 项目 建设',
  '中小企业 融资 难题 破解',
  '智能 制造 产业 园区',
  '政府 工作 报告 目标',
  '青云谱 王府井',
  '东湖区 电子商务',
  '小蓝经开区 富士康',
  '"招商引资成效显著"',
  '"政银企联动"',
];
const LIKE_QUERIES = ['富士康', '融资', '工会', '商事纠纷', '发展', '招商引资', 'PPP', '孵化', '王府井', '专精特新'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const bench = await benchDatabase({ engine: values.engine, db: values.db, databaseUrl: values['database-url'], tempPrefix: 'zhaoshang-search-bench-' });
const opened = await openDb(bench.target);
try {
  // Migrations and the search index's stamp, so that the server does not rebuild the index (and
  // drop every related list) at its start, during the measurement.
  await prepareDatabase(opened);
  const writing = writingFor(opened);
  const { db } = opened;
  const { n: storedArticles } = await db
    .selectFrom('article')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (storedArticles > 0 && Number(storedArticles) !== articleCount) console.log(`reusing a database of ${storedArticles} articles (not ${articleCount})`);

  if (Number(storedArticles) === 0) {
    let textBytes = 0;
    const bar = progressBar('importing', articleCount);
    const started = performance.now();
    // As the importer does: the next batch is segmented on a worker thread while this one is saved.
    const save = async (batch: ArticleDraft[], next: ArticleDraft[]) => {
      if (next.length > 0) prepareDraftIndexing(writing, next);
      await db.transaction().execute(async (trx) => {
        for (const draft of batch) await saveArticleDraft(trx, writing, draft);
      });
      done += batch.length;
      bar.update(done, `${done} articles`);
    };
    let done = 0;
    let batch: ArticleDraft[] = [];
    let next: ArticleDraft[] = [];
    for (const draft of recombinedArticles(SEED_FILE, articleCount)) {
      textBytes += Buffer.byteLength(draft.originalTitle) + Buffer.byteLength(draft.body);
      next.push(draft);
      if (next.length === 1000) {
        if (batch.length > 0) await save(batch, next);
        [batch, next] = [next, []];
      }
    }
    await save(batch, next);
    await save(next, []);
    await writing.searchIndex.endPreparing();
    bar.finish();
    const seconds = (performance.now() - started) / 1000;
    console.log(`corpus: ${articleCount} articles, ${mb(textBytes)} of text (seed sentences recombined, random seed 20151)`);
    console.log(`import (article rows + search index + economic facts): ${seconds.toFixed(1)} s, ${(textBytes / 1e6 / seconds).toFixed(2)} MB/s of text`);
    // The search index alone, as `zhaoshang reindex` builds it.
    const reindexStarted = performance.now();
    await rebuildSearchIndex(db, writing.searchIndex);
    const reindexSeconds = (performance.now() - reindexStarted) / 1000;
    console.log(`search index rebuild (zhaoshang reindex): ${reindexSeconds.toFixed(1)} s, ${(textBytes / 1e6 / reindexSeconds).toFixed(2)} MB/s of text`);
    // What the server's background pass (or zhaoshang reindex) then does: every related-article
    // list, so that bench:pages reads stored lists from this database.
    const relatedStarted = performance.now();
    const lists = await writing.searchIndex.completeRelated(db);
    const relatedSeconds = (performance.now() - relatedStarted) / 1000;
    console.log(
      `related-article lists (${lists}, the server computes them in the background): ${relatedSeconds.toFixed(1)} s, ${((1000 * relatedSeconds) / lists).toFixed(1)} ms a list`,
    );
    if (opened.dialect.engine === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(db);
    // Fresh statistics, as autovacuum would gather them soon after a bulk import.
    else await sql`vacuum analyze`.execute(db);
  }
  console.log(await sizes(db, bench));

  const timeQuery = async (text: string) => {
    const query = parseQuery(text, writing.searchIndex.segmenter);
    if (isQueryProblem(query)) throw new Error(`${text}: ${query.message}`);
    const started = performance.now();
    const results = await searchArticles(db, writing.searchIndex, query, { page: 1 });
    return { ms: performance.now() - started, total: results.total };
  };
  for (const text of QUERIES) await timeQuery(text); // warm the page cache of the database file
  const samples: number[] = [];
  const perQuery = new Map<string, { ms: number[]; total: number }>();
  for (let run = 0; run < runs; run += 1) {
    for (const text of QUERIES) {
      const { ms, total } = await timeQuery(text);
      samples.push(ms);
      const entry = perQuery.get(text) ?? { ms: [], total };
      entry.ms.push(ms);
      perQuery.set(text, entry);
    }
  }
  samples.sort((a, b) => a - b);
  console.log(`search (${QUERIES.length} queries × ${runs} runs, first page of 10 with snippets):`);
  console.log(
    `  p50 ${percentile(samples, 50).toFixed(1)} ms   p95 ${percentile(samples, 95).toFixed(1)} ms   p99 ${percentile(samples, 99).toFixed(1)} ms   max ${samples.at(-1)!.toFixed(1)} ms`,
  );
  const slowest = [...perQuery]
    .map(([text, e]) => ({ text, total: e.total, median: e.ms.sort((a, b) => a - b)[Math.floor(e.ms.length / 2)]! }))
    .sort((a, b) => b.median - a.median);
  console.log(
    `  slowest: ${slowest
      .slice(0, 5)
      .map((q) => `${q.text} (${q.total} hits) ${q.median.toFixed(1)} ms`)
      .join('; ')}`,
  );

  let likeTotal = 0;
  let oursTotal = 0;
  for (const text of LIKE_QUERIES) {
    const pattern = `%${text}%`;
    const started = performance.now();
    await db
      .selectFrom('article')
      .select(['id', 'title', 'body'])
      .where((eb) => eb.or([eb('title', 'like', pattern), eb('body', 'like', pattern)]))
      .orderBy('published_on', 'desc')
      .limit(10)
      .execute();
    await db
      .selectFrom('article')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => eb.or([eb('title', 'like', pattern), eb('body', 'like', pattern)]))
      .execute();
    likeTotal += performance.now() - started;
    oursTotal += perQuery.get(text)!.ms.reduce((a, b) => a + b, 0) / runs;
  }
  console.log(
    `naive LIKE '%q%' over title and body (${LIKE_QUERIES.length} queries, first page + count): mean ${(likeTotal / LIKE_QUERIES.length).toFixed(0)} ms per query, ${(likeTotal / oursTotal).toFixed(0)}× slower than the index (${(oursTotal / LIKE_QUERIES.length).toFixed(1)} ms)`,
  );
} finally {
  await opened.close();
  await bench.remove();
}

/** The database's size, and the search index's beside the text it indexes. */
async function sizes(db: Db, bench: BenchDatabase): Promise<string> {
  const { rows: textRows } = await sql<{
    bytes: number;
    n: number;
  }>`select sum(octet_length(title) + octet_length(body)) as bytes, count(*) as n from article`.execute(db);
  const text = Number(textRows[0]!.bytes);
  const ofText = (bytes: number) => `${(bytes / text).toFixed(2)}× the ${mb(text)} of text in ${textRows[0]!.n} articles`;
  if (bench.target.engine === 'sqlite') {
    const { rows } = await sql<{ bytes: number }>`select sum(length(block)) as bytes from article_search_data`.execute(db);
    return `database: ${mb(statSync(bench.target.path).size)} on disk; search index ${mb(Number(rows[0]!.bytes))} (${ofText(Number(rows[0]!.bytes))})`;
  }
  const { rows } = await sql<{ database: number; documents: number; gin: number; indexes: number }>`select
      pg_database_size(current_database()) as database,
      pg_table_size('article_search') as documents,
      pg_relation_size('article_search_document') as gin,
      (select sum(pg_indexes_size(c.oid)) from pg_class c where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace) as indexes`.execute(db);
  const r = rows[0]!;
  return `database: ${mb(Number(r.database))} (pg_database_size), all indexes ${mb(Number(r.indexes))}; search index: documents ${mb(Number(r.documents))} + GIN ${mb(Number(r.gin))} = ${mb(Number(r.documents) + Number(r.gin))} (${ofText(Number(r.documents) + Number(r.gin))})`;
}
