// Reminders (待办提醒) as the rest of the code sees them: their kinds, their Chinese names, and the
// rules of email sending that every part of the feature shares.
import type { Selectable } from 'kysely';
import type { NotificationTable } from './notification.table.ts';

/** What a reminder is about: work handed to the account, a deadline near, or a deadline passed. */
export type NotificationKind = 'assigned' | 'due_soon' | 'overdue';

export const NOTIFICATION_KIND_NAMES: Record<NotificationKind, string> = { assigned: '新待办', due_soon: '即将到期', overdue: '已逾期' };

/** QUESTION_WORKING_DAYS when not configured: questions are answered within ten working days of receipt. */
export const DEFAULT_QUESTION_WORKING_DAYS = 10;

/** How many times an email is tried before the reminder is left on the console only. */
export const MAX_EMAIL_ATTEMPTS = 5;
/** Minutes between tries of a failed email. */
export const EMAIL_RETRY_MINUTES = 10;
/** An email still unsent this many hours after its reminder is stale: the console has it. */
export const EMAIL_STALE_HOURS = 24;

/** One event to tell one account about. */
export interface NotificationEvent {
  recipientId: number;
  kind: NotificationKind;
  subject: string;
  href: string;
  dedupeKey: string;
}

/** A reminder as the console shows it. */
export interface ConsoleNotification {
  id: number;
  kind: NotificationKind;
  subject: string;
  href: string;
  createdAt: string;
  readAt: string | null;
  /** Whether an email went out, failed for good, is still being tried, or none was to be sent. */
  email: 'sent' | 'failed' | 'pending' | 'none';
}

/** The email state of a reminder row. */
function emailState(row: Pick<Selectable<NotificationTable>, 'email_to' | 'email_sent_at' | 'email_attempts'>): ConsoleNotification['email'] {
  if (row.email_to === null) return 'none';
  if (row.email_sent_at !== null) return 'sent';
  return Number(row.email_attempts) >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'pending';
}

/** The row as the console shows it. */
export function rowToNotification(row: Selectable<NotificationTable>): ConsoleNotification {
  return {
    id: Number(row.id),
    kind: row.kind,
    subject: row.subject,
    href: row.href,
    createdAt: row.created_at,
    readAt: row.read_at,
    email: emailState(row),
  };
}

const EMAIL_ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/u;
/** The longest address SMTP carries (RFC 5321's path limit). */
export const EMAIL_MAX = 254;

/** Why `text` cannot be an email address, in Chinese, or undefined. */
export function emailAddressProblem(text: string): string | undefined {
  if (text.length > EMAIL_MAX || !EMAIL_ADDRESS.test(text)) return '请填写有效的邮箱地址,例如 zhang.san@example.gov.cn。';
  return undefined;
}
