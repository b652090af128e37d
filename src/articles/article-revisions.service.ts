// An article's saved versions put to use: any two compared, and an older one restored as the
// article's new draft. A restore never changes what readers see: it only writes a draft revision,
// which the editor then offers, and the editor's next save decides its status.
import { canActOn, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import type { ArticleStatus } from './article.table.ts';
import * as store from './article-editing.store.ts';

/** One saved version with its text. */
export interface RevisionText {
  id: number;
  title: string;
  body: string;
  status: ArticleStatus;
  editedBy: string;
  editedAt: string;
  /** The revision this one was restored from, if it was. */
  restoredFrom: number | null;
}

const toRevisionText = (row: {
  id: number;
  title: string;
  body: string;
  status: ArticleStatus;
  edited_by: string;
  edited_at: string;
  restored_from: number | null;
}): RevisionText => ({
  id: Number(row.id),
  title: row.title,
  body: row.body,
  status: row.status,
  editedBy: row.edited_by,
  editedAt: row.edited_at,
  restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
});

/** The article's channel and title, or undefined when unknown or outside the user's channels. */
async function articleInScope(db: Db, user: ConsoleUser, articleId: number) {
  const article = await store.articleRowForEditing(db, articleId);
  return article && canActOn(user, article.channel) ? article : undefined;
}

/**
 * Every revision of an article in the user's channels (newest first) and the two to compare:
 * `fromId` and `toId` when they are the article's, else the second newest and the newest.
 * Undefined when the article is unknown, outside the user's channels, or has no revision.
 */
export async function revisionComparison(
  db: Db,
  user: ConsoleUser,
  articleId: number,
  fromId: number | undefined,
  toId: number | undefined,
): Promise<{ articleTitle: string; revisions: RevisionText[]; from: RevisionText; to: RevisionText } | undefined> {
  const article = await articleInScope(db, user, articleId);
  if (!article) return undefined;
  const revisions = (await store.revisionTexts(db, articleId)).map(toRevisionText);
  const newest = revisions[0];
  if (!newest) return undefined;
  const byId = (id: number | undefined) => revisions.find((revision) => revision.id === id);
  return { articleTitle: article.title, revisions, from: byId(fromId) ?? revisions[1] ?? newest, to: byId(toId) ?? newest };
}

/** The draft a restore wrote, while it is still the article's newest revision; undefined otherwise. */
export async function restoredDraft(db: Db, articleId: number): Promise<RevisionText | undefined> {
  const [newest] = await store.revisionTexts(db, articleId, 1);
  return newest && newest.restored_from !== null ? toRevisionText(newest) : undefined;
}

/**
 * Writes an older revision's title and body as the article's newest revision, a draft, in one
 * transaction with its audit record; the article itself (and so the public page) is unchanged.
 */
export async function restoreRevision(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  articleId: number,
  revisionId: number,
  now = new Date(),
): Promise<{ revisionId: number } | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const article = await articleInScope(trx, user, articleId);
    if (!article) return 'not_found' as const;
    const old = await store.revisionOf(trx, articleId, revisionId);
    if (!old) return 'not_found' as const;
    const id = await store.insertRevision(trx, {
      article_id: articleId,
      title: old.title,
      channel: article.channel,
      body: old.body,
      published_on: article.published_on,
      status: 'draft',
      publish_at: null,
      edited_by: actor.userName,
      edited_at: now.toISOString(),
      restored_from: revisionId,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'article.restore',
        targetType: 'article',
        targetId: articleId,
        before: { title: article.title },
        after: { title: old.title, restoredFrom: revisionId, revisionId: id },
        channel: article.channel,
      },
      now,
    );
    return { revisionId: id };
  });
}
