// The full-text index of articles: turns an article into segmented fields, keeps them in the
// engine's index, and pages through matches. Engine SQL lives in db/search-*.ts.
import type { Db } from '../db/database.ts';
import type { IndexRebuild, SearchDocument, SearchFilter, SearchMatch, SearchSql } from '../db/search-sql.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { INDEXED_TEXT_VERSION, indexedTextOf, type ArticleText, type EnglishText, type IndexedText } from './indexed-text.ts';
import { SegmentingThread } from './segmenting-thread.ts';

/** The fields of an article the index reads. */
export interface IndexableArticle {
  id: number;
  title: string;
  body: string;
  channel: string;
  publishedOn: string;
  english: EnglishText | undefined;
}

const textKey = ({ title, body, english }: ArticleText) =>
  english ? `${title}\u0000${body}\u0000${english.title}\u0000${english.summary}\u0000${english.body}` : `${title}\u0000${body}`;

/** A rebuild in progress, taking articles rather than documents. */
export type ArticleIndexRebuild = Omit<IndexRebuild, 'put'> & { put(db: Db, article: IndexableArticle): Promise<void> };

/** One page of matches. */
export interface MatchPage {
  total: number;
  ids: number[];
}

// A common word matches 90% of 100,000 articles, and ranking costs time for each match. So only
// the most recently added matches are ranked (the engine's rankedCandidates for one or two words,
// fewer for more words, which cost more each), then the rest follow newest first; bench:search
// shows the effect on latency.
const RELATED_BODY_TERMS = 5;

/** The article index, bound to an engine and a segmenter. */
export class SearchIndex {
  private thread: SegmentingThread | undefined;
  private prepared = new Map<string, Promise<IndexedText | undefined>>();
  private preparedBefore = new Map<string, Promise<IndexedText | undefined>>();

  constructor(
    readonly segmenter: Segmenter,
    private readonly engine: SearchSql,
    private readonly rankedCandidates = engine.rankedCandidates,
  ) {}

  /** What the index was built with: the dictionary and the version of the indexed text; a change means a rebuild. */
  get builtWith(): string {
    return `${this.segmenter.dictionaryHash} text-v${INDEXED_TEXT_VERSION}`;
  }

  /** An article as the index stores it. */
  documentOf(article: IndexableArticle): SearchDocument {
    return this.documentWith(article, indexedTextOf(this.segmenter, article));
  }

  /** Indexes (or re-indexes) an article; call in the transaction that writes it. */
  async put(db: Db, article: IndexableArticle): Promise<void> {
    await this.engine.put(db, await this.preparedDocumentOf(article));
  }

  /**
   * Starts segmenting these articles' texts on a worker thread, so that `put` (or a rebuild's
   * put) of the same text only writes. For bulk writes: prepare the next batch, then write this
   * one. Texts prepared two calls ago and never put are forgotten. Call endPreparing() when done.
   */
  prepare(articles: readonly ArticleText[]): void {
    this.thread ??= new SegmentingThread(this.segmenter);
    const segmented = this.thread.segment(articles);
    this.preparedBefore = this.prepared;
    // A failed thread yields undefined, not a rejection: most prepared texts of an unchanged
    // import are never put, and their rejections would go unhandled once the thread stops.
    this.prepared = new Map(
      articles.map((article, i) => [
        textKey(article),
        segmented.then(
          (texts) => texts[i],
          () => undefined,
        ),
      ]),
    );
  }

  /** Stops the worker thread of prepare() and forgets what was prepared. */
  async endPreparing(): Promise<void> {
    this.prepared = new Map();
    this.preparedBefore = new Map();
    await this.thread?.close();
    this.thread = undefined;
  }

  private async preparedDocumentOf(article: IndexableArticle): Promise<SearchDocument> {
    const key = textKey(article);
    const prepared = this.prepared.get(key) ?? this.preparedBefore.get(key);
    if (!prepared) return this.documentOf(article);
    this.prepared.delete(key);
    this.preparedBefore.delete(key);
    // Should the thread fail, the text is segmented here: a bulk write never fails because of it.
    return this.documentWith(article, (await prepared) ?? indexedTextOf(this.segmenter, article));
  }

  private documentWith(article: IndexableArticle, text: IndexedText): SearchDocument {
    return { articleId: article.id, channel: article.channel, publishedOn: article.publishedOn, ...text };
  }

  /** Removes an article from the index; call in the transaction that deletes it. */
  remove(db: Db, articleId: number): Promise<void> {
    return this.engine.remove(db, articleId);
  }

  /**
   * Matches best first: the `rankedCandidates` most recently added matches by relevance, then any
   * older ones newest first, so every match can be paged to.
   */
  async find(db: Db, filter: SearchFilter, page: { limit: number; offset: number }): Promise<MatchPage> {
    const total = await this.engine.count(db, filter);
    if (total === 0 || page.offset >= total) return { total, ids: [] };
    const candidates = this.candidatesFor(filter.match);
    const ranked =
      page.offset < candidates
        ? await this.engine.ranked(db, filter, { candidates, limit: Math.min(page.limit, candidates - page.offset), offset: page.offset })
        : [];
    if (ranked.length === page.limit || total <= candidates) return { total, ids: ranked };
    const bound = await this.engine.nthNewestId(db, filter, candidates);
    const older = await this.engine.newestBelow(db, filter, {
      belowId: bound!,
      limit: page.limit - ranked.length,
      offset: Math.max(0, page.offset - candidates),
    });
    return { total, ids: [...ranked, ...older] };
  }

  /**
   * The first `limit` ids of find(db, filter, { limit, offset: 0 }), without counting the matches:
   * the ranked candidates hold them whenever there are `limit` matches or fewer than candidates,
   * and the count of an article's related words reads every article holding one of them.
   */
  async first(db: Db, filter: SearchFilter, limit: number): Promise<number[]> {
    return this.engine.ranked(db, filter, { candidates: this.candidatesFor(filter.match), limit, offset: 0 });
  }

  private candidatesFor(match: SearchMatch): number {
    const words = 'term' in match ? 1 : 'all' in match ? match.all.length : match.any.length;
    const budget = this.rankedCandidates;
    return words <= 2 ? budget : Math.max(Math.floor(budget / 4), Math.floor((2 * budget) / words));
  }

  /** What "related articles" look for: the title's words and the body's most frequent words. */
  relatedMatch(article: Pick<IndexableArticle, 'title' | 'body'>): SearchMatch | undefined {
    const meaningful = (term: string) => Array.from(term).length > 1 && !/^\d+$/.test(term);
    const titleTerms = this.segmenter.segment(article.title).terms.filter(meaningful);
    const frequency = new Map<string, number>();
    for (const term of this.segmenter.segment(article.body).terms.filter(meaningful)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    const bodyTerms = [...frequency]
      .sort((a, b) => b[1] - a[1])
      .slice(0, RELATED_BODY_TERMS)
      .map(([term]) => term);
    const terms = [...new Set([...titleTerms, ...bodyTerms])];
    return terms.length > 0 ? { any: terms.map((term) => ({ term })) } : undefined;
  }

  /** `ids` (in their order) of the articles whose title or body contains every literal. */
  async withLiterals(db: Db, ids: readonly number[], literals: readonly string[]): Promise<number[]> {
    const containing = await this.engine.containingAll(db, ids, literals);
    return ids.filter((id) => containing.has(id));
  }

  /** Starts rebuilding every article's entry (see SearchSql.beginRebuild). */
  async beginRebuild(db: Db): Promise<ArticleIndexRebuild> {
    const rebuild = await this.engine.beginRebuild(db);
    return { ...rebuild, put: async (db, article) => rebuild.put(db, await this.preparedDocumentOf(article)) };
  }

  /** Ids of indexed articles after `afterId`, ascending. */
  indexedIds(db: Db, afterId: number, limit: number): Promise<number[]> {
    return this.engine.indexedIds(db, afterId, limit);
  }
}
