// Queries on the audit_log table.
import type { Insertable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AuditLogTable } from './audit.table.ts';

/** Appends one entry. */
export async function insertAuditEntry(db: Db, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** One page of entries matching the filter, newest first, and how many match in all. */
export async function auditLogPage(db: Db, filter: { userName?: string | undefined; action?: string | undefined; targetType?: string | undefined }, limit: number, offset: number) {
  let query = db.selectFrom('audit_log');
  if (filter.userName) query = query.where('user_name', '=', filter.userName);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  const [{ count }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
  ]);
  return { total: Number(count), rows };
}
