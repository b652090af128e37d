// Row type of the submission table (投稿).
import type { Generated } from 'kysely';

export interface SubmissionTable {
  id: Generated<number>;
  tracking_code: string;
  title: string;
  body: string;
  channel: string;
  /** Personal data: blanked by `zhaoshang purge` once the item is closed. */
  author_name: string | null;
  author_contact: string | null;
  consented_at: string;
  status: 'pending' | 'published' | 'rejected';
  reject_reason: string | null;
  article_id: number | null;
  created_at: string;
  closed_at: string | null;
  purged_at: string | null;
}
