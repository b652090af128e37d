// Row type of the contact_message table (联系我们).
import type { Generated } from 'kysely';

export interface ContactMessageTable {
  id: Generated<number>;
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
}
