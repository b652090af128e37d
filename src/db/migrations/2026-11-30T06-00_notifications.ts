// Issue #15 part 5: reminders (待办提醒) for the console's accounts, each also sent by email when
// SMTP is configured. A reminder is unique per account and event, so several server processes
// running the same sweep tell each event once; the email's state sits beside it so that a failed
// sending is retried without ever losing the reminder. An account's email address is the
// notifications feature's own table, kept apart from the sign-in data.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('notification')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('recipient_id', 'integer', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('href', 'text', (col) => col.notNull())
    .addColumn('dedupe_key', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('read_at', 'text')
    .addColumn('email_to', 'text')
    .addColumn('email_sent_at', 'text')
    .addColumn('email_error', 'text')
    .addColumn('email_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('email_tried_at', 'text')
    .addUniqueConstraint('notification_once', ['recipient_id', 'dedupe_key'])
    .execute();
  // An account's unread reminders newest first, and the emails still to send.
  await db.schema.createIndex('notification_inbox').on('notification').columns(['recipient_id', 'read_at', 'created_at']).execute();
  await db.schema.createIndex('notification_outbox').on('notification').columns(['email_sent_at', 'created_at']).execute();
  await db.schema
    .createTable('notification_email')
    .addColumn('user_id', 'integer', (col) => col.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}
