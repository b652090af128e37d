// The audit log: who did what to which item, when, with the item before and after. Written in the
// transaction of the action it records, so an action and its record commit together.
import type { Db } from '../db/database.ts';
import { chinaDayStart } from '../lib/china-time.ts';
import type { AuditAction } from './audit-catalogue.ts';
import * as store from './audit.store.ts';

/** Who acts: a console user, or the command line. */
export interface Actor {
  userId: number | null;
  userName: string;
  client?: string | undefined;
}

/** The command line as an actor. */
export const COMMAND_LINE: Actor = { userId: null, userName: 'cli' };

/** Records one action; `channel` is the acted-on item's, where it has one (the log filters by it). */
export async function recordAudit(
  db: Db,
  actor: Actor,
  entry: {
    action: AuditAction;
    targetType: string;
    targetId?: string | number | undefined;
    before?: unknown;
    after?: unknown;
    channel?: string | null | undefined;
  },
  now = new Date(),
): Promise<void> {
  await store.insertAuditEntry(db, {
    at: now.toISOString(),
    user_id: actor.userId,
    user_name: actor.userName,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId === undefined ? null : String(entry.targetId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    client: actor.client ?? null,
    channel: entry.channel ?? null,
  });
}

/** One entry as the console lists it. */
export interface AuditEntry {
  id: number;
  at: string;
  userName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: string | null;
  after: string | null;
  client: string | null;
  channel: string | null;
}

/** What the log can be narrowed to; dates are Beijing calendar days (YYYY-MM-DD), both included. */
export interface AuditFilter {
  userName?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  channel?: string | undefined;
  fromDate?: string | undefined;
  toDate?: string | undefined;
}

/** The day after a calendar date (YYYY-MM-DD). */
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const AUDIT_PAGE_SIZE = 50;

/** A page of the log, newest first, narrowed by `filter`; a date that is not one is ignored. */
export async function auditEntries(db: Db, filter: AuditFilter & { page: number }): Promise<{ entries: AuditEntry[]; total: number }> {
  const from = chinaDayStart(filter.fromDate ?? '');
  const until = filter.toDate && chinaDayStart(filter.toDate) ? chinaDayStart(nextDay(filter.toDate)) : undefined;
  const query = { userName: filter.userName, action: filter.action, targetType: filter.targetType, channel: filter.channel, from, until };
  const { total, rows } = await store.auditLogPage(db, query, AUDIT_PAGE_SIZE, (filter.page - 1) * AUDIT_PAGE_SIZE);
  return {
    total,
    entries: rows.map((row) => ({
      id: Number(row.id),
      at: row.at,
      userName: row.user_name,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      before: row.before,
      after: row.after,
      client: row.client,
      channel: row.channel,
    })),
  };
}

/** The names of everyone with an entry, for the log's user filter. */
export function auditUserNames(db: Db): Promise<string[]> {
  return store.auditUserNames(db);
}
