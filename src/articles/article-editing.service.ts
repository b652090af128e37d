// Articles written in the console: drafts, scheduled and published articles of an editor's
// channels, each save kept as a revision and written to the audit log.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canActOn, channelScope, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { oneOf, requiredText } from '../http/form-fields.ts';
import { parseChinaLocalInput } from '../lib/china-time.ts';
import { excerptOf } from '../text/excerpt.ts';
import { isCalendarDate, MAX_BODY_LENGTH, MAX_TITLE_LENGTH } from './article.ts';
import { announceArticleWritten } from './article-events.ts';
import * as store from './article-editing.store.ts';
import type { ArticleWriting } from './article.service.ts';
import { unpublishedArticles, type UnpublishedArticle } from './article.store.ts';
import type { ArticleStatus } from './article.table.ts';
import type { AttachmentOwner } from '../uploads/attachment.ts';
import { markdownToText } from './markdown.ts';
import { indexableArticles } from './article-indexing.ts';

export type { UnpublishedArticle } from './article.store.ts';

/** The editor form's rules, given the channels the user may write in and the current time. */
export function editedArticleSchema(channelSlugs: readonly string[], now: Date) {
  return z
    .object({
      title: requiredText('标题', MAX_TITLE_LENGTH),
      channel: oneOf('频道', channelSlugs),
      publishedOn: z.string().refine(isCalendarDate, '请填写发布日期,格式如 2025-07-29。'),
      status: z.enum(['draft', 'scheduled', 'published'], { error: '请选择状态。' }),
      publishAt: z.string().optional(),
      body: requiredText('正文', MAX_BODY_LENGTH),
    })
    .superRefine((input, ctx) => {
      if (input.status !== 'scheduled') return;
      // The form's local time is Beijing time.
      const when = parseChinaLocalInput(input.publishAt ?? '');
      if (when === undefined) {
        ctx.addIssue({ code: 'custom', path: ['publishAt'], message: '定时发布须填写发布时间。' });
      } else if (when.getTime() <= now.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['publishAt'], message: '定时发布的时间须晚于现在。' });
      }
    })
    .transform((input) => ({
      ...input,
      publishAt: input.status === 'scheduled' ? parseChinaLocalInput(input.publishAt ?? '')!.toISOString() : null,
    }));
}

export type EditedArticle = z.infer<ReturnType<typeof editedArticleSchema>>;

/** An article as the console lists and edits it. */
export interface ArticleForEditing {
  id: number;
  title: string;
  channel: string;
  body: string;
  bodyFormat: 'text' | 'markdown';
  publishedOn: string;
  status: ArticleStatus;
  publishAt: string | null;
  updatedAt: string;
}

/** One saved version. */
export interface ArticleRevision {
  id: number;
  title: string;
  status: ArticleStatus;
  editedBy: string;
  editedAt: string;
}

type Row = {
  id: number;
  title: string;
  channel: string;
  body: string;
  body_format: 'text' | 'markdown';
  published_on: string;
  status: ArticleStatus;
  publish_at: string | null;
  updated_at: string;
};
const toEditing = (row: Row): ArticleForEditing => ({
  id: Number(row.id),
  title: row.title,
  channel: row.channel,
  body: row.body,
  bodyFormat: row.body_format,
  publishedOn: row.published_on,
  status: row.status,
  publishAt: row.publish_at,
  updatedAt: row.updated_at,
});

/** The newest articles of the user's channels, any status. */
export async function editorArticles(db: Db, user: ConsoleUser, limit = 100): Promise<ArticleForEditing[]> {
  const scope = channelScope(user);
  if (scope?.length === 0) return [];
  return (await store.recentlyUpdatedArticles(db, scope, limit)).map(toEditing);
}

/** Drafts and scheduled articles of the user's channels: how many, and the `limit` least recently saved. */
export async function unpublishedArticlesFor(db: Db, user: ConsoleUser, limit: number): Promise<{ count: number; oldest: UnpublishedArticle[] }> {
  const scope = channelScope(user);
  if (scope?.length === 0) return { count: 0, oldest: [] };
  return unpublishedArticles(db, scope, limit);
}

/** An article with its revisions, or undefined when unknown or outside the user's channels. */
export async function articleForEditing(
  db: Db,
  user: ConsoleUser,
  id: number,
): Promise<{ article: ArticleForEditing; revisions: ArticleRevision[] } | undefined> {
  const row = await store.articleRowForEditing(db, id);
  if (!row || !canActOn(user, row.channel)) return undefined;
  const revisions = await store.revisionsOf(db, id);
  return {
    article: toEditing(row),
    revisions: revisions.map((r) => ({ id: Number(r.id), title: r.title, status: r.status, editedBy: r.edited_by, editedAt: r.edited_at })),
  };
}

async function reindex(
  db: Db,
  writing: ArticleWriting,
  article: { id: number; title: string; body: string; channel: string; publishedOn: string; status: ArticleStatus; bodyFormat: 'text' | 'markdown' },
) {
  if (article.status === 'published') {
    const [indexable] = await indexableArticles(db, [article]);
    await writing.searchIndex.put(db, indexable!);
  } else {
    await writing.searchIndex.remove(db, article.id);
  }
}

/**
 * Creates (id undefined) or updates an article from the editor, with a revision, its search entry
 * and an audit record in one transaction. Returns the id, or 'not_found' outside the user's channels.
 */
export async function saveEditedArticle(
  db: Db,
  writing: ArticleWriting,
  user: ConsoleUser,
  actor: Actor,
  id: number | undefined,
  input: EditedArticle,
  now = new Date(),
): Promise<number | 'not_found'> {
  if (!canActOn(user, input.channel)) return 'not_found';
  return db.transaction().execute(async (trx) => {
    const before = id === undefined ? undefined : await store.articleRowForEditing(trx, id);
    if (id !== undefined && (!before || !canActOn(user, before.channel))) return 'not_found';
    // Imported articles keep their plain-text layout until an editor saves them.
    const fields = {
      title: input.title,
      original_title: input.title,
      channel: input.channel,
      body: input.body,
      body_format: 'markdown' as const,
      excerpt: excerptOf(markdownToText(input.body)),
      published_on: input.publishedOn,
      status: input.status,
      publish_at: input.publishAt,
      updated_at: now.toISOString(),
    };
    const articleId =
      before === undefined
        ? await store.insertEditedArticle(trx, { ...fields, source_key: `console:${randomUUID()}`, created_at: now.toISOString() })
        : (await store.updateEditedArticle(trx, id!, fields), id!);
    await reindex(trx, writing, { id: articleId, ...input, bodyFormat: 'markdown' });
    await announceArticleWritten(
      writing.articleListeners,
      trx,
      { id: articleId, originalTitle: input.title, body: markdownToText(input.body), channel: input.channel, isNew: before === undefined },
      now,
    );
    // Readers' pages change when the article is, or was, public.
    if (input.status === 'published' || before?.status === 'published') await bumpContentVersion(trx);
    await store.insertRevision(trx, {
      article_id: articleId,
      title: input.title,
      channel: input.channel,
      body: input.body,
      published_on: input.publishedOn,
      status: input.status,
      publish_at: input.publishAt,
      edited_by: actor.userName,
      edited_at: now.toISOString(),
    });
    const summary = (a: {
      title: string;
      channel: string;
      status: string;
      published_on?: string;
      publishedOn?: string;
      publish_at?: string | null;
      publishAt?: string | null;
    }) => ({
      title: a.title,
      channel: a.channel,
      status: a.status,
      publishedOn: a.publishedOn ?? a.published_on,
      publishAt: a.publishAt ?? a.publish_at ?? null,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: before ? 'article.update' : 'article.create',
        targetType: 'article',
        targetId: articleId,
        before: before && summary(before),
        after: summary(input),
        channel: input.channel,
      },
      now,
    );
    return articleId;
  });
}

/** Takes a published or scheduled article offline (back to draft). */
export async function unpublishArticle(
  db: Db,
  writing: ArticleWriting,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  now = new Date(),
): Promise<'done' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const row = await store.articleRowForEditing(trx, id);
    if (!row || !canActOn(user, row.channel)) return 'not_found';
    await store.updateEditedArticle(trx, id, { status: 'draft', publish_at: null, updated_at: now.toISOString() });
    await writing.searchIndex.remove(trx, id);
    if (row.status === 'published') await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      { action: 'article.unpublish', targetType: 'article', targetId: id, before: { status: row.status }, after: { status: 'draft' }, channel: row.channel },
      now,
    );
    return 'done';
  });
}

const SCHEDULER: Actor = { userId: null, userName: 'scheduler' };

/**
 * Publishes scheduled articles whose time has come; returns how many. Every instance (and every
 * worker) runs this on a timer, so it must publish each article exactly once: the conditional
 * update claims the due rows, and only the rows it claimed are indexed, audited and counted. On
 * PostgreSQL a second instance's update waits for the first to commit, then finds the rows no
 * longer scheduled and claims none; a read-then-update would have audited and re-indexed them twice.
 */
export async function publishDueArticles(db: Db, writing: ArticleWriting, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const claimed = await store.claimDueArticles(trx, now.toISOString());
    for (const row of claimed) {
      await reindex(trx, writing, toEditing(row));
      await recordAudit(
        trx,
        SCHEDULER,
        {
          action: 'article.publish_scheduled',
          targetType: 'article',
          targetId: Number(row.id),
          before: { status: 'scheduled' },
          after: { status: 'published' },
          channel: row.channel,
        },
        now,
      );
    }
    if (claimed.length > 0) await bumpContentVersion(trx);
    return claimed.length;
  });
}

/** An article as the uploads see an owner of attachments: public only once published. */
export async function articleAsAttachmentOwner(db: Db, id: number): Promise<AttachmentOwner | undefined> {
  const row = await store.articleRowForEditing(db, id);
  return (
    row && {
      title: row.title,
      channel: row.channel,
      isPublic: row.status === 'published',
      publicPath: `/articles/${row.id}`,
      editorPath: `/admin/articles/${row.id}`,
    }
  );
}
