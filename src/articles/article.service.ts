// Rules for reading and writing articles. No HTTP here; routes and the importer call these.
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import { splitTitleTag } from '../channels/channel-catalog.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { excerptOf } from '../text/excerpt.ts';
import { draftProblem, sourceKeyOf, type Article, type ArticleDraft, type ArticleSummary } from './article.ts';
import * as store from './article.store.ts';

export const PAGE_SIZE = 20;
const RELATED_COUNT = 5;

/** What saving a draft did. */
export type SaveOutcome = 'imported' | 'updated' | 'unchanged';

/**
 * Creates or updates the article a draft describes, matched by title and date, and marks content
 * as changed. Pass a transaction: the row and the version bump must commit together.
 */
export async function saveArticleDraft(
  db: Db,
  channels: ChannelCatalog,
  draft: ArticleDraft,
  now = new Date(),
): Promise<{ outcome: SaveOutcome; id: number }> {
  const problem = draftProblem(draft);
  if (problem) throw new Error(`Cannot save article: ${problem}`);
  const originalTitle = draft.originalTitle.trim();
  const body = draft.body.trim();
  const sourceKey = sourceKeyOf(originalTitle, draft.publishedOn);
  const channel = channels.channelOf(originalTitle, body).slug;
  const timestamp = now.toISOString();

  const existing = await store.articleBySourceKey(db, sourceKey);
  if (existing && existing.body === body && existing.channel === channel) return { outcome: 'unchanged', id: Number(existing.id) };
  const derived = { body, channel, excerpt: excerptOf(body), updated_at: timestamp };
  await bumpContentVersion(db);
  if (existing) {
    await store.updateArticle(db, Number(existing.id), derived);
    return { outcome: 'updated', id: Number(existing.id) };
  }
  const id = await store.insertArticle(db, {
    ...derived,
    source_key: sourceKey,
    original_title: originalTitle,
    title: splitTitleTag(originalTitle).displayTitle,
    published_on: draft.publishedOn,
    created_at: timestamp,
  });
  return { outcome: 'imported', id };
}

/** One page of a newest-first list. */
export interface ArticleListPage {
  items: ArticleSummary[];
  page: number;
  pageCount: number;
  total: number;
}

/** Page `page` (1-based) of the newest articles, site-wide or in one channel; undefined past the end. */
export async function articleListPage(db: Db, page: number, channel?: string): Promise<ArticleListPage | undefined> {
  const total = await store.countArticles(db, channel);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) return undefined;
  const items = await store.latestArticles(db, { channel, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { items, page, pageCount, total };
}

/** Everything an article page shows, or undefined for an unknown id. */
export async function articleWithContext(db: Db, id: number): Promise<
  | { article: Article; newer: ArticleSummary | undefined; older: ArticleSummary | undefined; related: ArticleSummary[] }
  | undefined
> {
  const article = await store.articleById(db, id);
  if (!article) return undefined;
  const [{ newer, older }, related] = await Promise.all([
    store.neighbourArticles(db, article),
    store.latestArticles(db, { channel: article.channel, excludeId: article.id, limit: RELATED_COUNT, offset: 0 }),
  ]);
  return { article, newer, older, related };
}

/** Article counts per channel slug, for the navigation. */
export function articleCountsByChannel(db: Db): Promise<Map<string, number>> {
  return store.articleCountsByChannel(db);
}
