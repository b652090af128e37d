// Reminders (待办提醒): writing them once per account and event, emailing them when SMTP is
// configured, and the console's view of one's own. An email that fails never costs the reminder:
// the reminder is written first, and the sweep tries the email again a bounded number of times.
import type { Logger } from 'pino';
import { hasRole, type ConsoleUser } from '../accounts/account.ts';
import { listUsers } from '../accounts/account.service.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import type { Mailer } from './mailer.ts';
import {
  EMAIL_RETRY_MINUTES,
  EMAIL_STALE_HOURS,
  emailAddressProblem,
  MAX_EMAIL_ATTEMPTS,
  rowToNotification,
  type ConsoleNotification,
  type NotificationEvent,
} from './notification.ts';
import {
  claimEmail,
  emailAddressesOf,
  emailsToTry,
  insertNotificationsOnce,
  markReadOf,
  notificationsOf,
  recordEmailFailed,
  recordEmailSent,
  saveEmailAddress,
  unreadOf,
} from './notification.store.ts';

/** What telling by email needs: a mailer when SMTP is configured, and the console's public address for links. */
export interface NotifyDeps {
  db: Db;
  mailer: Mailer | undefined;
  /** PUBLIC_ORIGIN: links in emails are absolute only when it is set. */
  publicOrigin: string | undefined;
  logger: Logger;
}

/**
 * Writes the reminders of `events`, each once per account and event (a second writing of the same
 * event, by this or another process, changes nothing). Returns the ids of those written now.
 * Runs inside the caller's transaction when given one; the sweep emails them.
 */
export async function recordNotifications(db: Db, events: readonly NotificationEvent[], now: Date): Promise<number[]> {
  if (events.length === 0) return [];
  const addresses = await emailAddressesOf(db, [...new Set(events.map((event) => event.recipientId))]);
  return insertNotificationsOnce(
    db,
    events.map((event) => ({
      recipient_id: event.recipientId,
      kind: event.kind,
      subject: event.subject,
      href: event.href,
      dedupe_key: event.dedupeKey,
      created_at: now.toISOString(),
      read_at: null,
      email_to: addresses.get(event.recipientId) ?? null,
      email_sent_at: null,
      email_error: null,
      email_tried_at: null,
    })),
  );
}

/** Writes the reminders of `events` (once each) and emails the new ones at once when SMTP is configured. */
export async function notify(deps: NotifyDeps, events: readonly NotificationEvent[], now: Date): Promise<number[]> {
  const ids = await recordNotifications(deps.db, events, now);
  await sendEmails(deps, now, ids);
  return ids;
}

/** How many emails one sweep sends at most; the rest wait for the next. */
const EMAILS_PER_RUN = 200;

/**
 * Sends the emails that may be tried now (only those of `ids` when given): never-tried ones, and
 * failed ones whose last try is EMAIL_RETRY_MINUTES old, up to MAX_EMAIL_ATTEMPTS tries within
 * EMAIL_STALE_HOURS of their reminder. Each sending is claimed first, so that processes running
 * this at once never send one email twice. Returns how many were sent.
 */
export async function sendEmails(deps: NotifyDeps, now: Date, ids?: readonly number[]): Promise<number> {
  const { db, mailer, logger } = deps;
  if (!mailer) return 0;
  const due = await emailsToTry(
    db,
    {
      writtenSince: new Date(now.getTime() - EMAIL_STALE_HOURS * 3_600_000).toISOString(),
      triedBefore: new Date(now.getTime() - EMAIL_RETRY_MINUTES * 60_000).toISOString(),
      maxAttempts: MAX_EMAIL_ATTEMPTS,
      ...(ids ? { ids } : {}),
    },
    EMAILS_PER_RUN,
  );
  let sent = 0;
  for (const row of due) {
    const id = Number(row.id);
    const attempt = Number(row.email_attempts) + 1;
    if (!(await claimEmail(db, id, attempt - 1, now.toISOString()))) continue;
    try {
      await mailer.send({ to: row.email_to!, subject: `【待办提醒】${row.subject}`, text: emailText(row.subject, row.href, deps.publicOrigin) });
      await recordEmailSent(db, id, now.toISOString());
      sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await recordEmailFailed(db, id, reason.slice(0, 500));
      const last = attempt >= MAX_EMAIL_ATTEMPTS;
      logger[last ? 'error' : 'warn'](
        { notification: id, attempt, maxAttempts: MAX_EMAIL_ATTEMPTS, err: error },
        last ? 'reminder email failed for the last time; it stays on the console' : 'reminder email failed; it will be tried again',
      );
    }
  }
  return sent;
}

/** The email's text: what happened and where in the console to act on it. */
export function emailText(subject: string, href: string, publicOrigin: string | undefined): string {
  const link = publicOrigin ? `${publicOrigin}${href}` : `管理后台 ${href}`;
  return [
    `您好:`,
    '',
    subject,
    '',
    `请登录管理后台查看并办理:${link}`,
    '',
    '此邮件由系统自动发送,请勿直接回复。提醒同时显示在管理后台工作台的“待办提醒”中。',
  ].join('\n');
}

/** A request handed to a handler (特派员), as the desk tells of its assignment. */
export interface AssignedAppeal {
  id: number;
  title: string;
  handlerId: number;
  /** The deadline, a Beijing date. */
  dueOn: string;
  /** When it was assigned (ISO): a later assignment to the same handler is told again. */
  assignedAt: string;
}

/** The reminder telling a handler a request was assigned to them. */
export function appealAssignedEvent(appeal: AssignedAppeal): NotificationEvent {
  return {
    recipientId: appeal.handlerId,
    kind: 'assigned',
    subject: `企业诉求“${appeal.title}”已交您办理,办理期限 ${appeal.dueOn}`,
    href: `/admin/appeals/${appeal.id}`,
    dedupeKey: `appeal:${appeal.id}:assigned:${appeal.assignedAt}`,
  };
}

/** Tells the handler a request was assigned to them: on the console, and by email when configured. */
export function notifyAppealAssigned(deps: NotifyDeps, appeal: AssignedAppeal, now = new Date()): Promise<number[]> {
  return notify(deps, [appealAssignedEvent(appeal)], now);
}

/**
 * The accounts that work on a channel's questions: its editors and reviewers (not disabled). Admins
 * see every office's queue; they are told only when an office has no account of its own.
 */
export async function accountsOfOffice(db: Db, channel: string): Promise<number[]> {
  const active = (await listUsers(db)).filter((user) => !user.disabled);
  const office = active.filter((user) => hasRole(user, 'editor', 'reviewer') && user.channels.includes(channel));
  return (office.length > 0 ? office : active.filter((user) => hasRole(user, 'admin'))).map((user) => user.id);
}

/** A question that came into an office's queue: asked there, or transferred (转办) to it. */
export interface ArrivedQuestion {
  id: number;
  title: string;
  channel: string;
  transferred: boolean;
  /** When it arrived (ISO). */
  at: string;
}

/** Tells the office's accounts of a question in their queue; runs in the caller's transaction, the sweep emails it. */
export async function notifyQuestionArrived(db: Db, question: ArrivedQuestion, now: Date): Promise<void> {
  const subject = question.transferred ? `问题“${question.title}”已转办至本单位,请办理` : `收到新问题“${question.title}”,请受理`;
  const recipients = await accountsOfOffice(db, question.channel);
  await recordNotifications(
    db,
    recipients.map((recipientId) => ({
      recipientId,
      kind: 'assigned' as const,
      subject,
      href: `/admin/questions/${question.id}`,
      dedupeKey: `question:${question.id}:arrived:${question.channel}:${question.at}`,
    })),
    now,
  );
}

/** The user's unread reminders: how many, and the newest `limit`. */
export async function unreadNotifications(db: Db, user: ConsoleUser, limit: number): Promise<{ count: number; newest: ConsoleNotification[] }> {
  const { count, newest } = await unreadOf(db, user.id, limit);
  return { count, newest: newest.map(rowToNotification) };
}

/** How many reminders the reminders page lists. */
export const NOTIFICATIONS_SHOWN = 100;

/** The user's newest reminders, read or not. */
export async function notificationsFor(db: Db, user: ConsoleUser): Promise<ConsoleNotification[]> {
  return (await notificationsOf(db, user.id, NOTIFICATIONS_SHOWN)).map(rowToNotification);
}

/** Marks one of the user's own reminders read (audited); not_found for another account's or an unknown one. */
export async function markNotificationRead(db: Db, user: ConsoleUser, actor: Actor, id: number, now = new Date()): Promise<'done' | 'not_found'> {
  return db.transaction().execute(async (trx): Promise<'done' | 'not_found'> => {
    const { found, changed } = await markReadOf(trx, user.id, id, now.toISOString());
    if (!found) return 'not_found';
    if (changed) await recordAudit(trx, actor, { action: 'notification.read', targetType: 'notification', targetId: id }, now);
    return 'done';
  });
}

/** The address the user's reminders are emailed to, or undefined. */
export async function notificationEmailOf(db: Db, user: ConsoleUser): Promise<string | undefined> {
  return (await emailAddressesOf(db, [user.id])).get(user.id);
}

/** Sets (or, with an empty text, removes) where the user's reminders are emailed, audited; a problem in Chinese when not an address. */
export async function setNotificationEmail(db: Db, user: ConsoleUser, actor: Actor, text: string, now = new Date()): Promise<'done' | { problem: string }> {
  const email = text.trim();
  if (email !== '') {
    const problem = emailAddressProblem(email);
    if (problem) return { problem };
  }
  return db.transaction().execute(async (trx): Promise<'done'> => {
    const before = (await emailAddressesOf(trx, [user.id])).get(user.id) ?? null;
    if (before === (email || null)) return 'done';
    await saveEmailAddress(trx, user.id, email || null, now.toISOString());
    await recordAudit(
      trx,
      actor,
      { action: 'notification.email', targetType: 'user', targetId: user.id, before: { email: before }, after: { email: email || null } },
      now,
    );
    return 'done';
  });
}
