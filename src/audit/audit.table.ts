// Row type of the audit_log table, and how backups copy it.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** Null for actions from the command line. */
  user_id: number | null;
  user_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON of the item before and after the action. */
  before: string | null;
  after: string | null;
  client: string | null;
  /** The channel of the item acted on; null where there is none, and on entries older than the column. */
  channel: string | null;
}

/** The audit_log table as backups copy it. */
export const auditLogBackup = backupTable<AuditLogTable>(
  'audit_log',
  {
    id: 'integer',
    at: 'text',
    user_id: 'integer',
    user_name: 'text',
    action: 'text',
    target_type: 'text',
    target_id: 'text',
    before: 'text',
    after: 'text',
    client: 'text',
    channel: 'text',
  },
  { key: ['id'], autoIncrement: 'id' },
);
