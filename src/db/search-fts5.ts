// Full-text search on SQLite: a contentless FTS5 table over pre-segmented words. Contentless keeps
// the index near the text's size (the article table already holds the text); channel and date
// are stored unindexed beside it so filters and the date tie-break never join the article table.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import { mergeStep } from './fts5-merge.ts';
import { createRebuildLog, dropRebuildLog, REBUILD_LOG, takeLoggedIds } from './search-rebuild-log.ts';
import type { RankedPage, SearchDocument, SearchFilter, SearchMatch, SearchSql } from './search-sql.ts';

// bm25 weights for title, body, sub-words, characters: a title hit counts 2.5 body hits.
const RANK = sql`bm25(article_search, 10.0, 4.0, 1.0, 0.5)`;

/**
 * What a pair of adjacent Chinese characters is indexed as, in the chars column: the mark, then
 * the pair (ǂ高新), so that a term never matches a pair. ǂ is a letter, which the tokenizer keeps
 * inside a token, and one jieba never joins to Chinese characters, so no text yields a word that
 * looks like a pair (search/indexed-text.test.ts).
 */
export const PAIR_MARK = 'ǂ';

/** A term as an FTS5 string: quoted, so no query text is ever read as FTS5 syntax. */
function quoted(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** The MATCH expression for a search. */
export function fts5Expression(match: SearchMatch): string {
  if ('term' in match) return quoted(match.term);
  if ('pair' in match) return quoted(`${PAIR_MARK}${match.pair}`);
  if ('all' in match) return `(${match.all.map(fts5Expression).join(' AND ')})`;
  return `(${match.any.map(fts5Expression).join(' OR ')})`;
}

function where(filter: SearchFilter, extra?: RawBuilder<unknown>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`article_search match ${fts5Expression(filter.match)}`];
  if (filter.channel !== undefined) parts.push(sql`channel = ${filter.channel}`);
  if (filter.from !== undefined) parts.push(sql`published_on >= ${filter.from}`);
  if (filter.to !== undefined) parts.push(sql`published_on <= ${filter.to}`);
  if (filter.excludeId !== undefined) parts.push(sql`rowid != ${filter.excludeId}`);
  if (extra) parts.push(extra);
  return sql.join(parts, sql` and `);
}

async function idsOf(db: Db, query: RawBuilder<{ id: number }>): Promise<number[]> {
  const { rows } = await query.execute(db);
  return rows.map((row) => Number(row.id));
}

// Scanning newest first with a LIMIT stops FTS5 early; a `rowid >=` bound measured slower.
const newestCandidates = (filter: SearchFilter, candidates: number, { withDate }: { withDate: boolean }) =>
  sql`select rowid as id, ${RANK} as score${withDate ? sql`, published_on` : sql``} from article_search where ${where(filter)} order by rowid desc limit ${candidates}`;

type Scored = { id: number; score: number; candidates: number };

/**
 * The page of the candidates in the order score, date (newest first), id (highest first). The
 * date is read only for scores that tie: FTS5 keeps it in its content table, one lookup per row,
 * and reading it for every candidate cost a fifth of ranking's CPU (the 50 queries of bench:search
 * at 10,000 articles: 5.4 → 4.4 ms a query). Room for `limit` more rows than the page catches
 * ties at its end; a tie running past them (identical articles) is ordered by the database with
 * every date read. The candidates are counted on the way, which spares most searches their count
 * statement (SearchIndex.find): kept in a table, they are counted without ranking them again
 * (0.07 ms a search at 10,000 articles; a window, `count(*) over ()`, added 0.17 ms).
 */
async function rankedPage(
  db: Db,
  filter: SearchFilter,
  { candidates, limit, offset }: { candidates: number; limit: number; offset: number },
): Promise<RankedPage> {
  const end = offset + limit;
  const room = end + limit;
  const { rows } = await sql<Scored>`with candidate as materialized (${newestCandidates(filter, candidates, { withDate: false })})
    select id, score, (select count(*) from candidate) as candidates from candidate order by score, id desc limit ${room}`.execute(db);
  // The outer query has no offset: no row means no candidate.
  const candidateCount = Number(rows[0]?.candidates ?? 0);
  const last = rows[Math.min(end, rows.length) - 1];
  if (last === undefined) return { ids: [], candidateCount };
  if (rows.length === room && rows[room - 1]!.score === last.score) {
    const ids = await idsOf(
      db,
      sql`select id from (${newestCandidates(filter, candidates, { withDate: true })})
        order by score, published_on desc, id desc limit ${limit} offset ${offset}`,
    );
    return { ids, candidateCount };
  }
  const onPage = rows.filter((row) => row.score <= last.score);
  const tied = onPage.filter((row, i) => onPage[i - 1]?.score === row.score || onPage[i + 1]?.score === row.score).map((row) => Number(row.id));
  const dates = await publishedOn(db, tied);
  const newer = (a: Scored, b: Scored) => {
    const [dateA, dateB] = [dates.get(Number(a.id)) ?? '', dates.get(Number(b.id)) ?? ''];
    return dateA > dateB ? -1 : dateA < dateB ? 1 : 0;
  };
  onPage.sort((a, b) => a.score - b.score || newer(a, b) || Number(b.id) - Number(a.id));
  return { ids: onPage.slice(offset, end).map((row) => Number(row.id)), candidateCount };
}

async function publishedOn(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{
    id: number;
    published_on: string;
  }>`select rowid as id, published_on from article_search where rowid in (${sql.join(ids)})`.execute(db);
  return new Map(rows.map((row) => [Number(row.id), row.published_on]));
}

const LIVE = 'article_search';
// A rebuild writes a fresh table and renames it: FTS5 appends new rows cheaply, while replacing
// rows of a contentless table in place (a delete, kept as a tombstone, plus an insert) measured
// 4–5 times slower than filling a new table (20,000 articles: 47 s against 9–12 s).
const REBUILT = 'article_search_rebuilt';

async function createTable(db: Pick<Kysely<unknown>, 'getExecutor'>, name: string): Promise<void> {
  // unicode61 splits on the spaces between our words and keeps each Chinese word whole. The chars
  // column also holds the pairs, marked: with the columns unchanged, a query for pairs also runs on
  // a table built before them (it finds no pair), as searches do while a rebuild replaces it.
  await sql`create virtual table ${sql.table(name)} using fts5(
    title, body, subwords, chars, channel unindexed, published_on unindexed,
    content = '', contentless_delete = 1, contentless_unindexed = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  )`.execute(db);
}

/** The chars column: the characters, then the pairs, marked. */
function charsAndPairs({ chars, pairs }: SearchDocument): string {
  if (pairs === '') return chars;
  return `${chars} ${PAIR_MARK}${pairs.replaceAll(' ', ` ${PAIR_MARK}`)}`;
}

async function putDocument(db: Db, table: string, d: SearchDocument): Promise<void> {
  // Deleting a rowid that is not there costs nothing, so new articles need no special case.
  await sql`delete from ${sql.table(table)} where rowid = ${d.articleId}`.execute(db);
  await sql`insert into ${sql.table(table)} (rowid, title, body, subwords, chars, channel, published_on)
    values (${d.articleId}, ${d.title}, ${d.body}, ${d.subwords}, ${charsAndPairs(d)}, ${d.channel}, ${d.publishedOn})`.execute(db);
}

// Writes to articles while a rebuild runs are noted by triggers, so the rebuild can index those
// articles again before its table goes live (see search.service.ts rebuildSearchIndex).
const noteWrites = ['insert', 'update', 'delete'].map((event) =>
  sql.raw(`create trigger ${REBUILD_LOG}_${event} after ${event} on article
    begin insert into ${REBUILD_LOG} (article_id) values (${event === 'delete' ? 'old' : 'new'}.id); end`),
);

/** Drops what a rebuild leaves while it runs, also after one that was interrupted. */
async function discardRebuild(db: Db): Promise<void> {
  for (const event of ['insert', 'update', 'delete']) await sql`drop trigger if exists ${sql.raw(`${REBUILD_LOG}_${event}`)}`.execute(db);
  await dropRebuildLog(db);
  await sql`drop table if exists ${sql.table(REBUILT)}`.execute(db);
  // Left behind by the drop (see switchToRebuilt); needs shadow tables writable.
  await sql`drop table if exists ${sql.table(`${REBUILT}_content`)}`.execute(db);
}

/**
 * Replaces the live table by the rebuilt one. SQLite 3.53 (in better-sqlite3 12) neither drops
 * nor renames the `%_content` table of a `contentless_unindexed` FTS5 table, where channel and
 * date are kept: it is moved by hand, which defensive mode forbids for shadow tables.
 */
async function switchToRebuilt(db: Db): Promise<void> {
  await sql`drop table ${sql.table(LIVE)}`.execute(db);
  await sql`drop table if exists ${sql.table(`${LIVE}_content`)}`.execute(db);
  await sql`alter table ${sql.table(REBUILT)} rename to ${sql.table(LIVE)}`.execute(db);
  // A SQLite that renames it with its table leaves nothing to move.
  const { rows } = await sql`select 1 from sqlite_master where name = ${`${REBUILT}_content`}`.execute(db);
  if (rows.length > 0) await sql`alter table ${sql.table(`${REBUILT}_content`)} rename to ${sql.table(`${LIVE}_content`)}`.execute(db);
}

/** Runs `work` on this connection with SQLite's defensive mode off (see switchToRebuilt). */
export type WithShadowTablesWritable = <T>(work: () => Promise<T>) => Promise<T>;

/** The FTS5 search statements for one SQLite connection. */
export const fts5Search = (withShadowTablesWritable: WithShadowTablesWritable): SearchSql => ({
  // bm25 costs about 2 µs per match and word (more for long texts).
  rankedCandidates: 2000,

  createIndex(db: Kysely<unknown>) {
    return createTable(db, LIVE);
  },

  // A MATCH always reads the FTS5 index.
  keepSearchesOnIndex: async () => undefined,

  // The pairs go in the chars column (see createTable).
  indexPairs: async () => undefined,

  put(db, document) {
    return putDocument(db, LIVE, document);
  },

  async remove(db, articleId) {
    await sql`delete from article_search where rowid = ${articleId}`.execute(db);
  },

  async count(db, filter) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from article_search where ${where(filter)}`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },

  async nthNewestId(db, filter, n) {
    const found = await idsOf(db, sql`select rowid as id from article_search where ${where(filter)} order by rowid desc limit 1 offset ${n - 1}`);
    return found[0];
  },

  ranked(db, filter, page) {
    return rankedPage(db, filter, page);
  },

  newestBelow(db, filter, { belowId, limit, offset }) {
    return idsOf(
      db,
      sql`select rowid as id from article_search where ${where(filter, sql`rowid < ${belowId}`)} order by rowid desc limit ${limit} offset ${offset}`,
    );
  },

  // Live, the index is merged in the background while pages are served: 200 pages a step took at
  // most 163 ms at 10,000 articles.
  compactStep: (db) => mergeStep(db, LIVE, 200),

  async containingAll(db, ids, literals) {
    if (ids.length === 0) return new Set();
    // LIKE ignores the case of ASCII letters and of nothing else, as SQLite's lower() does (phrases
    // come folded to lower case); it copies no text and scanned candidates' texts about 1.4 times
    // faster than instr, which compares at every character. Wildcards in a phrase are escaped.
    const contains = literals.map((literal) => {
      const pattern = `%${literal.replace(/[\\%_]/gu, '\\$&')}%`;
      return sql`(title like ${pattern} escape '\\' or body like ${pattern} escape '\\')`;
    });
    const found = await idsOf(db, sql`select id from article where id in (${sql.join(ids)}) and ${sql.join(contains, sql` and `)}`);
    return new Set(found);
  },

  async beginRebuild(db) {
    await withShadowTablesWritable(() => discardRebuild(db));
    await createTable(db, REBUILT);
    await createRebuildLog(db);
    for (const statement of noteWrites) await statement.execute(db);
    return {
      put: (db, document) => putDocument(db, REBUILT, document),
      remove: async (db, articleId) => {
        await sql`delete from ${sql.table(REBUILT)} where rowid = ${articleId}`.execute(db);
      },
      // Batches leave many small segments, and queries read every segment: merging them first
      // took p95 at 100,000 articles from 24 to 21.5 ms. 2,000 pages a step: at most about 1 s.
      compactStep: (db) => mergeStep(db, REBUILT, 2000),
      // A delete is a write, so this first statement also makes other writers wait until commit.
      takeWrittenIds: takeLoggedIds,
      async finish(db) {
        await withShadowTablesWritable(async () => {
          await switchToRebuilt(db);
          await discardRebuild(db);
        });
      },
    };
  },

  indexedIds(db, afterId, limit) {
    // The FTS5 rowid lookup table (%_docsize) lists every document, without a MATCH.
    return idsOf(db, sql`select id from article_search_docsize where id > ${afterId} order by id limit ${limit}`);
  },
});
