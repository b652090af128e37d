// The article row exactly as the database stores it.
import type { Generated } from 'kysely';

export interface ArticleTable {
  id: Generated<number>;
  /**
   * Identity: for imports a hash of the original title and the date (importing again matches it);
   * `console:<uuid>` and `submission:<id>` for articles written through the console or a form.
   */
  source_key: string;
  /** The title as written, channel tag included (e.g. 【东湖区招商】…). */
  original_title: string;
  /** The title shown to readers, without the channel tag. */
  title: string;
  channel: string;
  body: string;
  /** Plain-text summary computed when the article is written, shown in lists. */
  excerpt: string;
  /** Publication date, YYYY-MM-DD (China Standard Time). */
  published_on: string;
  created_at: string;
  updated_at: string;
  /** Only published articles are public; scheduled ones publish themselves at publish_at. */
  status: Generated<ArticleStatus>;
  publish_at: string | null;
  /** `text`: imported plain text laid out by body-layout.ts; `markdown`: written in the console. */
  body_format: Generated<'text' | 'markdown'>;
}

export type ArticleStatus = 'draft' | 'scheduled' | 'published';

export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  title: string;
  channel: string;
  body: string;
  published_on: string;
  status: ArticleStatus;
  publish_at: string | null;
  edited_by: string;
  edited_at: string;
}
