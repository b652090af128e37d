// The article as the rest of the code sees it, and the rules for a valid one.
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { splitTitleTag } from '../channels/channel-catalog.ts';
import type { ArticleTable } from './article.table.ts';
import { markdownToText } from './markdown.ts';

/** A published article. */
export interface Article {
  id: number;
  originalTitle: string;
  title: string;
  channel: string;
  body: string;
  excerpt: string;
  publishedOn: string;
  updatedAt: string;
  bodyFormat: 'text' | 'markdown';
}

/** What list pages show of an article. */
export type ArticleSummary = Pick<Article, 'id' | 'title' | 'channel' | 'excerpt' | 'publishedOn'>;

/** The fields a writer supplies; the rest (title without tag, excerpt, and the channel unless given) are derived. */
export interface ArticleDraft {
  originalTitle: string;
  body: string;
  publishedOn: string;
  /** A channel slug the source names (an NDJSON export's `channel`); without it the title and text decide. */
  channel?: string;
  /** `text` unless the source says the body is Markdown (an article written in the console, exported). */
  bodyFormat?: 'text' | 'markdown';
}

export const MAX_TITLE_LENGTH = 200;
export const MAX_BODY_LENGTH = 200_000;

/** Maps a database row to the domain type. */
export function rowToArticle(
  row: Pick<Selectable<ArticleTable>, 'id' | 'original_title' | 'title' | 'channel' | 'body' | 'excerpt' | 'published_on' | 'updated_at' | 'body_format'>,
): Article {
  return {
    id: Number(row.id),
    originalTitle: row.original_title,
    title: row.title,
    channel: row.channel,
    body: row.body,
    excerpt: row.excerpt,
    publishedOn: row.published_on,
    updatedAt: row.updated_at,
    bodyFormat: row.body_format,
  };
}

/** Maps the list columns of a row to a summary. */
export function rowToSummary(row: Pick<Selectable<ArticleTable>, 'id' | 'title' | 'channel' | 'excerpt' | 'published_on'>): ArticleSummary {
  return { id: Number(row.id), title: row.title, channel: row.channel, excerpt: row.excerpt, publishedOn: row.published_on };
}

/** Why a draft cannot be saved, or undefined when it can. */
export function draftProblem(draft: ArticleDraft): string | undefined {
  const title = draft.originalTitle.trim();
  if (title === '' || splitTitleTag(title).displayTitle === '') return 'empty title';
  if (Array.from(title).length > MAX_TITLE_LENGTH) return `title longer than ${MAX_TITLE_LENGTH} characters`;
  if (draft.body.trim() === '') return 'empty body';
  // PostgreSQL cannot store NUL in text, and no real article contains one.
  if (draft.body.includes('\u0000') || title.includes('\u0000')) return 'text contains a NUL character';
  if (draft.body.length > MAX_BODY_LENGTH) return `body longer than ${MAX_BODY_LENGTH} characters`;
  if (!isCalendarDate(draft.publishedOn)) return `bad date "${draft.publishedOn}" (expected YYYY-MM-DD)`;
  return undefined;
}

/** The identity of an article across imports: the same title on the same day is the same article. */
export function sourceKeyOf(originalTitle: string, publishedOn: string): string {
  return createHash('sha256').update(`${originalTitle.trim()}\n${publishedOn}`).digest('hex').slice(0, 32);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The body as readable text: Markdown without its markup, plain text as it is. */
export function plainBody(article: Pick<Article, 'body' | 'bodyFormat'>): string {
  return article.bodyFormat === 'markdown' ? markdownToText(article.body) : article.body;
}
