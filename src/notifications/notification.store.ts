// Queries of the reminder tables. Only the notifications feature reads or writes them.
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { NotificationTable } from './notification.table.ts';

/** Writes reminders; one already written for the same account and event is left as it is. Returns the new rows' ids. */
export async function insertNotificationsOnce(db: Db, rows: ReadonlyArray<Insertable<NotificationTable>>): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('notification')
    .values([...rows])
    .onConflict((oc) => oc.columns(['recipient_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return inserted.map((row) => Number(row.id));
}

/** The email address of each of `userIds` that has one. */
export async function emailAddressesOf(db: Db, userIds: readonly number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification_email')
    .select(['user_id', 'email'])
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Map(rows.map((row) => [Number(row.user_id), row.email]));
}

/** Sets (or, with null, removes) an account's email address. */
export async function saveEmailAddress(db: Db, userId: number, email: string | null, now: string): Promise<void> {
  if (email === null) {
    await db.deleteFrom('notification_email').where('user_id', '=', userId).execute();
    return;
  }
  await db
    .insertInto('notification_email')
    .values({ user_id: userId, email, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email, updated_at: now }))
    .execute();
}

/** An account's unread reminders: how many, and the newest `limit`. */
export async function unreadOf(db: Db, recipientId: number, limit: number): Promise<{ count: number; newest: Array<Selectable<NotificationTable>> }> {
  const unread = db.selectFrom('notification').where('recipient_id', '=', recipientId).where('read_at', 'is', null);
  const [counted, newest] = await Promise.all([
    unread.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    unread.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
  ]);
  return { count: Number(counted.count), newest };
}

/** An account's newest `limit` reminders, read or not. */
export function notificationsOf(db: Db, recipientId: number, limit: number): Promise<Array<Selectable<NotificationTable>>> {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('recipient_id', '=', recipientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Marks one of an account's reminders read; false when the account has no such reminder. */
export async function markReadOf(db: Db, recipientId: number, id: number, now: string): Promise<{ found: boolean; changed: boolean }> {
  const row = await db.selectFrom('notification').select('read_at').where('id', '=', id).where('recipient_id', '=', recipientId).executeTakeFirst();
  if (!row) return { found: false, changed: false };
  if (row.read_at !== null) return { found: true, changed: false };
  const updated = await db.updateTable('notification').set({ read_at: now }).where('id', '=', id).where('read_at', 'is', null).executeTakeFirst();
  return { found: true, changed: Number(updated.numUpdatedRows) === 1 };
}

/** Which emails wait to be tried now. */
export interface OutboxFilter {
  /** Only reminders written at or after this instant. */
  writtenSince: string;
  /** A failed email is tried again only when its last try began at or before this instant. */
  triedBefore: string;
  maxAttempts: number;
  /** Only these reminders (a new reminder's email goes out at once), or every one. */
  ids?: readonly number[];
}

/** Emails not yet sent that may be tried now, oldest first. */
export function emailsToTry(db: Db, filter: OutboxFilter, limit: number): Promise<Array<Selectable<NotificationTable>>> {
  let query = db
    .selectFrom('notification')
    .selectAll()
    .where('email_sent_at', 'is', null)
    .where('email_to', 'is not', null)
    .where('email_attempts', '<', filter.maxAttempts)
    .where('created_at', '>=', filter.writtenSince)
    .where((eb) => eb.or([eb('email_tried_at', 'is', null), eb('email_tried_at', '<=', filter.triedBefore)]));
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', [...filter.ids]);
  }
  return query.orderBy('created_at').orderBy('id').limit(limit).execute();
}

/**
 * Claims one sending of an email: true for the one process whose update found the attempts as it
 * read them (another process that claimed it first has raised them).
 */
export async function claimEmail(db: Db, id: number, attemptsSeen: number, now: string): Promise<boolean> {
  const updated = await db
    .updateTable('notification')
    .set({ email_attempts: attemptsSeen + 1, email_tried_at: now })
    .where('id', '=', id)
    .where('email_attempts', '=', attemptsSeen)
    .where('email_sent_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Records an email as sent. */
export async function recordEmailSent(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('notification').set({ email_sent_at: now, email_error: null }).where('id', '=', id).execute();
}

/** Records why a sending failed. */
export async function recordEmailFailed(db: Db, id: number, error: string): Promise<void> {
  await db.updateTable('notification').set({ email_error: error }).where('id', '=', id).execute();
}
