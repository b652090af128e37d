// Search rules: running a reader's query, related articles, and keeping the index complete.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { articlesAfter, articleCount, articlesByIds, articleSummariesByIds } from '../articles/article.service.ts';
import { plainBody, type Article, type ArticleSummary } from '../articles/article.ts';
import { indexableArticles } from '../articles/article-indexing.ts';
import type { Db } from '../db/database.ts';
import { setSiteMetaValue, siteMetaValue } from '../db/site-state.store.ts';
import { everySecondInSlices, SLICE_MS } from '../lib/background-slices.ts';
import type { Progress } from '../lib/progress.ts';
import { markedParts, snippetParts, type TextPart } from './highlight.ts';
import { COMPACTED_VERSION_KEY } from './index-compaction.ts';
import { INDEX_STAMP_KEY, startRelatedCompletion, type ArticleIndexRebuild, type MatchPage, type RelatedCompletion, type SearchIndex } from './search-index.ts';
import type { ParsedQuery } from './search-query.ts';

export const SEARCH_PAGE_SIZE = 10;
export const MAX_SEARCH_PAGE_SIZE = 50;
// Phrase hits are confirmed on the article text, so at most this many candidates are read.
export const PHRASE_CANDIDATES = 1000;
// Each batch of candidates confirmed is this many times the one before; the first is twice what
// the page needs. Page 1 is mostly filled from the first few dozen candidates, and the factor keeps
// a phrase that nothing contains (all candidates read) to a few statements.
const PHRASE_BATCH_GROWTH = 4;
const RELATED_COUNT = 5;

/** The filters a search can have besides its words; already validated. */
export interface SearchOptions {
  channel?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize?: number;
}

/** One result, with its title and snippet split into marked and unmarked text. */
export interface SearchHit {
  id: number;
  title: string;
  titleParts: TextPart[];
  snippetParts: TextPart[];
  channel: string;
  publishedOn: string;
}

/** A page of results. */
export interface SearchResults {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  hits: SearchHit[];
  /** True when a phrase's candidates were not all checked, so `total` is a lower bound. */
  totalIsLowerBound: boolean;
}

/** Runs a parsed query. */
export async function searchArticles(db: Db, index: SearchIndex, query: ParsedQuery, options: SearchOptions): Promise<SearchResults> {
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const offset = (options.page - 1) * pageSize;
  const filter = { match: query.match, channel: options.channel, from: options.from, to: options.to };
  let total: number;
  let ids: number[];
  let totalIsLowerBound = false;
  if (query.phrases.length === 0) {
    ({ total, ids } = await index.find(db, filter, { limit: pageSize, offset }));
  } else {
    // The segmenter may cut a phrase differently inside other text, so the index only finds
    // candidates (see search-query.ts); the phrase must also occur literally in the title or body.
    const candidates = await index.find(db, filter, { limit: PHRASE_CANDIDATES, offset: 0 });
    ({ total, ids, totalIsLowerBound } = await confirmedPhrasePage(db, index, candidates, query.phrases, { limit: pageSize, offset }));
  }
  const hits = (await articlesByIds(db, ids)).map((article) => ({
    id: article.id,
    title: article.title,
    titleParts: markedParts(article.title, query.highlights),
    snippetParts: snippetParts(article.body, query.highlights),
    channel: article.channel,
    publishedOn: article.publishedOn,
  }));
  return { total, page: options.page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), hits, totalIsLowerBound };
}

/**
 * A page of the phrase candidates (best first) whose text contains every phrase. Reading the text
 * of all candidates cost about 38 ms per search at 10,000 articles, so they are checked in ranked
 * order, in growing batches, until the page and one hit more are found (the hit more lets the page
 * link to the next one); the total then counts the hits found so far, as a lower bound. Any page
 * is the same slice of the same confirmed order however far the checking went.
 */
export async function confirmedPhrasePage(
  db: Db,
  index: SearchIndex,
  candidates: MatchPage,
  phrases: readonly string[],
  page: { limit: number; offset: number },
): Promise<Pick<SearchResults, 'total' | 'totalIsLowerBound'> & { ids: number[] }> {
  const wanted = page.offset + page.limit + 1;
  const confirmed: number[] = [];
  let checked = 0;
  for (let batch = 2 * wanted; checked < candidates.ids.length && confirmed.length < wanted; batch *= PHRASE_BATCH_GROWTH) {
    const ids = candidates.ids.slice(checked, checked + batch);
    confirmed.push(...(await index.withLiterals(db, ids, phrases)));
    checked += ids.length;
  }
  return {
    total: confirmed.length,
    ids: confirmed.slice(page.offset, page.offset + page.limit),
    // Candidates the index found beyond those read (PHRASE_CANDIDATES) are never checked.
    totalIsLowerBound: checked < candidates.ids.length || candidates.total > candidates.ids.length,
  };
}

/**
 * Articles that share the most telling words with `article`, best first: the list stored when it
 * was indexed (read by primary key), or computed now for one not stored yet (CONTEXT.md).
 */
export async function relatedArticles(db: Db, index: SearchIndex, article: Article): Promise<ArticleSummary[]> {
  const ids = (await index.storedRelatedIds(db, article.id)) ?? (await relatedIdsNow(db, index, article));
  // Stored ids of articles since unpublished are skipped: the next ones take their places.
  const found = await articleSummariesByIds(db, ids.slice(0, RELATED_COUNT));
  return found.length < RELATED_COUNT && ids.length > RELATED_COUNT ? (await articleSummariesByIds(db, ids)).slice(0, RELATED_COUNT) : found;
}

/** The related ids of an article computed from the index now, as put stores them. */
async function relatedIdsNow(db: Db, index: SearchIndex, article: Article): Promise<number[]> {
  const match = index.relatedMatch({ title: article.title, body: plainBody(article) });
  return match ? index.first(db, { match, excludeId: article.id }, RELATED_COUNT) : [];
}

/**
 * Computes the related lists left pending (by an import, a rebuild, a restore) in the background,
 * a slice each second, logging when a pass starts and ends; pages compute a list not stored yet on
 * the fly until then. Run it in one process of an instance. Returns the timer (unref'd).
 */
export function completeRelatedInBackground(db: Db, index: SearchIndex, logger: Logger): NodeJS.Timeout {
  let completion: RelatedCompletion | undefined;
  const slice = async () => {
    if (!completion) {
      const pending = await index.pendingRelatedCount(db);
      if (pending === 0) return;
      logger.info({ pending }, 'computing related-article lists in the background');
      completion = startRelatedCompletion();
    }
    const started = performance.now();
    while (performance.now() - started < SLICE_MS) {
      if (await index.completeRelatedStep(db, completion, 5)) continue;
      logger.info({ computed: completion.computed.size }, 'related-article lists computed');
      completion = undefined;
      return;
    }
  };
  return everySecondInSlices(slice, (error) => {
    completion = undefined;
    logger.error({ err: error }, 'computing related-article lists failed');
  });
}

// Set once the index keeps related lists: an index built before they existed is rebuilt once.
const RELATED_LISTS_KEY = 'search_related_lists';
// The rebuild that may finish: a newer one takes over and the older one stops at its next batch.
const REBUILD_KEY = 'search_rebuild';
/** The site_meta keys that describe the search index; derived like the index, so backups leave them out. */
export const SEARCH_STATE_KEYS: readonly string[] = [INDEX_STAMP_KEY, REBUILD_KEY, RELATED_LISTS_KEY, COMPACTED_VERSION_KEY];
const REINDEX_BATCH = 500;

/** Thrown by a rebuild that another rebuild, started later, took over. */
export class RebuildSuperseded extends Error {
  constructor() {
    super('another search index rebuild started and took over from this one');
  }
}

/**
 * Re-segments and re-indexes every published article into a new index, which replaces the
 * current one at the end; until then searches use the current one. The related lists are left
 * pending, for SearchIndex.completeRelated against the new index. Each batch commits on its
 * own. Articles written meanwhile are indexed again before the switch, so none is left stale.
 * Only the latest of concurrent rebuilds finishes; the others throw RebuildSuperseded.
 */
export async function rebuildSearchIndex(db: Db, index: SearchIndex, progress?: (total: number) => Progress, batchSize = REINDEX_BATCH): Promise<number> {
  const bar = progress?.(await articleCount(db));
  const owner = randomUUID();
  const rebuild = await db.transaction().execute(async (trx) => {
    await setSiteMetaValue(trx, REBUILD_KEY, owner);
    return index.beginRebuild(trx);
  });
  // Every later transaction first checks that no newer rebuild has replaced this one's tables.
  const asOwner = <T>(work: (trx: Db) => Promise<T>) =>
    db.transaction().execute(async (trx) => {
      if ((await siteMetaValue(trx, REBUILD_KEY)) !== owner) throw new RebuildSuperseded();
      return work(trx);
    });
  let done = 0;
  try {
    // Each batch's words are cut on a worker thread while the batch before it is written.
    for (let batch = await indexableArticles(db, await articlesAfter(db, 0, batchSize)); batch.length > 0; ) {
      const next = await indexableArticles(db, await articlesAfter(db, batch.at(-1)!.id, batchSize));
      if (next.length > 0) index.prepare(next);
      await asOwner(async (trx) => {
        for (const article of batch) await rebuild.put(trx, article);
      });
      done += batch.length;
      await bar?.update(done, `${done} articles`);
      batch = next;
    }
  } finally {
    await index.endPreparing();
  }
  for (let more = true; more; ) {
    more = await asOwner((trx) => rebuild.compactStep(trx));
    bar?.update(done, 'merging the index');
  }
  // Writers wait while written articles are taken from the log, so it is done twice: the second
  // time, in the transaction that switches indexes, few or none are left.
  await asOwner((trx) => reindexWritten(trx, rebuild));
  await asOwner(async (trx) => {
    await reindexWritten(trx, rebuild);
    await rebuild.finish(trx);
    await setSiteMetaValue(trx, INDEX_STAMP_KEY, index.builtWith);
    await setSiteMetaValue(trx, RELATED_LISTS_KEY, 'kept');
    await setSiteMetaValue(trx, REBUILD_KEY, '');
  });
  bar?.finish();
  return done;
}

/** Indexes again the articles written since the rebuild began; drops deleted or unpublished ones. */
async function reindexWritten(db: Db, rebuild: ArticleIndexRebuild): Promise<void> {
  const written = await rebuild.takeWrittenIds(db);
  const published = await articlesByIds(db, written);
  for (const article of await indexableArticles(db, published)) await rebuild.put(db, article);
  const stillPublished = new Set(published.map((article) => article.id));
  for (const id of written) if (!stillPublished.has(id)) await rebuild.remove(db, id);
}

/**
 * Rebuilds the index when it was built with another dictionary, or before search existed; true if
 * it did. Call before writing articles, so that an empty database is only marked current.
 */
export async function ensureSearchIndexCurrent(db: Db, index: SearchIndex, progress?: (total: number) => Progress): Promise<boolean> {
  const current = (await siteMetaValue(db, INDEX_STAMP_KEY)) === index.builtWith && (await siteMetaValue(db, RELATED_LISTS_KEY)) !== undefined;
  if (current) return false;
  if ((await articleCount(db)) === 0) {
    await setSiteMetaValue(db, INDEX_STAMP_KEY, index.builtWith);
    await setSiteMetaValue(db, RELATED_LISTS_KEY, 'kept');
    return false;
  }
  try {
    await rebuildSearchIndex(db, index, progress);
  } catch (error) {
    // Another process started rebuilding meanwhile (several instances starting at once); it
    // finishes the job, and this one serves from the current index until then.
    if (error instanceof RebuildSuperseded) return false;
    throw error;
  }
  return true;
}
