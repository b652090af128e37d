// The audit log: who did what to which item, when, with the item before and after. Written in the
// transaction of the action it records, so an action and its record commit together.
import type { Db } from '../db/database.ts';
import * as store from './audit.store.ts';

/** Who acts: a console user, or the command line. */
export interface Actor {
  userId: number | null;
  userName: string;
  client?: string | undefined;
}

/** The command line as an actor. */
export const COMMAND_LINE: Actor = { userId: null, userName: 'cli' };

/** Records one action. */
export async function recordAudit(
  db: Db,
  actor: Actor,
  entry: { action: string; targetType: string; targetId?: string | number | undefined; before?: unknown; after?: unknown },
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
}

export const AUDIT_PAGE_SIZE = 50;

/** A page of the log, newest first, optionally of one user, action or target type. */
export async function auditEntries(
  db: Db,
  filter: { userName?: string | undefined; action?: string | undefined; targetType?: string | undefined; page: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const { total, rows } = await store.auditLogPage(db, filter, AUDIT_PAGE_SIZE, (filter.page - 1) * AUDIT_PAGE_SIZE);
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
    })),
  };
}
