// What other features learn when an article is written. The articles feature announces; a
// listener (facts read out of the text) is registered where the application is put together, so
// imports point one way only: insights knows articles, articles knows no listener.
import type { Db } from '../db/database.ts';

/** An article as it was just written, with the text other features read from it. */
export interface WrittenArticle {
  id: number;
  /** The title as written, with its 【…招商】 tag. */
  originalTitle: string;
  /** The plain text (Markdown already reduced to text). */
  body: string;
  channel: string;
  /** Created by this write, so nothing derived from it is stored yet. */
  isNew: boolean;
}

/**
 * Called with the transaction that writes the article, before it commits: what a listener writes
 * commits or rolls back with the article, and a listener's failure undoes the write.
 */
export type ArticleWrittenListener = (trx: Db, article: WrittenArticle, now: Date) => Promise<void>;

/** Tells every listener, in order, that an article was written in `trx`. */
export async function announceArticleWritten(listeners: readonly ArticleWrittenListener[], trx: Db, article: WrittenArticle, now: Date): Promise<void> {
  for (const listener of listeners) await listener(trx, article, now);
}
