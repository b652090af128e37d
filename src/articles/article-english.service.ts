// English versions of articles: what English pages list and show, and how editors of an
// article's channel write one (audited like every other edit).
import { canActOn, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import type { EnglishVersion, EnglishVersionInput } from '../i18n/english-version.ts';
import type { Article } from './article.ts';
import { PAGE_SIZE } from './article.service.ts';
import * as store from './article-english.store.ts';
import { articleById, countArticles } from './article.store.ts';
import { articleRowForEditing } from './article-editing.store.ts';
import { indexableArticles } from './article-indexing.ts';
import type { ArticleWriting } from './article.service.ts';

export type { EnglishArticleSummary } from './article-english.store.ts';

/** One page of the English list: only articles with an English version, and how many there are in Chinese. */
export interface EnglishArticleListPage {
  items: store.EnglishArticleSummary[];
  page: number;
  pageCount: number;
  total: number;
  /** Published articles in all, with or without English: the Chinese list has them. */
  chineseTotal: number;
}

/** Page `page` of the articles with an English version, site-wide or in one channel; undefined past the end. */
export async function englishArticleListPage(db: Db, page: number, channel?: string): Promise<EnglishArticleListPage | undefined> {
  const [total, chineseTotal] = await Promise.all([store.countEnglishArticles(db, channel), countArticles(db, channel)]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) return undefined;
  const items = await store.englishArticles(db, { channel, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { items, page, pageCount, total, chineseTotal };
}

/** The newest `limit` articles with an English version (the English feed). */
export function newestEnglishArticles(db: Db, limit: number, channel?: string): Promise<store.EnglishArticleSummary[]> {
  return store.englishArticles(db, { channel, limit, offset: 0 });
}

/** A published article with its English version (undefined when none is written yet); undefined for an unknown id. */
export async function articleInEnglish(db: Db, id: number): Promise<{ article: Article; english: EnglishVersion | undefined } | undefined> {
  const article = await articleById(db, id);
  if (!article) return undefined;
  return { article, english: await store.englishVersionOf(db, id) };
}

/** English article counts per channel slug: the English navigation lists only channels with some. */
export function englishArticleCountsByChannel(db: Db): Promise<Map<string, number>> {
  return store.englishCountsByChannel(db);
}

/** Whether a published article has an English version (the Chinese page's hreflang links). */
export async function hasEnglishVersion(db: Db, id: number): Promise<boolean> {
  return (await store.idsWithEnglish(db, [id])).has(id);
}

/** Which of `ids` have an English version (the console's list). */
export function articlesWithEnglish(db: Db, ids: readonly number[]): Promise<Set<number>> {
  return store.idsWithEnglish(db, ids);
}

/** The English version of an article the user may edit, or 'not_found' outside the user's channels. */
export async function englishVersionForEditing(
  db: Db,
  user: ConsoleUser,
  id: number,
): Promise<{ title: string; english: EnglishVersion | undefined } | 'not_found'> {
  const row = await articleRowForEditing(db, id);
  if (!row || !canActOn(user, row.channel)) return 'not_found';
  return { title: row.title, english: await store.englishVersionOf(db, id) };
}

/**
 * Saves (or with `input` null removes) an article's English version, with its search entry and an
 * audit record, in one transaction; readers' pages and search change when the article is public.
 */
export async function saveArticleEnglish(
  db: Db,
  { searchIndex }: Pick<ArticleWriting, 'searchIndex'>,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  input: EnglishVersionInput,
  now = new Date(),
): Promise<'saved' | 'removed' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const row = await articleRowForEditing(trx, id);
    if (!row || !canActOn(user, row.channel)) return 'not_found';
    const before = await store.englishVersionOf(trx, id);
    const audited = (version: EnglishVersion | undefined) => version && { title: version.title, machineTranslated: version.machineTranslated };
    if (input === null) {
      if (!(await store.deleteEnglishVersion(trx, id))) return 'removed';
    } else {
      await store.putEnglishVersion(trx, {
        article_id: id,
        title: input.title,
        summary: input.summary,
        body: input.body,
        machine_translated: input.machineTranslated ? 1 : 0,
        updated_at: now.toISOString(),
        updated_by: actor.userName,
      });
    }
    if (row.status === 'published') {
      const article = { id, title: row.title, channel: row.channel, body: row.body, bodyFormat: row.body_format, publishedOn: row.published_on };
      const [indexable] = await indexableArticles(trx, [article]);
      await searchIndex.put(trx, indexable!);
      await bumpContentVersion(trx);
    }
    await recordAudit(
      trx,
      actor,
      {
        action: input === null ? 'article.english_remove' : 'article.english_update',
        targetType: 'article',
        targetId: id,
        before: audited(before),
        after: input === null ? undefined : { title: input.title, machineTranslated: input.machineTranslated },
        channel: row.channel,
      },
      now,
    );
    return input === null ? 'removed' : 'saved';
  });
}
