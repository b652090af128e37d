// The full-text index of articles: turns an article into segmented fields, keeps them in the
// engine's index, and pages through matches. Engine SQL lives in db/search-*.ts.
import type { Db } from '../db/database.ts';
import type { IndexRebuild, SearchDocument, SearchFilter, SearchMatch, SearchSql } from '../db/search-sql.ts';
import type { Progress } from '../lib/progress.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { indexedTextOf, type ArticleText, type IndexedText } from './indexed-text.ts';
import * as related from './related.store.ts';
import { SegmentingThread } from './segmenting-thread.ts';

/** The fields of an article the index reads. */
export interface IndexableArticle {
  id: number;
  title: string;
  body: string;
  channel: string;
  publishedOn: string;
}

const textKey = ({ title, body }: ArticleText) => `${title}\u0000${body}`;

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
/**
 * How many related ids an article keeps: more than a page shows, so that when some of them are
 * unpublished (skipped as they are read) the rest still fill the page.
 */
export const RELATED_KEPT = 10;
// Lists computed per transaction by completeRelated.
const RELATED_BATCH = 200;

/** The article index, bound to an engine and a segmenter. */
export class SearchIndex {
  private thread: SegmentingThread | undefined;
  private prepared = new Map<string, Promise<IndexedText | undefined>>();
  private preparedBefore = new Map<string, Promise<IndexedText | undefined>>();
  // Between prepare and endPreparing: put leaves related lists to completeRelated.
  private bulk = false;

  constructor(
    readonly segmenter: Segmenter,
    private readonly engine: SearchSql,
    private readonly rankedCandidates = engine.rankedCandidates,
  ) {}

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
    const terms = relatedTermsIn(document);
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
   * Computes every list that is not yet (after a bulk write or a rebuild), then those of the
   * articles already computed before that the new lists name, as put does for one article. Each
   * batch commits on its own; pages fall back to computing a list not yet stored. Pass the
   * database, not a transaction.
   */
  async completeRelated(db: Db, progress?: (total: number) => Progress): Promise<number> {
    const pendingCount = await related.pendingRelatedCount(db);
    if (pendingCount === 0) return 0;
    const bar = progress?.(pendingCount);
    const computed = new Set<number>();
    const named = new Set<number>();
    for (let after = 0; ; ) {
      const batch = await db.transaction().execute(async (trx) => {
        const pending = await related.pendingRelatedAfter(trx, after, RELATED_BATCH);
        for (const { articleId, terms } of pending) {
          const relatedIds = await this.relatedIdsFor(trx, articleId, terms);
          await related.setRelatedIds(trx, articleId, relatedIds);
          computed.add(articleId);
          for (const id of relatedIds) named.add(id);
        }
        return pending;
      });
      if (batch.length === 0) break;
      after = batch.at(-1)!.articleId;
      bar?.update(computed.size, `${computed.size} related lists`);
    }
    const older = [...named].filter((id) => !computed.has(id));
    for (let start = 0; start < older.length; start += RELATED_BATCH) {
      await db.transaction().execute((trx) => this.recomputeStoredLists(trx, older.slice(start, start + RELATED_BATCH)));
    }
    bar?.finish();
    return computed.size;
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
    this.bulk = false;
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
        await related.putRelated(db, article.id, relatedTermsIn(document), undefined);
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

/** The words of a related-articles match: the title's words, then the body's most frequent ones. */
function relatedTerms(titleTerms: readonly string[], bodyTerms: readonly string[]): string[] {
  const meaningful = (term: string) => Array.from(term).length > 1 && !/^\d+$/.test(term);
  const frequency = new Map<string, number>();
  for (const term of bodyTerms.filter(meaningful)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const frequent = [...frequency]
    .sort((a, b) => b[1] - a[1])
    .slice(0, RELATED_BODY_TERMS)
    .map(([term]) => term);
  return [...new Set([...titleTerms.filter(meaningful), ...frequent])];
}

/** The same words, read from a document already segmented for the index. */
function relatedTermsIn(document: Pick<IndexedText, 'title' | 'body'>): string[] {
  const terms = (field: string) => (field === '' ? [] : field.split(' '));
  return relatedTerms(terms(document.title), terms(document.body));
}

const matchOfTerms = (terms: readonly string[]): SearchMatch => ({ any: terms.map((term) => ({ term })) });
