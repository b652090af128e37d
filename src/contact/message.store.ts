// Queries on the contact_message table.
import type { Db } from '../db/database.ts';

/** Blanks the sender's name and contact of messages closed before `closedBefore`; returns how many. */
export async function blankPersonalDataOfMessages(db: Db, closedBefore: string, purgedAt: string): Promise<number> {
  const result = await db.updateTable('contact_message').set({ sender_name: null, sender_contact: null, purged_at: purgedAt }).where('closed_at', '<', closedBefore).where('purged_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
