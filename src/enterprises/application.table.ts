// Row type of the enterprise_application table (企业入驻), and how backups copy it.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';

export interface EnterpriseApplicationTable {
  id: Generated<number>;
  company_name: string;
  credit_code: string;
  /** GB/T 4754 section letter. */
  industry: string;
  /** The district or zone (channel slug) the company would settle in. */
  channel: string;
  /** 万元 */
  planned_investment: number;
  /** Personal data: blanked by `zhaoshang purge` once the item is closed. */
  contact_person: string | null;
  contact_mobile: string | null;
  description: string;
  status: 'pending' | 'approved' | 'rejected';
  reject_reason: string | null;
  created_at: string;
  closed_at: string | null;
  purged_at: string | null;
}

/** The enterprise_application table as backups copy it. */
export const enterpriseApplicationBackup = backupTable<EnterpriseApplicationTable>(
  'enterprise_application',
  {
    id: 'integer', company_name: 'text', credit_code: 'text', industry: 'text', channel: 'text', planned_investment: 'real',
    contact_person: 'text', contact_mobile: 'text', description: 'text', status: 'text', reject_reason: 'text', created_at: 'text',
    closed_at: 'text', purged_at: 'text',
  },
  { key: ['id'], autoIncrement: 'id' },
);
