// Rules for contact messages. No HTTP here.
import type { Selectable } from 'kysely';
import { canActOn, channelScope, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import type { ContactMessageTable } from './message.table.ts';
import { newTrackingCode } from '../lib/tracking-code.ts';
import { MESSAGE_CODE_PREFIX, type MessageInput, type MessageStatus } from './message.ts';

/** Stores a message for the office it addresses and returns its id and tracking code. */
export async function leaveMessage(db: Db, input: MessageInput, now = new Date()): Promise<{ id: number; trackingCode: string }> {
  const trackingCode = newTrackingCode(MESSAGE_CODE_PREFIX);
  const { id } = await db
    .insertInto('contact_message')
    .values({
      tracking_code: trackingCode,
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
  return { id: Number(id), trackingCode };
}

/**
 * A message's status by its tracking code, or undefined. The reply note stays out: it is the
 * office's record of how it answered, and the form never promised to publish it.
 */
export async function messageStatus(db: Db, trackingCode: string): Promise<MessageStatus | undefined> {
  const row = await db.selectFrom('contact_message').select(['tracking_code', 'subject', 'status', 'created_at', 'closed_at']).where('tracking_code', '=', trackingCode).executeTakeFirst();
  return row && { trackingCode: row.tracking_code, subject: row.subject, status: row.status, createdAt: row.created_at, closedAt: row.closed_at };
}

/** How many messages are still open, all offices together, counting no further than `cap`. */
export async function openMessages(db: Db, cap: number): Promise<number> {
  const { count } = await db
    .selectFrom((eb) => eb.selectFrom('contact_message').select('id').where('status', '=', 'open').limit(cap).as('open'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
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
  createdAt: string;
}

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
    createdAt: row.created_at,
  };
}

/** Messages of one status to the user's offices, oldest first. */
export async function messageQueue(db: Db, user: ConsoleUser, status: MessageForReview['status'] = 'open'): Promise<MessageForReview[]> {
  const scope = channelScope(user);
  if (scope?.length === 0) return [];
  let query = db.selectFrom('contact_message').selectAll().where('status', '=', status);
  if (scope) query = query.where('channel', 'in', scope);
  return (await query.orderBy('created_at').orderBy('id').limit(200).execute()).map(rowToReview);
}

/** One message, or undefined when it does not exist or is addressed to another office. */
export async function messageForReview(db: Db, user: ConsoleUser, id: number): Promise<MessageForReview | undefined> {
  const row = await db.selectFrom('contact_message').selectAll().where('id', '=', id).executeTakeFirst();
  return row && canActOn(user, row.channel) ? rowToReview(row) : undefined;
}

/** Marks an open message handled, with a note of the reply given. */
export async function markMessageHandled(db: Db, user: ConsoleUser, actor: Actor, id: number, replyNote: string, now = new Date()): Promise<'done' | 'not_found' | 'already_closed'> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('contact_message').select(['status', 'channel']).where('id', '=', id).executeTakeFirst();
    if (!row || !canActOn(user, row.channel)) return 'not_found';
    if (row.status !== 'open') return 'already_closed';
    await trx.updateTable('contact_message').set({ status: 'handled', reply_note: replyNote, closed_at: now.toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'message.handle', targetType: 'message', targetId: id, before: { status: row.status }, after: { status: 'handled', replyNote } }, now);
    return 'done';
  });
}
