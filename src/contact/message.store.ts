// Queries on the contact_message table.
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ReviewStore } from '../review/review-queue.ts';
import type { MessageStatus } from './message.ts';
import type { ContactMessageTable } from './message.table.ts';

/** Stores a message and returns its id. */
export async function insertMessage(db: Db, row: Insertable<ContactMessageTable>): Promise<number> {
  const { id } = await db.insertInto('contact_message').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** A message's status by its tracking code (never its reply note), or undefined. */
export async function messageStatusByCode(db: Db, trackingCode: string): Promise<MessageStatus | undefined> {
  const row = await db
    .selectFrom('contact_message')
    .select(['tracking_code', 'subject', 'status', 'created_at', 'closed_at'])
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
  return row && { trackingCode: row.tracking_code, subject: row.subject, status: row.status, createdAt: row.created_at, closedAt: row.closed_at };
}

/** How many messages are open, counting no further than `cap`. */
export async function openMessageCount(db: Db, cap: number): Promise<number> {
  const { count } = await db
    .selectFrom((eb) => eb.selectFrom('contact_message').select('id').where('status', '=', 'open').limit(cap).as('open'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Open messages received before `receivedBefore` (ISO-8601 UTC), oldest first, at most `limit`. */
export async function openMessagesReceivedBefore(db: Db, receivedBefore: string, limit: number): Promise<MessageForReview[]> {
  const rows = await db
    .selectFrom('contact_message')
    .selectAll()
    .where('status', '=', 'open')
    .where('created_at', '<', receivedBefore)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(rowToReview);
}

/** A message as the console shows it. */
export interface MessageForReview {
  id: number;
  trackingCode: string;
  channel: string;
  subject: string;
  body: string;
  senderName: string | null;
  senderContact: string | null;
  status: 'open' | 'handled';
  replyNote: string | null;
  /** The page the message is about (a carrier's 我要咨询), or null. */
  aboutPath: string | null;
  createdAt: string;
}

/** How handling closes a message. */
export type MessageClosed = { status: 'handled'; replyNote: string };

function rowToReview(row: Selectable<ContactMessageTable>): MessageForReview {
  return {
    id: Number(row.id),
    trackingCode: row.tracking_code,
    channel: row.channel,
    subject: row.subject,
    body: row.body,
    senderName: row.sender_name,
    senderContact: row.sender_contact,
    status: row.status,
    replyNote: row.reply_note,
    aboutPath: row.about_path,
    createdAt: row.created_at,
  };
}

/** The contact_message table as the review queue reads and closes it. */
export const messageReviewStore: ReviewStore<MessageForReview, MessageClosed> = {
  async list(db, status, channels, limit) {
    let query = db.selectFrom('contact_message').selectAll().where('status', '=', status);
    if (channels) query = query.where('channel', 'in', channels);
    return (await query.orderBy('created_at').orderBy('id').limit(limit).execute()).map(rowToReview);
  },
  async count(db, status, channels) {
    let query = db
      .selectFrom('contact_message')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', status);
    if (channels) query = query.where('channel', 'in', channels);
    return Number((await query.executeTakeFirstOrThrow()).count);
  },
  async find(db, id) {
    const row = await db.selectFrom('contact_message').selectAll().where('id', '=', id).executeTakeFirst();
    return row && rowToReview(row);
  },
  async close(db, id, closed, now) {
    await db
      .updateTable('contact_message')
      .set({ status: closed.status, reply_note: closed.replyNote, closed_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  },
};

/** Blanks the sender's name and contact of messages closed before `closedBefore`; returns how many. */
export async function blankPersonalDataOfMessages(db: Db, closedBefore: string, purgedAt: string): Promise<number> {
  const result = await db
    .updateTable('contact_message')
    .set({ sender_name: null, sender_contact: null, purged_at: purgedAt })
    .where('closed_at', '<', closedBefore)
    .where('purged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
