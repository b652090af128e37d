// Queries for requests near or past their deadline: the console home's lights and the inspection.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** A request being handled, with its deadline. */
export interface DueAppeal {
  id: number;
  title: string;
  channel: string;
  handlerId: number | null;
  /** Beijing date, end of day. */
  dueOn: string;
  /** Counted Monday to Friday into a year without its holiday file. */
  dueProvisional: boolean;
}

/** Which assigned requests: in these channels (every channel when undefined), due on or before `dueBy`. */
export interface DueFilter {
  channels: readonly string[] | undefined;
  dueBy: string;
}

function assignedDueBy(db: Db, filter: DueFilter) {
  let query = db.selectFrom('appeal').where('status', '=', 'assigned').where('due_on', 'is not', null).where('due_on', '<=', filter.dueBy);
  if (filter.channels) query = query.where('channel', 'in', filter.channels.length > 0 ? filter.channels : ['']);
  return query;
}

/** Assigned requests matching `filter` (up to `limit` when given): `handlerId`'s own first (when given), then the earliest due. */
export async function assignedAppealsDue(db: Db, filter: DueFilter, limit?: number, handlerId?: number): Promise<DueAppeal[]> {
  let query = assignedDueBy(db, filter).select(['id', 'title', 'channel', 'handler_id', 'due_on', 'due_provisional']);
  if (handlerId !== undefined) query = query.orderBy(sql`case when handler_id = ${handlerId} then 0 else 1 end`);
  query = query.orderBy('due_on').orderBy('id');
  const rows = await (limit === undefined ? query : query.limit(limit)).execute();
  return rows.map((row) => ({
    id: Number(row.id),
    title: row.title,
    channel: row.channel,
    handlerId: row.handler_id === null ? null : Number(row.handler_id),
    dueOn: row.due_on!,
    dueProvisional: Number(row.due_provisional) === 1,
  }));
}

/** How many assigned requests match `filter`, and how many of them are due before `overdueBefore`. */
export async function assignedAppealDueCounts(db: Db, filter: DueFilter, overdueBefore: string): Promise<{ due: number; overdue: number }> {
  const row = await assignedDueBy(db, filter)
    .select((eb) => [eb.fn.countAll().as('due'), sql<number>`sum(case when due_on < ${overdueBefore} then 1 else 0 end)`.as('overdue')])
    .executeTakeFirst();
  return { due: Number(row?.due ?? 0), overdue: Number(row?.overdue ?? 0) };
}
