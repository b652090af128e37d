// Full-text search on SQLite: a contentless FTS5 table over pre-segmented words. Contentless keeps
// the index near the text's size (the article table already holds the text); channel and date
// are stored unindexed beside it so filters and the date tie-break never join the article table.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import type { SearchFilter, SearchMatch, SearchSql } from './search-sql.ts';

// bm25 weights for title, body, sub-words, characters: a title hit counts 2.5 body hits.
const RANK = sql`bm25(article_search, 10.0, 4.0, 1.0, 0.5)`;

/** A term as an FTS5 string: quoted, so no query text is ever read as FTS5 syntax. */
function quoted(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** The MATCH expression for a search. */
export function fts5Expression(match: SearchMatch): string {
  if ('term' in match) return quoted(match.term);
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

export const fts5Search: SearchSql = {
  async createIndex(db: Kysely<unknown>) {
    // unicode61 splits on the spaces between our words and keeps each Chinese word whole.
    await sql`create virtual table article_search using fts5(
      title, body, subwords, chars, channel unindexed, published_on unindexed,
      content = '', contentless_delete = 1, contentless_unindexed = 1,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  },

  async put(db, d) {
    await sql`delete from article_search where rowid = ${d.articleId}`.execute(db);
    await sql`insert into article_search (rowid, title, body, subwords, chars, channel, published_on)
      values (${d.articleId}, ${d.title}, ${d.body}, ${d.subwords}, ${d.chars}, ${d.channel}, ${d.publishedOn})`.execute(db);
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

  ranked(db, filter, { candidates, limit, offset }) {
    // Scanning newest first with a LIMIT stops FTS5 early; a `rowid >=` bound measured slower.
    return idsOf(
      db,
      sql`select id from (
          select rowid as id, ${RANK} as score, published_on from article_search where ${where(filter)} order by rowid desc limit ${candidates}
        ) order by score, published_on desc, id desc limit ${limit} offset ${offset}`,
    );
  },

  newestBelow(db, filter, { belowId, limit, offset }) {
    return idsOf(db, sql`select rowid as id from article_search where ${where(filter, sql`rowid < ${belowId}`)} order by rowid desc limit ${limit} offset ${offset}`);
  },

  async containingAll(db, ids, literals) {
    if (ids.length === 0) return new Set();
    // lower() copies the whole text; a literal without Latin letters does not need it.
    const contains = literals.map((literal) =>
      /[a-z]/u.test(literal)
        ? sql`(instr(lower(title), ${literal}) > 0 or instr(lower(body), ${literal}) > 0)`
        : sql`(instr(title, ${literal}) > 0 or instr(body, ${literal}) > 0)`,
    );
    const found = await idsOf(db, sql`select id from article where id in (${sql.join(ids)}) and ${sql.join(contains, sql` and `)}`);
    return new Set(found);
  },

  indexedIds(db, afterId, limit) {
    // The FTS5 rowid lookup table (%_docsize) lists every document, without a MATCH.
    return idsOf(db, sql`select id from article_search_docsize where id > ${afterId} order by id limit ${limit}`);
  },
};
