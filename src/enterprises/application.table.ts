// Row type of the enterprise_application table (企业入驻), and how backups copy it.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';

export interface EnterpriseApplicationTable {
  id: Generated<number>;
  /** The applicant's reference code for the status page, e.g. RZ-7K4M-Q9XZ. */
  tracking_code: string;
  company_name: string;
  /** The unified social credit code; '' for a company registered abroad. */
  credit_code: string;
  /** ISO 3166-1 code of the country a company abroad is registered in; null for one in China. */
  registration_country: string | null;
  /** The registration number in that country; null for a company in China. */
  registration_number: string | null;
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
  /** The language of the form the application came in (`zh-CN`, or `en` from /en/enterprises/apply). */
  language: Generated<'zh-CN' | 'en'>;
}

/** The enterprise_application table as backups copy it. */
export const enterpriseApplicationBackup = backupTable<EnterpriseApplicationTable>(
  'enterprise_application',
  {
    id: 'integer',
    tracking_code: 'text',
    company_name: 'text',
    credit_code: 'text',
    registration_country: 'text',
    registration_number: 'text',
    industry: 'text',
    channel: 'text',
    planned_investment: 'real',
    contact_person: 'text',
    contact_mobile: 'text',
    description: 'text',
    status: 'text',
    reject_reason: 'text',
    created_at: 'text',
    closed_at: 'text',
    purged_at: 'text',
    language: 'text',
  },
  { key: ['id'], autoIncrement: 'id' },
);
