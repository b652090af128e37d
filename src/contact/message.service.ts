// Rules for contact messages. No HTTP here.
import type { ConsoleUser } from '../accounts/account.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { decide, itemForReview, queueHead, queueItems, type QueueHead, type ReviewOutcome } from '../review/review-queue.ts';
import { newTrackingCode } from '../lib/tracking-code.ts';
import { MESSAGE_CODE_PREFIX, type MessageInput, type MessageStatus } from './message.ts';
import {
  insertMessage,
  messageReviewStore,
  messageStatusByCode,
  openMessageCount,
  openMessagesReceivedBefore,
  type MessageForReview,
} from './message.store.ts';

export type { MessageForReview } from './message.store.ts';

/** What a message is: the fields of the 联系我们 form (the channel names the office addressed); consent was asked by the form. */
export type NewMessage = Omit<MessageInput, 'consent'> & Partial<Pick<MessageInput, 'consent'>>;

/**
 * Stores a message for the office it addresses and returns its id and tracking code. `aboutPath`
 * links the page it is about (a carrier's 我要咨询 form sends its page).
 */
export async function leaveMessage(
  db: Db,
  input: NewMessage,
  now = new Date(),
  aboutPath: string | null = null,
): Promise<{ id: number; trackingCode: string }> {
  const trackingCode = newTrackingCode(MESSAGE_CODE_PREFIX);
  const id = await insertMessage(db, {
    tracking_code: trackingCode,
    channel: input.channel,
    subject: input.subject,
    body: input.body,
    sender_name: input.name,
    sender_contact: input.contact,
    status: 'open',
    reply_note: null,
    about_path: aboutPath,
    created_at: now.toISOString(),
    closed_at: null,
    purged_at: null,
  });
  return { id, trackingCode };
}

/**
 * A message's status by its tracking code, or undefined. The reply note stays out: it is the
 * office's record of how it answered, and the form never promised to publish it.
 */
export function messageStatus(db: Db, trackingCode: string): Promise<MessageStatus | undefined> {
  return messageStatusByCode(db, trackingCode);
}

/** How many messages are still open, all offices together, counting no further than `cap`. */
export function openMessages(db: Db, cap: number): Promise<number> {
  return openMessageCount(db, cap);
}

/** Messages still unanswered that came in before `receivedBefore` (ISO-8601 UTC), all offices, oldest first, at most `limit`. */
export function unansweredMessagesBefore(db: Db, receivedBefore: string, limit: number): Promise<MessageForReview[]> {
  return openMessagesReceivedBefore(db, receivedBefore, limit);
}

/** Messages of one status to the user's offices, oldest first. */
export function messageQueue(db: Db, user: ConsoleUser, status: MessageForReview['status'] = 'open'): Promise<MessageForReview[]> {
  return queueItems(db, messageReviewStore, user, status);
}

/** Open contact messages in the user's channels: how many, and the `limit` oldest (the console home shows them). */
export function messageQueueHead(db: Db, user: ConsoleUser, limit: number): Promise<QueueHead<MessageForReview>> {
  return queueHead(db, messageReviewStore, user, 'open', limit);
}

/** One message, or undefined when it does not exist or is addressed to another office. */
export function messageForReview(db: Db, user: ConsoleUser, id: number): Promise<MessageForReview | undefined> {
  return itemForReview(db, messageReviewStore, user, id);
}

/** Marks an open message handled, with a note of the reply given. */
export function markMessageHandled(db: Db, user: ConsoleUser, actor: Actor, id: number, replyNote: string, now = new Date()): Promise<ReviewOutcome> {
  return decide(
    db,
    messageReviewStore,
    user,
    actor,
    id,
    {
      open: 'open',
      action: 'message.handle',
      targetType: 'message',
      close: async () => ({ status: 'handled' as const, replyNote }),
      audited: (closed) => ({ replyNote: closed.replyNote }),
    },
    now,
  );
}
