// What full-text search needs from an engine: store a segmented document, and find, count and
// rank documents for an engine-neutral match. SQLite implements it with FTS5 (search-fts5.ts),
// PostgreSQL with a tsvector column (search-tsvector.ts).
import type { Kysely } from 'kysely';
import type { Db } from './database.ts';

/** An article as the index stores it: each field is segmented terms joined by spaces. */
export interface SearchDocument {
  articleId: number;
  channel: string;
  publishedOn: string;
  /** Words of the title (highest weight). */
  title: string;
  /** Words of the body. */
  body: string;
  /** Shorter dictionary words inside longer ones (经开区 in 小蓝经开区), once each, lower weight. */
  subwords: string;
  /** Every distinct Chinese character, so one-character queries (税) find words containing it. */
  chars: string;
  /**
   * Every distinct pair of adjacent Chinese characters of the texts as written (高新 新区 …), which
   * find the candidates of a phrase; never matched by a term.
   */
  pairs: string;
}

/**
 * What to find: a term (in any field but the pairs), a pair of adjacent Chinese characters, or
 * all / any of several conditions.
 */
export type SearchMatch = { term: string } | { pair: string } | { all: SearchMatch[] } | { any: SearchMatch[] };

/** A match with the filters every search can have. */
export interface SearchFilter {
  match: SearchMatch;
  channel?: string | undefined;
  /** Inclusive YYYY-MM-DD bounds. */
  from?: string | undefined;
  to?: string | undefined;
  excludeId?: number | undefined;
}

/** Engine-specific full-text search statements. */
export interface SearchSql {
  /**
   * How many of the most recently added matches a search ranks by relevance (the rest follow
   * newest first; see SearchIndex.find): what ranking one match costs differs by engine.
   */
  rankedCandidates: number;
  /** Creates the index (called by the search migration). */
  createIndex(db: Kysely<unknown>): Promise<void>;
  /**
   * Makes the engine's query planner search through the index however common a word is (called
   * by a later migration); nothing where it always does.
   */
  keepSearchesOnIndex(db: Kysely<unknown>): Promise<void>;
  /** Makes room for the documents' pairs (called by a later migration); nothing where there is. */
  indexPairs(db: Kysely<unknown>): Promise<void>;
  /** Adds or replaces one article's document. */
  put(db: Db, document: SearchDocument): Promise<void>;
  /** Removes one article's document (a no-op when there is none). */
  remove(db: Db, articleId: number): Promise<void>;
  /** How many documents match. */
  count(db: Db, filter: SearchFilter): Promise<number>;
  /** The id of the n-th most recently added match (1-based), or undefined when fewer match. */
  nthNewestId(db: Db, filter: SearchFilter, n: number): Promise<number | undefined>;
  /**
   * The `candidates` most recently added matches, best first (relevance, then date, then id), and
   * how many matches were candidates (`candidateCount`, undefined when the engine cannot tell): fewer
   * than `candidates` means every match was one, so it is the count and no count need be asked.
   */
  ranked(db: Db, filter: SearchFilter, page: { candidates: number; limit: number; offset: number }): Promise<RankedPage>;
  /** Matches with id < belowId, most recently added first. */
  newestBelow(db: Db, filter: SearchFilter, page: { belowId: number; limit: number; offset: number }): Promise<number[]>;
  /**
   * Which of the articles `ids` contain every literal (lower case) in the title or the body: the
   * check that confirms phrase candidates without reading the texts into the application.
   */
  containingAll(db: Db, ids: readonly number[], literals: readonly string[]): Promise<Set<number>>;
  /**
   * One bounded step of merging the live index into one piece, as a rebuild's compactStep does;
   * false once nothing is left to merge. Call in a short transaction of its own.
   */
  compactStep(db: Db): Promise<boolean>;
  /**
   * Starts rebuilding every document while searches keep using the current index until
   * `finish`; from now on, writes to articles are noted. Leftovers of an interrupted rebuild, or
   * of one still running elsewhere, are discarded first. Call in a transaction.
   */
  beginRebuild(db: Db): Promise<IndexRebuild>;
  /** Ids of indexed documents in (afterId, …], ascending, for consistency checks. */
  indexedIds(db: Db, afterId: number, limit: number): Promise<number[]>;
}

/** A page of ranked candidates (see SearchSql.ranked). */
export interface RankedPage {
  ids: number[];
  candidateCount: number | undefined;
}

/** A rebuild in progress (see SearchSql.beginRebuild). */
export interface IndexRebuild {
  /** Adds or replaces a document of the rebuilt index. */
  put(db: Db, document: SearchDocument): Promise<void>;
  /** Removes a document from the rebuilt index. */
  remove(db: Db, articleId: number): Promise<void>;
  /**
   * One bounded step of tidying the rebuilt index before it goes live; false once nothing is left
   * to do. Call repeatedly, each in a short transaction of its own, so writers never wait long.
   */
  compactStep(db: Db): Promise<boolean>;
  /**
   * Ids of the articles written since the rebuild began or since the last call, once each. Call
   * in a transaction: writes to articles wait until it ends, so none can slip past it.
   */
  takeWrittenIds(db: Db): Promise<number[]>;
  /**
   * Makes the rebuilt index the one searches use, drops documents of articles that are gone or
   * unpublished, and stops noting writes. Call in the transaction of the last takeWrittenIds.
   */
  finish(db: Db): Promise<void>;
}
