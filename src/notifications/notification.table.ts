// Row types of the reminder tables (待办提醒), and how backups copy them.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';
import type { NotificationKind } from './notification.ts';

export interface NotificationTable {
  id: Generated<number>;
  /** The console account told. */
  recipient_id: number;
  kind: NotificationKind;
  /** What the reminder says, in Chinese; also the email's subject. */
  subject: string;
  /** The console page it opens, e.g. /admin/questions/12. */
  href: string;
  /** Names the event (`appeal:7:overdue:2026-10-09`): unique per recipient, so each event is told once. */
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
  /** The address the email goes to, as known when the reminder was written; null: no email. */
  email_to: string | null;
  email_sent_at: string | null;
  /** The last sending's failure, as the SMTP server or the network gave it. */
  email_error: string | null;
  /** Sendings begun; a sender claims one by raising it, so two processes never send the same email. */
  email_attempts: Generated<number>;
  email_tried_at: string | null;
}

/** Where an account's reminders are emailed; set by the account itself. */
export interface NotificationEmailTable {
  user_id: number;
  email: string;
  updated_at: string;
}

/** The reminder tables as backups copy them (after the accounts they refer to). */
export const notificationBackups = [
  backupTable<NotificationTable>(
    'notification',
    {
      id: 'integer',
      recipient_id: 'integer',
      kind: 'text',
      subject: 'text',
      href: 'text',
      dedupe_key: 'text',
      created_at: 'text',
      read_at: 'text',
      email_to: 'text',
      email_sent_at: 'text',
      email_error: 'text',
      email_attempts: 'integer',
      email_tried_at: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<NotificationEmailTable>('notification_email', { user_id: 'integer', email: 'text', updated_at: 'text' }, { key: ['user_id'] }),
] as const;
