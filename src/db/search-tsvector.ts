// Full-text search on PostgreSQL: a tsvector per article over pre-segmented words with the
// 'simple' configuration (our segmenter has already done the language work), weighted A title,
// B body, C sub-words, D characters, with a GIN index; and the pairs of adjacent characters in a
// tsvector and GIN index of their own, which ranking never reads (ts_rank reads the whole
// document, which the pairs would have made 2.3 times as large: 16.0 → 36.3 KB on average for
// bench:search-http's articles; 12.7 KB in their own column, without positions).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import { createRebuildLog, dropRebuildLog, REBUILD_LOG, takeLoggedIds } from './search-rebuild-log.ts';
import type { SearchFilter, SearchMatch, SearchSql } from './search-sql.ts';

// ts_rank weights for {D, C, B, A}: characters, sub-words, body, title. ts_rank knows no inverse
// document frequency, so its score is divided by the document's length (normalization 2): without
// that, a long work report outranks a short article on any common word.
const WEIGHTS = '{0.05,0.1,0.4,1.0}';

/** A term as a quoted tsquery lexeme, so no query text is ever read as tsquery syntax. */
function lexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * The tsquery text (parsed by to_tsquery('simple', …)) of a match's words, its pairs left out:
 * what ranking weighs, and for a match without pairs what it finds. Undefined when no word is left.
 */
export function wordsQuery(match: SearchMatch): string | undefined {
  if ('term' in match) return lexeme(match.term);
  if ('pair' in match) return undefined;
  const [children, operator] = 'all' in match ? [match.all, ' & '] : [match.any, ' | '];
  const kept = children.map(wordsQuery).filter((text) => text !== undefined);
  return kept.length === 0 ? undefined : `(${kept.join(operator)})`;
}

/**
 * Pairs are stored as lexemes verbatim (array_to_tsvector) and asked for verbatim (a tsquery
 * literal): no text-search parser between them to cut a rare character differently.
 */
const pairsCondition = (pairs: readonly string[], operator: string) => sql`pairs @@ ${`(${pairs.map(lexeme).join(operator)})`}::tsquery`;

const hasPair = (match: SearchMatch): boolean => 'pair' in match || ('all' in match && match.all.some(hasPair)) || ('any' in match && match.any.some(hasPair));

/**
 * The condition a match puts on a row: its words on `document`, its pairs on `pairs`. Within a
 * group, the words are one tsquery and the pairs another, so a match without pairs is one
 * `document @@ …` as before.
 */
export function matchCondition(match: SearchMatch): RawBuilder<unknown> {
  if ('pair' in match) return pairsCondition([match.pair], '');
  if (!hasPair(match)) return sql`document @@ to_tsquery('simple', ${wordsQuery(match) ?? "''"})`;
  const [children, joiner, operator] = 'all' in match ? [match.all, sql` and `, ' & '] : 'any' in match ? [match.any, sql` or `, ' | '] : [[], sql``, ''];
  const words = children.filter((child) => !hasPair(child));
  const pairs = children.flatMap((child) => ('pair' in child ? [child.pair] : []));
  const parts = [
    ...(words.length > 0 ? [matchCondition('all' in match ? { all: words } : { any: words })] : []),
    ...(pairs.length > 0 ? [pairsCondition(pairs, operator)] : []),
    ...children.filter((child) => hasPair(child) && !('pair' in child)).map(matchCondition),
  ];
  return sql`(${sql.join(parts, joiner)})`;
}

function where(filter: SearchFilter, extra?: RawBuilder<unknown>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [matchCondition(filter.match)];
  if (filter.channel !== undefined) parts.push(sql`channel = ${filter.channel}`);
  if (filter.from !== undefined) parts.push(sql`published_on >= ${filter.from}`);
  if (filter.to !== undefined) parts.push(sql`published_on <= ${filter.to}`);
  if (filter.excludeId !== undefined) parts.push(sql`article_id != ${filter.excludeId}`);
  if (extra) parts.push(extra);
  return sql.join(parts, sql` and `);
}

const NOTE_WRITE = `${REBUILD_LOG}_note`;

/** Drops what a rebuild leaves while it runs, also after one that was interrupted. */
async function discardRebuild(db: Db): Promise<void> {
  await sql`drop trigger if exists ${sql.raw(NOTE_WRITE)} on article`.execute(db);
  await sql`drop function if exists ${sql.raw(NOTE_WRITE)}()`.execute(db);
  await dropRebuildLog(db);
}

async function idsOf(db: Db, query: RawBuilder<{ id: number }>): Promise<number[]> {
  const { rows } = await query.execute(db);
  return rows.map((row) => Number(row.id));
}

export const tsvectorSearch: SearchSql = {
  // ts_rank reads the whole document of each match (some 16 KB, out of line), which bm25 on
  // SQLite does not: 2,000 took most of a common word's search time at 100,000 articles
  // (bench:search --engine postgres).
  rankedCandidates: 500,

  async createIndex(db: Kysely<unknown>) {
    await sql`create table article_search (
      article_id integer primary key references article (id) on delete cascade,
      channel text not null,
      published_on text not null,
      document tsvector not null
    )`.execute(db);
    await sql`create index article_search_document on article_search using gin (document)`.execute(db);
  },

  // GIN keeps its own pending list tidy (autovacuum).
  compactStep: async () => false,

  async keepSearchesOnIndex(db: Kysely<unknown>) {
    // The planner cannot see that testing `document @@ query` on a row reads the row's document
    // (some 16 KB, stored out of line) first. Knowing from the statistics that a common word
    // matches nearly every row, it scanned the table: 3.5 s at 100,000 articles, against 10 ms
    // through the GIN index (EXPLAIN ANALYZE, bench:search --engine postgres). Without statistics
    // on the column it takes a match to be selective and always uses the index. Changing the
    // column to its own type drops statistics already gathered, and rewrites nothing.
    await sql`alter table article_search alter column document set statistics 0, alter column document type tsvector`.execute(db);
  },

  async indexPairs(db: Kysely<unknown>) {
    // Empty until the rebuild that comes with them; a constant default rewrites no row. Without
    // statistics, as the document (keepSearchesOnIndex): the planner always uses the index.
    await sql`alter table article_search add column pairs tsvector not null default ''`.execute(db);
    await sql`alter table article_search alter column pairs set statistics 0`.execute(db);
    await sql`create index article_search_pairs on article_search using gin (pairs)`.execute(db);
  },

  async put(db, d) {
    await sql`insert into article_search (article_id, channel, published_on, document, pairs)
      values (${d.articleId}, ${d.channel}, ${d.publishedOn},
        setweight(to_tsvector('simple', ${d.title}), 'A') || setweight(to_tsvector('simple', ${d.body}), 'B')
        || setweight(to_tsvector('simple', ${d.subwords}), 'C') || setweight(to_tsvector('simple', ${d.chars}), 'D'),
        -- Each pair is a lexeme as it is: no parser, no positions (a pair is only ever looked for).
        array_to_tsvector(string_to_array(${d.pairs}, ' ')))
      on conflict (article_id) do update set channel = excluded.channel, published_on = excluded.published_on, document = excluded.document,
        pairs = excluded.pairs`.execute(db);
  },

  async remove(db, articleId) {
    await sql`delete from article_search where article_id = ${articleId}`.execute(db);
  },

  async count(db, filter) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from article_search where ${where(filter)}`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },

  async nthNewestId(db, filter, n) {
    const found = await idsOf(db, sql`select article_id as id from article_search where ${where(filter)} order by article_id desc limit 1 offset ${n - 1}`);
    return found[0];
  },

  // The candidates are counted on the way (see SearchSql.ranked); a page past them all has no row
  // to carry the count.
  async ranked(db, filter, { candidates, limit, offset }) {
    const words = wordsQuery(filter.match);
    const rank = words === undefined ? sql`` : sql`ts_rank(${WEIGHTS}::float4[], document, to_tsquery('simple', ${words}), 2) desc,`;
    const { rows } = await sql<{ id: number; candidates: string }>`select id, count(*) over () as candidates from (
          select article_id as id, published_on, document from article_search where ${where(filter)} order by article_id desc limit ${candidates}
        ) as candidate
        order by ${rank} published_on desc, id desc
        limit ${limit} offset ${offset}`.execute(db);
    const candidateCount = rows[0] ? Number(rows[0].candidates) : offset === 0 ? 0 : undefined;
    return { ids: rows.map((row) => Number(row.id)), candidateCount };
  },

  newestBelow(db, filter, { belowId, limit, offset }) {
    return idsOf(
      db,
      sql`select article_id as id from article_search where ${where(filter, sql`article_id < ${belowId}`)} order by article_id desc limit ${limit} offset ${offset}`,
    );
  },

  async containingAll(db, ids, literals) {
    if (ids.length === 0) return new Set();
    // lower() copies the whole text; a literal without letters that have case does not need it.
    const contains = literals.map((literal) =>
      literal === literal.toUpperCase()
        ? sql`(strpos(title, ${literal}) > 0 or strpos(body, ${literal}) > 0)`
        : sql`(strpos(lower(title), ${literal}) > 0 or strpos(lower(body), ${literal}) > 0)`,
    );
    const found = await idsOf(db, sql`select id from article where id in (${sql.join(ids)}) and ${sql.join(contains, sql` and `)}`);
    return new Set(found);
  },

  async beginRebuild(db) {
    await discardRebuild(db);
    await createRebuildLog(db);
    await sql`create function ${sql.raw(NOTE_WRITE)}() returns trigger language plpgsql as $$
      begin
        insert into ${sql.raw(REBUILD_LOG)} (article_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
        return null;
      end $$`.execute(db);
    await sql`create trigger ${sql.raw(NOTE_WRITE)} after insert or update or delete on article
      for each row execute function ${sql.raw(NOTE_WRITE)}()`.execute(db);
    // Documents are replaced in place: a GIN index takes updates well, and a document written
    // from an older read is put again from the log before the rebuild finishes.
    return {
      put: tsvectorSearch.put,
      remove: tsvectorSearch.remove,
      // GIN keeps its own pending list tidy (autovacuum); nothing to do before finishing.
      compactStep: async () => false,
      async takeWrittenIds(db) {
        // Blocks writes to articles (not reads) until the transaction ends.
        await sql`lock table article in share row exclusive mode`.execute(db);
        return takeLoggedIds(db);
      },
      async finish(db) {
        await sql`delete from article_search as indexed
          where not exists (select 1 from article where article.id = indexed.article_id and article.status = 'published')`.execute(db);
        await discardRebuild(db);
      },
    };
  },

  indexedIds(db, afterId, limit) {
    return idsOf(db, sql`select article_id as id from article_search where article_id > ${afterId} order by article_id limit ${limit}`);
  },
};
