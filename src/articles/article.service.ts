// Rules for reading and writing articles. No HTTP here; routes and the importer call these.
import type { Expression } from 'kysely';
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import { splitTitleTag } from '../channels/channel-catalog.ts';
import { COMMAND_LINE, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { excerptOf } from '../text/excerpt.ts';
import { removeAttachmentsOfDeleted } from '../uploads/owner-deleted.ts';
import { announceArticleWritten, type ArticleWrittenListener } from './article-events.ts';
import { draftProblem, plainBody, sourceKeyOf, type Article, type ArticleDraft, type ArticleSummary } from './article.ts';
import * as store from './article.store.ts';
import { englishVersionOf } from './article-english.store.ts';
import { englishTextOf } from './article-indexing.ts';

export const PAGE_SIZE = 20;

/** What writing an article needs besides the database: where it belongs, the search index, and who hears of it. */
export interface ArticleWriting {
  channels: ChannelCatalog;
  searchIndex: SearchIndex;
  /** Told of every article saved, in the saving transaction (the facts read out of it). */
  articleListeners: readonly ArticleWrittenListener[];
}

/** What saving a draft did. */
export type SaveOutcome = 'imported' | 'updated' | 'unchanged';

/**
 * Creates or updates the article a draft describes, indexes it for search and marks content as
 * changed. Pass a transaction: the row, its index entry and the version bump must commit
 * together, so search is never stale nor half-written.
 *
 * Without `ownKey` the draft is an import, matched by title and date so that importing a file
 * again changes nothing; an imported article an editor has since revised in the console is kept
 * as the editor left it ('unchanged'). A draft written through a form passes a key of its own
 * (e.g. `submission:42`) and always becomes a new article: two contributions with the same title
 * on the same day are two articles, and no import can ever match them.
 */
export async function saveArticleDraft(
  db: Db,
  { channels, searchIndex, articleListeners }: ArticleWriting,
  draft: ArticleDraft,
  now = new Date(),
  ownKey?: string,
): Promise<{ outcome: SaveOutcome; id: number }> {
  const problem = draftProblem(draft);
  if (problem) throw new Error(`Cannot save article: ${problem}`);
  const { originalTitle, title, body, bodyFormat, plainText } = draftText(draft);
  const sourceKey = ownKey ?? sourceKeyOf(originalTitle, draft.publishedOn);
  const channel = draft.channel ?? channels.channelOf(originalTitle, plainText).slug;
  const timestamp = now.toISOString();

  const existing = ownKey === undefined ? await store.articleBySourceKey(db, sourceKey) : undefined;
  const same = existing && existing.body === body && existing.channel === channel && existing.body_format === bodyFormat;
  if (existing && (existing.revised || same)) return { outcome: 'unchanged', id: Number(existing.id) };
  const derived = { body, channel, body_format: bodyFormat, excerpt: excerptOf(plainText), updated_at: timestamp };
  await bumpContentVersion(db);
  if (existing) {
    const id = Number(existing.id);
    await store.updateArticle(db, id, derived);
    // An article an editor took offline stays out of search until it is published again.
    if (existing.status === 'published') {
      const english = englishTextOf(await englishVersionOf(db, id));
      await searchIndex.put(db, { id, title, body: plainText, channel, publishedOn: draft.publishedOn, english });
    }
    await announceArticleWritten(articleListeners, db, { id, originalTitle, body, channel, isNew: false }, now);
    return { outcome: 'updated', id };
  }
  const id = await store.insertArticle(db, {
    ...derived,
    source_key: sourceKey,
    original_title: originalTitle,
    title,
    published_on: draft.publishedOn,
    created_at: timestamp,
  });
  // A new article has no English version yet.
  await searchIndex.put(db, { id, title, body: plainText, channel, publishedOn: draft.publishedOn, english: undefined });
  await announceArticleWritten(articleListeners, db, { id, originalTitle, body, channel, isNew: true }, now);
  return { outcome: 'imported', id };
}

/**
 * Lets the search index segment these drafts on a worker thread while the caller saves others;
 * saveArticleDraft then only writes them. For bulk imports: prepare the next batch, save this one,
 * and call searchIndex.endPreparing() at the end.
 */
export function prepareDraftIndexing({ searchIndex }: Pick<ArticleWriting, 'searchIndex'>, drafts: readonly ArticleDraft[]): void {
  searchIndex.prepare(drafts.map((draft) => ({ title: draftText(draft).title, body: draftText(draft).plainText, english: undefined })));
}

/** The texts a draft is stored and indexed with; saving and preparing must agree on them. */
function draftText(draft: ArticleDraft) {
  const originalTitle = draft.originalTitle.trim();
  const body = draft.body.trim();
  const bodyFormat = draft.bodyFormat ?? 'text';
  // Search and excerpts read a Markdown body without its markup, as the console's articles are.
  const plainText = plainBody({ body, bodyFormat });
  return { originalTitle, title: splitTitleTag(originalTitle).displayTitle, body, bodyFormat, plainText };
}

/**
 * Deletes an article, its index entry and its attachments (audited as removed by `actor`); false
 * when there was none. Pass a transaction.
 */
export async function deleteArticle(
  db: Db,
  { searchIndex }: Pick<ArticleWriting, 'searchIndex'>,
  id: number,
  actor: Actor = COMMAND_LINE,
  now = new Date(),
): Promise<boolean> {
  const deleted = await store.deleteArticle(db, id);
  if (!deleted) return false;
  await removeAttachmentsOfDeleted(db, actor, { kind: 'article', id, channel: deleted.channel }, now);
  await searchIndex.remove(db, id);
  await bumpContentVersion(db);
  return true;
}

/** One page of a newest-first list. */
export interface ArticleListPage {
  items: ArticleSummary[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * Where each page of the newest-first lists ends, site-wide and per channel, with the lists' sizes:
 * so page 4,000 of the home page seeks to its first article instead of counting 80,000 before it.
 * Callers keep it per content version.
 */
export interface ListPages {
  /** Published articles per channel slug. */
  counts: Map<string, number>;
  /** The last article of each site-wide page, in page order. */
  pageEnds: store.ArticlePosition[];
  /** The same per channel slug. */
  channelPageEnds: Map<string, store.ArticlePosition[]>;
}

/** The list pages as they are now: one pass over the list index. */
export async function listPages(db: Db): Promise<ListPages> {
  const counts = new Map<string, number>();
  const pageEnds: store.ArticlePosition[] = [];
  const channelPageEnds = new Map<string, store.ArticlePosition[]>();
  const positions = await store.listedPositions(db);
  positions.forEach(({ channel, publishedOn, id }, i) => {
    const inChannel = (counts.get(channel) ?? 0) + 1;
    counts.set(channel, inChannel);
    if ((i + 1) % PAGE_SIZE === 0) pageEnds.push({ publishedOn, id });
    if (inChannel % PAGE_SIZE === 0) {
      const ends = channelPageEnds.get(channel) ?? [];
      ends.push({ publishedOn, id });
      channelPageEnds.set(channel, ends);
    }
  });
  return { counts, pageEnds, channelPageEnds };
}

/** Page `page` (1-based) of the newest articles, site-wide or in one channel; undefined past the end. */
export async function articleListPage(db: Db, page: number, pages: ListPages, channel?: string): Promise<ArticleListPage | undefined> {
  const total = channel === undefined ? [...pages.counts.values()].reduce((sum, n) => sum + n, 0) : (pages.counts.get(channel) ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) return undefined;
  const after = page === 1 ? undefined : (channel === undefined ? pages.pageEnds : pages.channelPageEnds.get(channel))?.[page - 2];
  if (page > 1 && after === undefined) throw new Error(`no end of page ${page - 1} of a list of ${total} articles`);
  const items = await store.articlesAfterPosition(db, { channel, after, limit: PAGE_SIZE });
  return { items, page, pageCount, total };
}

/** A keyset page of the newest articles with filters (the open API's list); `after` is the last article of the previous page. */
export function articlesPage(db: Db, filter: store.NewestFirstFilter): Promise<ArticleSummary[]> {
  return store.articlesAfterPosition(db, filter);
}

/** One published article, or undefined. */
export function publishedArticle(db: Db, id: number): Promise<Article | undefined> {
  return store.articleById(db, id);
}

/** The `limit` newest articles with their bodies, site-wide or in one channel. */
export function newestArticles(db: Db, limit: number, channel?: string): Promise<Article[]> {
  return store.newestArticles(db, { channel, limit });
}

/** Published articles' ids and last changes with ids above `afterId` (up to `upToId` if given), ascending, at most `limit`. */
export function articleStampsAfter(db: Db, afterId: number, upToId: number | undefined, limit: number): Promise<store.ArticleStamp[]> {
  return store.articleStampsAfter(db, afterId, upToId, limit);
}

/** Published articles counted per block of `size` consecutive ids (see the store), for sitemap files. */
export function articleIdBlocks(db: Db, size: number) {
  return store.articleIdBlocks(db, size);
}

/** The latest change among published articles, per channel slug. */
export function lastUpdatedByChannel(db: Db): Promise<Map<string, string>> {
  return store.lastUpdatedByChannel(db);
}

/** An article with its newer and older neighbours, or undefined for an unknown id. */
export async function articleWithNeighbours(
  db: Db,
  id: number,
): Promise<{ article: Article; newer: ArticleSummary | undefined; older: ArticleSummary | undefined } | undefined> {
  const article = await store.articleById(db, id);
  if (!article) return undefined;
  return { article, ...(await store.neighbourArticles(db, article)) };
}

/** True when the article exists and is published (not a draft, scheduled or deleted). */
export async function isArticlePublic(db: Db, id: number): Promise<boolean> {
  return (await store.articleById(db, id)) !== undefined;
}

/** Articles by id, in the order of `ids`; unknown ids are left out. */
export async function articlesByIds(db: Db, ids: readonly number[]): Promise<Article[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await store.articlesByIds(db, ids)).map((article) => [article.id, article]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * List summaries of articles by id, in the order of `ids`; unknown and unpublished ids are left out.
 * For lists of titles (related articles): their bodies, most of a row, are not read.
 */
export async function articleSummariesByIds(db: Db, ids: readonly number[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await store.articleSummariesByIds(db, ids)).map((summary) => [summary.id, summary]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Up to `limit` articles with ids above `afterId`, ascending: for walking every article. */
export function articlesAfter(db: Db, afterId: number, limit: number): Promise<Article[]> {
  return store.articlesAfter(db, afterId, limit);
}

/** Every published article in the site's newest-first order, read a page at a time: for exports of any size. */
export async function* publishedArticlesNewestFirst(db: Db, pageSize = 500): AsyncGenerator<Article> {
  let after: store.ArticlePosition | undefined;
  for (;;) {
    const page = await store.newestArticles(db, { after, limit: pageSize });
    yield* page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!;
    after = { publishedOn: last.publishedOn, id: last.id };
  }
}

/** How many articles there are. */
export function articleCount(db: Db): Promise<number> {
  return store.countArticles(db);
}

/** Article counts per channel slug, for the navigation. */
export function articleCountsByChannel(db: Db): Promise<Map<string, number>> {
  return store.articleCountsByChannel(db);
}

/** The ids of published articles, as a subquery: what other features show only of published articles. */
export function publishedArticleIds(db: Db) {
  return store.publishedArticleIds(db);
}

/** An article's title, as a subquery on the id another feature's row holds. */
export function articleTitleOf(db: Db, articleId: Expression<number>) {
  return store.articleColumnOf(db, 'title', articleId);
}

/** An article's publication date, as a subquery on the id another feature's row holds (for ordering). */
export function articlePublishedOnOf(db: Db, articleId: Expression<number>) {
  return store.articleColumnOf(db, 'published_on', articleId);
}

/** The title and text of an article of any status, as facts were read from it; undefined when unknown. */
export async function articleText(db: Db, id: number): Promise<{ title: string; text: string; format: 'text' | 'markdown' } | undefined> {
  const row = await store.articleTextById(db, id);
  return row && { title: row.title, text: row.body, format: row.body_format };
}

/** The newest publication date (YYYY-MM-DD, Beijing) of each of `channels`; a channel with none is absent. */
export function lastPublishedOnByChannel(db: Db, channels: readonly string[]): Promise<Map<string, string>> {
  return store.lastPublishedOnByChannel(db, channels);
}
