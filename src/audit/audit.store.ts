// Queries on the audit_log table.
import type { Insertable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AuditLogTable } from './audit.table.ts';

/** Appends one entry. */
export async function insertAuditEntry(db: Db, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** What a page of the log is narrowed to; `from` and `until` are instants (ISO text), `until` excluded. */
export interface AuditLogQuery {
  userName?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  channel?: string | undefined;
  from?: string | undefined;
  until?: string | undefined;
}

/** One page of entries matching the filter, newest first, and how many match in all. */
export async function auditLogPage(db: Db, filter: AuditLogQuery, limit: number, offset: number) {
  let query = db.selectFrom('audit_log');
  if (filter.userName) query = query.where('user_name', '=', filter.userName);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.until) query = query.where('at', '<', filter.until);
  const [{ count }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
  ]);
  return { total: Number(count), rows };
}

/** The names of everyone with an entry. */
export async function auditUserNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('user_name').distinct().orderBy('user_name').execute();
  return rows.map((row) => row.user_name);
}
