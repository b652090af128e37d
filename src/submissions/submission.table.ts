// Row type of the submission table (投稿), and how backups copy it.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';

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

/** The submission table as backups copy it. */
export const submissionBackup = backupTable<SubmissionTable>(
  'submission',
  {
    id: 'integer',
    tracking_code: 'text',
    title: 'text',
    body: 'text',
    channel: 'text',
    author_name: 'text',
    author_contact: 'text',
    consented_at: 'text',
    status: 'text',
    reject_reason: 'text',
    article_id: 'integer',
    created_at: 'text',
    closed_at: 'text',
    purged_at: 'text',
  },
  { key: ['id'], autoIncrement: 'id' },
);
