// The full-text index of articles: turns an article into segmented fields, keeps them in the
// engine's index, and pages through matches. Engine SQL lives in db/search-*.ts.
import type { Db } from '../db/database.ts';
import type { IndexRebuild, SearchDocument, SearchFilter, SearchMatch, SearchSql } from '../db/search-sql.ts';
import { siteMetaValue } from '../db/site-state.store.ts';
import type { Progress } from '../lib/progress.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { INDEXED_TEXT_VERSION, indexedTextOf, relatedTerms, type ArticleText, type EnglishText, type IndexedText } from './indexed-text.ts';
import * as related from './related.store.ts';
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

/**
 * How many related ids an article keeps: more than a page shows, so that when some of them are
 * unpublished (skipped as they are read) the rest still fill the page.
 */
export const RELATED_KEPT = 10;
// Lists computed per step of completeRelatedStep.
const RELATED_BATCH = 20;

/** Where a pass completing the related lists stands (see SearchIndex.completeRelatedStep). */
export interface RelatedCompletion {
  /** The last article whose pending list was computed. */
  afterId: number;
  computed: Set<number>;
  /** Ids the computed lists name. */
  named: Set<number>;
  /** Once no list is pending: the already computed lists still to compute again. */
  older?: number[];
}

/** A pass from the start. */
export const startRelatedCompletion = (): RelatedCompletion => ({ afterId: 0, computed: new Set(), named: new Set() });

/** The site_meta key under which the live index is stamped with the builtWith of the code that built it. */
export const INDEX_STAMP_KEY = 'search_dictionary_hash';

/**
 * A match an index built before pairs (INDEXED_TEXT_VERSION 3) can answer: each pair as its two
 * characters, which every text holding the pair holds, as phrases were found before pairs.
 */
export function pairsAsCharacters(match: SearchMatch): SearchMatch {
  if ('pair' in match) return { all: Array.from(match.pair, (char) => ({ term: char })) };
  if ('all' in match) return { all: match.all.map(pairsAsCharacters) };
  if ('any' in match) return { any: match.any.map(pairsAsCharacters) };
  return match;
}

/** A document with the words of its related-articles match. */
type IndexedDocument = SearchDocument & Pick<IndexedText, 'relatedTerms'>;

type ComputedList = { articleId: number; terms: string[]; relatedIds: number[] };

/** The article index, bound to an engine and a segmenter. */
export class SearchIndex {
  private thread: SegmentingThread | undefined;
  private prepared = new Map<string, Promise<IndexedText | undefined>>();
  private preparedBefore = new Map<string, Promise<IndexedText | undefined>>();
  // Between prepare and endPreparing: put leaves related lists to completeRelated.
  private bulk = false;
  // Whether the live index was seen stamped by this code (or unstamped: written by it alone). Until
  // then it may be one built before pairs, which another instance's rebuild is replacing.
  private stampedByThisCode = false;

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

  /**
   * Indexes (or re-indexes) an article; call in the transaction that writes it. Its related
   * articles are computed and stored too, and so are again the lists of those articles, so that a
   * new article shows in the lists of the older ones it relates to most. During a bulk write
   * (between prepare and endPreparing) only its words are stored: completeRelated computes the
   * lists once every article is in the index.
   */
  async put(db: Db, article: IndexableArticle): Promise<void> {
    const document = await this.preparedDocumentOf(article);
    await this.engine.put(db, document);
    const terms = document.relatedTerms;
    if (this.bulk) return related.putRelated(db, article.id, terms, undefined);
    const relatedIds = await this.relatedIdsFor(db, article.id, terms);
    await related.putRelated(db, article.id, terms, relatedIds);
    await this.recomputeStoredLists(db, relatedIds);
  }

  /**
   * The related ids stored for an article, best first, up to RELATED_KEPT (some may since have been
   * unpublished); undefined when its list is not computed yet.
   */
  async storedRelatedIds(db: Db, articleId: number): Promise<number[] | undefined> {
    return (await related.storedRelated(db, articleId))?.relatedIds;
  }

  /**
   * Computes every list that is not yet (after a bulk write or a rebuild), then again the lists
   * computed before that the new lists name, as put does for one article: completeRelatedStep
   * until done. For commands that wait for it; the server runs the steps in the background.
   */
  async completeRelated(db: Db, progress?: (total: number) => Progress): Promise<number> {
    const pending = await related.pendingRelatedCount(db);
    if (pending === 0) return 0;
    const bar = progress?.(pending);
    const completion = startRelatedCompletion();
    while (await this.completeRelatedStep(db, completion)) bar?.update(completion.computed.size, `${completion.computed.size} related lists`);
    bar?.finish();
    return completion.computed.size;
  }

  /** How many related lists are not computed yet. */
  pendingRelatedCount(db: Db): Promise<number> {
    return related.pendingRelatedCount(db);
  }

  /**
   * One step of completing the lists: up to `limit` lists computed, each against the index as it
   * is, then written in one short transaction (a list whose words changed meanwhile is left for a
   * later pass); false once nothing is left. Pass the database, not a transaction.
   */
  async completeRelatedStep(db: Db, completion: RelatedCompletion, limit = RELATED_BATCH): Promise<boolean> {
    if (completion.older === undefined) {
      const pending = await related.pendingRelatedAfter(db, completion.afterId, limit);
      if (pending.length > 0) {
        const lists = await this.computeLists(db, pending);
        await db.transaction().execute((trx) => related.setRelatedIdsOf(trx, lists, { pending: true }));
        for (const list of lists) {
          completion.computed.add(list.articleId);
          for (const id of list.relatedIds) completion.named.add(id);
        }
        completion.afterId = pending.at(-1)!.articleId;
        return true;
      }
      completion.older = [...completion.named].filter((id) => !completion.computed.has(id));
    }
    const older = completion.older.splice(0, limit);
    if (older.length === 0) return false;
    const stored = (await related.storedRelatedOf(db, older)).filter((list) => list.relatedIds !== undefined);
    const lists = await this.computeLists(db, stored);
    await db.transaction().execute((trx) => related.setRelatedIdsOf(trx, lists, { pending: false }));
    return true;
  }

  private async computeLists(db: Db, lists: readonly related.StoredRelated[]): Promise<ComputedList[]> {
    const computed: ComputedList[] = [];
    for (const { articleId, terms } of lists) computed.push({ articleId, terms, relatedIds: await this.relatedIdsFor(db, articleId, terms) });
    return computed;
  }

  /** The related ids of an article with these words, as a page would compute them now. */
  private async relatedIdsFor(db: Db, articleId: number, terms: readonly string[]): Promise<number[]> {
    if (terms.length === 0) return [];
    return this.first(db, { match: matchOfTerms(terms), excludeId: articleId }, RELATED_KEPT);
  }

  /** Computes again the lists of these articles that are computed (the others wait for completeRelated). */
  private async recomputeStoredLists(db: Db, articleIds: readonly number[]): Promise<void> {
    for (const list of await related.storedRelatedOf(db, articleIds)) {
      if (list.relatedIds === undefined) continue;
      await related.setRelatedIds(db, list.articleId, await this.relatedIdsFor(db, list.articleId, list.terms));
    }
  }

  /**
   * Starts segmenting these articles' texts on a worker thread, so that `put` (or a rebuild's
   * put) of the same text only writes. For bulk writes: prepare the next batch, then write this
   * one. Texts prepared two calls ago and never put are forgotten. Call endPreparing() when done.
   */
  prepare(articles: readonly ArticleText[]): void {
    this.bulk = true;
    this.preparedBefore = this.prepared;
    // An empty batch (the end of an import) asks the thread nothing: a request no article waits on
    // would reject unhandled when endPreparing stops the thread before it answers.
    if (articles.length === 0) {
      this.prepared = new Map();
      return;
    }
    this.thread ??= new SegmentingThread(this.segmenter);
    const segmented = this.thread.segment(articles);
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
    this.bulk = false;
    this.prepared = new Map();
    this.preparedBefore = new Map();
    await this.thread?.close();
    this.thread = undefined;
  }

  private async preparedDocumentOf(article: IndexableArticle): Promise<IndexedDocument> {
    const key = textKey(article);
    const prepared = this.prepared.get(key) ?? this.preparedBefore.get(key);
    if (!prepared) return this.documentWith(article, indexedTextOf(this.segmenter, article));
    this.prepared.delete(key);
    this.preparedBefore.delete(key);
    // Should the thread fail, the text is segmented here: a bulk write never fails because of it.
    return this.documentWith(article, (await prepared) ?? indexedTextOf(this.segmenter, article));
  }

  private documentWith(article: IndexableArticle, text: IndexedText): IndexedDocument {
    return { articleId: article.id, channel: article.channel, publishedOn: article.publishedOn, ...text };
  }

  /**
   * Removes an article from the index and its related list; call in the transaction that deletes
   * or unpublishes it. Other lists naming it keep its id: readers skip ids not published.
   */
  async remove(db: Db, articleId: number): Promise<void> {
    await this.engine.remove(db, articleId);
    await related.removeRelated(db, articleId);
  }

  /**
   * Matches best first: the `rankedCandidates` most recently added matches by relevance, then any
   * older ones newest first, so every match can be paged to.
   */
  async find(db: Db, wanted: SearchFilter, page: { limit: number; offset: number }): Promise<MatchPage> {
    const filter = { ...wanted, match: await this.answerableMatch(db, wanted.match) };
    const candidates = this.candidatesFor(filter.match);
    let ranked: number[] = [];
    if (page.offset < candidates) {
      const found = await this.engine.ranked(db, filter, { candidates, limit: Math.min(page.limit, candidates - page.offset), offset: page.offset });
      // Fewer matches than candidates: every match was ranked, and the count is known. Nine in ten
      // of bench:search-http's searches at 10,000 articles end here (0.2–0.3 ms of CPU saved a search).
      if (found.candidateCount !== undefined && found.candidateCount < candidates) return { total: found.candidateCount, ids: found.ids };
      ranked = found.ids;
    }
    const total = await this.engine.count(db, filter);
    if (total === 0 || page.offset >= total) return { total, ids: [] };
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
    return (await this.engine.ranked(db, filter, { candidates: this.candidatesFor(filter.match), limit, offset: 0 })).ids;
  }

  /**
   * The match as the live index can answer it: pairs as characters while the index may predate
   * them. The stamp is read until it names this code, then never again: indexes only move forward.
   */
  private async answerableMatch(db: Db, match: SearchMatch): Promise<SearchMatch> {
    if (!this.stampedByThisCode) {
      const stamp = await siteMetaValue(db, INDEX_STAMP_KEY);
      this.stampedByThisCode = stamp === undefined || stamp === this.builtWith;
    }
    return this.stampedByThisCode ? match : pairsAsCharacters(match);
  }

  private candidatesFor(match: SearchMatch): number {
    const words = 'all' in match ? match.all.length : 'any' in match ? match.any.length : 1;
    const budget = this.rankedCandidates;
    return words <= 2 ? budget : Math.max(Math.floor(budget / 4), Math.floor((2 * budget) / words));
  }

  /**
   * What "related articles" look for: the title's words and the body's most frequent words (the
   * plain text, as indexed).
   */
  relatedMatch(article: Pick<IndexableArticle, 'title' | 'body'>): SearchMatch | undefined {
    const terms = relatedTerms(this.segmenter.segment(article.title).terms, this.segmenter.segment(article.body).terms);
    return terms.length > 0 ? matchOfTerms(terms) : undefined;
  }

  /** `ids` (in their order) of the articles whose title or body contains every literal. */
  async withLiterals(db: Db, ids: readonly number[], literals: readonly string[]): Promise<number[]> {
    const containing = await this.engine.containingAll(db, ids, literals);
    return ids.filter((id) => containing.has(id));
  }

  /**
   * Starts rebuilding every article's entry (see SearchSql.beginRebuild). The related lists are
   * forgotten (pages compute them until completeRelated runs after the switch): the rebuilt
   * entries store their words, which a new dictionary may cut differently.
   */
  async beginRebuild(db: Db): Promise<ArticleIndexRebuild> {
    const rebuild = await this.engine.beginRebuild(db);
    await related.clearRelated(db);
    return {
      ...rebuild,
      put: async (db, article) => {
        const document = await this.preparedDocumentOf(article);
        await rebuild.put(db, document);
        await related.putRelated(db, article.id, document.relatedTerms, undefined);
      },
      remove: async (db, articleId) => {
        await rebuild.remove(db, articleId);
        await related.removeRelated(db, articleId);
      },
    };
  }

  /** Ids of indexed articles after `afterId`, ascending. */
  indexedIds(db: Db, afterId: number, limit: number): Promise<number[]> {
    return this.engine.indexedIds(db, afterId, limit);
  }
}

const matchOfTerms = (terms: readonly string[]): SearchMatch => ({ any: terms.map((term) => ({ term })) });
