// Rules for contact messages. No HTTP here.
import type { Db } from '../db/database.ts';
import type { MessageInput } from './message.ts';

/** Stores a message for the office it addresses and returns its id. */
export async function leaveMessage(db: Db, input: MessageInput, now = new Date()): Promise<number> {
  const { id } = await db
    .insertInto('contact_message')
    .values({
      channel: input.channel,
      subject: input.subject,
      body: input.body,
      sender_name: input.name,
      sender_contact: input.contact,
      status: 'open',
      reply_note: null,
      created_at: now.toISOString(),
      closed_at: null,
      purged_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}
