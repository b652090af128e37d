// Row type of the audit_log table.
import type { Generated } from 'kysely';

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
}
