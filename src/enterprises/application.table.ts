// Row type of the enterprise_application table (企业入驻).
import type { Generated } from 'kysely';

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
