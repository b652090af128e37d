// Row type of the contact_message table (联系我们), and how backups copy it.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';

export interface ContactMessageTable {
  id: Generated<number>;
  /** The sender's reference code for the status page, e.g. LY-7K4M-Q9XZ. */
  tracking_code: string;
  /** The office addressed: the city's or a district's (channel slug). */
  channel: string;
  subject: string;
  body: string;
  /** Personal data: blanked by `zhaoshang purge` once the item is closed. */
  sender_name: string | null;
  sender_contact: string | null;
  status: 'open' | 'handled';
  reply_note: string | null;
  created_at: string;
  closed_at: string | null;
  purged_at: string | null;
  /** The page of the site a message is about (a carrier's 我要咨询: /parks/12); null for 联系我们. */
  about_path: string | null;
}

/** The contact_message table as backups copy it. */
export const contactMessageBackup = backupTable<ContactMessageTable>(
  'contact_message',
  {
    id: 'integer',
    tracking_code: 'text',
    channel: 'text',
    subject: 'text',
    body: 'text',
    sender_name: 'text',
    sender_contact: 'text',
    status: 'text',
    reply_note: 'text',
    created_at: 'text',
    closed_at: 'text',
    purged_at: 'text',
    about_path: 'text',
  },
  { key: ['id'], autoIncrement: 'id' },
);
