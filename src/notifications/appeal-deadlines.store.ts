// The one query reminders make of the request desk's table (企业诉求): assigned requests whose
// deadline is near or past. Read-only; the desk owns the table and everything it writes there.
import type { Db } from '../db/database.ts';

/** An assigned request with its handler and deadline. */
export interface AppealDeadline {
  id: number;
  title: string;
  handlerId: number;
  /** Beijing date, end of day. */
  dueOn: string;
}

/** Requests being handled (status assigned) whose deadline is on or before `lastDueOn`, by deadline. */
export async function assignedAppealsDueBy(db: Db, lastDueOn: string): Promise<AppealDeadline[]> {
  const rows = await db
    .selectFrom('appeal')
    .select(['id', 'title', 'handler_id', 'due_on'])
    .where('status', '=', 'assigned')
    .where('handler_id', 'is not', null)
    .where('due_on', 'is not', null)
    .where('due_on', '<=', lastDueOn)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: Number(row.id), title: row.title, handlerId: Number(row.handler_id), dueOn: row.due_on! }));
}
