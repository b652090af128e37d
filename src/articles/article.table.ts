// The article row exactly as the database stores it.
import type { Generated } from 'kysely';

export interface ArticleTable {
  id: Generated<number>;
  /** Identity for idempotent imports: a hash of the original title and the date. */
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
}
