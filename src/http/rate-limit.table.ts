// Row type of the rate_limit table, and how backups copy it.
import { backupTable } from '../db/backup-table.ts';

export interface RateLimitTable {
  /** What is limited and for whom, e.g. `submit:203.0.113.7`. */
  bucket: string;
  /** Start of the fixed window, in seconds since the epoch. */
  window_start: number;
  hits: number;
}

/** The rate_limit table as backups copy it. */
export const rateLimitBackup = backupTable<RateLimitTable>(
  'rate_limit',
  { bucket: 'text', window_start: 'integer', hits: 'integer' },
  { key: ['bucket', 'window_start'] },
);
