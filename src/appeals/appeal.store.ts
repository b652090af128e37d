// Queries on the appeal, appeal_event and appeal_extension tables.
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AppealCategory, AppealEventKind, AppealProgress, AppealRating, AppealStatus, AppealStep } from './appeal.ts';
import type { AppealExtensionTable, AppealTable } from './appeal.table.ts';
import { companyIdentityOf, type CompanyIdentity } from '../enterprises/company-identity.ts';

/** Stores a request and returns its id. */
export async function insertAppeal(db: Db, row: Insertable<AppealTable>): Promise<number> {
  const { id } = await db.insertInto('appeal').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** One line of a request's history as the console shows it. */
export interface AppealEvent {
  kind: AppealEventKind;
  actorId: number | null;
  text: string | null;
  at: string;
}

/** Adds a line to a request's history. */
export async function insertAppealEvent(db: Db, appealId: number, event: AppealEvent): Promise<void> {
  await db
    .insertInto('appeal_event')
    .values({ appeal_id: appealId, kind: event.kind, actor_id: event.actorId, text: event.text, created_at: event.at })
    .execute();
}

async function eventsOf(db: Db, appealId: number): Promise<AppealEvent[]> {
  const rows = await db.selectFrom('appeal_event').selectAll().where('appeal_id', '=', appealId).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({ kind: row.kind, actorId: row.actor_id === null ? null : Number(row.actor_id), text: row.text, at: row.created_at }));
}

// What the enterprise sees of the history: who in the console acted and the desk's internal
// lines (an assignment's handler, extension reasons) stay inside.
const PUBLIC_STEPS: ReadonlySet<AppealEventKind> = new Set([
  'assigned',
  'transferred',
  'note',
  'extension_approved',
  'deadline_recounted',
  'resolved',
  'rated',
  'reopened',
]);
const PUBLIC_TEXT: ReadonlySet<AppealEventKind> = new Set(['transferred', 'note', 'deadline_recounted', 'rated']);

/** A request's course by its tracking code (never the contact's name or phone), or undefined. */
export async function appealProgressByCode(db: Db, trackingCode: string): Promise<AppealProgress | undefined> {
  const row = await db.selectFrom('appeal').selectAll().where('tracking_code', '=', trackingCode).executeTakeFirst();
  if (!row) return undefined;
  const steps: AppealStep[] = (await eventsOf(db, Number(row.id)))
    .filter((event) => PUBLIC_STEPS.has(event.kind))
    .map((event) => ({ kind: event.kind, at: event.at, text: PUBLIC_TEXT.has(event.kind) ? event.text : null }));
  return {
    trackingCode: row.tracking_code,
    enterpriseName: row.enterprise_name,
    company: companyIdentityOf(row),
    title: row.title,
    category: row.category,
    channel: row.channel,
    status: row.status,
    createdAt: row.created_at,
    assignedAt: row.assigned_at,
    dueOn: row.due_on,
    dueProvisional: Number(row.due_provisional) === 1,
    resolution: row.resolution,
    resolvedAt: row.resolved_at,
    rating: row.rating,
    ratingComment: row.rating_comment,
    steps,
  };
}

/** A handler's request for more working days. */
export interface AppealExtension {
  id: number;
  requestedBy: number;
  workingDays: number;
  reason: string;
  status: AppealExtensionTable['status'];
  requestedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
}

/** A request as the console shows it, with its history and extension requests. */
export interface AppealForDesk {
  id: number;
  trackingCode: string;
  company: CompanyIdentity;
  enterpriseName: string;
  contactName: string | null;
  contactPhone: string | null;
  channel: string;
  category: AppealCategory;
  title: string;
  body: string;
  status: AppealStatus;
  handlerId: number | null;
  assignedAt: string | null;
  dueOn: string | null;
  /** Working days granted since assignment: the deadline is that many after the assignment's Beijing date. */
  workingDays: number | null;
  dueProvisional: boolean;
  resolution: string | null;
  resolvedAt: string | null;
  resolvedOnTime: boolean | null;
  rating: AppealRating | null;
  ratingComment: string | null;
  createdAt: string;
  events: AppealEvent[];
  extensions: AppealExtension[];
}

function rowToDesk(row: Selectable<AppealTable>, events: AppealEvent[] = [], extensions: AppealExtension[] = []): AppealForDesk {
  return {
    id: Number(row.id),
    trackingCode: row.tracking_code,
    company: companyIdentityOf(row),
    enterpriseName: row.enterprise_name,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    channel: row.channel,
    category: row.category,
    title: row.title,
    body: row.body,
    status: row.status,
    handlerId: row.handler_id === null ? null : Number(row.handler_id),
    assignedAt: row.assigned_at,
    dueOn: row.due_on,
    workingDays: row.working_days === null ? null : Number(row.working_days),
    dueProvisional: Number(row.due_provisional) === 1,
    resolution: row.resolution,
    resolvedAt: row.resolved_at,
    resolvedOnTime: row.resolved_on_time === null ? null : Number(row.resolved_on_time) === 1,
    rating: row.rating,
    ratingComment: row.rating_comment,
    createdAt: row.created_at,
    events,
    extensions,
  };
}

async function extensionsOf(db: Db, appealId: number): Promise<AppealExtension[]> {
  const rows = await db.selectFrom('appeal_extension').selectAll().where('appeal_id', '=', appealId).orderBy('id').execute();
  return rows.map((row) => ({
    id: Number(row.id),
    requestedBy: Number(row.requested_by),
    workingDays: Number(row.working_days),
    reason: row.reason,
    status: row.status,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by === null ? null : Number(row.decided_by),
    decidedAt: row.decided_at,
  }));
}

/** One request with its history and extension requests, or undefined. */
export async function appealById(db: Db, id: number): Promise<AppealForDesk | undefined> {
  const row = await db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToDesk(row, await eventsOf(db, id), await extensionsOf(db, id));
}

/** Which requests the desk's queue lists; `channels` undefined means every office. */
export interface DeskFilter {
  channels: string[] | undefined;
  status?: AppealStatus | undefined;
  category?: AppealCategory | undefined;
}

/** Requests matching a filter: those waiting for the desk (待分办, 不满意复核) first, then oldest first. */
export async function deskQueue(db: Db, filter: DeskFilter, limit: number): Promise<AppealForDesk[]> {
  let query = db.selectFrom('appeal').selectAll();
  if (filter.channels) query = query.where('channel', 'in', filter.channels);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.category) query = query.where('category', '=', filter.category);
  const rows = await query
    .orderBy(sql`case when status in ('received', 'reopened') then 0 else 1 end`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => rowToDesk(row));
}

/** The requests a handler is working on, the nearest deadline first. */
export async function handlerQueue(db: Db, handlerId: number, limit: number): Promise<AppealForDesk[]> {
  const rows = await db
    .selectFrom('appeal')
    .selectAll()
    .where('handler_id', '=', handlerId)
    .where('status', '=', 'assigned')
    .orderBy('due_on')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => rowToDesk(row));
}

/**
 * Moves a request on, only from one of the `from` statuses and only while it is still in
 * `channel` (another user may have moved it since it was read); true when it did.
 */
export async function advanceAppeal(db: Db, id: number, from: readonly AppealStatus[], channel: string, changes: Updateable<AppealTable>): Promise<boolean> {
  const result = await db.updateTable('appeal').set(changes).where('id', '=', id).where('status', 'in', from).where('channel', '=', channel).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores a handler's extension request. */
export async function insertExtension(db: Db, row: Insertable<AppealExtensionTable>): Promise<void> {
  await db.insertInto('appeal_extension').values(row).execute();
}

/** Decides a pending extension request; true when it was still pending. */
export async function decideExtension(
  db: Db,
  id: number,
  appealId: number,
  status: 'approved' | 'rejected',
  decidedBy: number | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('appeal_extension')
    .set({ status, decided_by: decidedBy, decided_at: at })
    .where('id', '=', id)
    .where('appeal_id', '=', appealId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Rejects what is still pending for a request that no longer needs it (resolved or handed to another office). */
export async function rejectPendingExtensions(db: Db, appealId: number, decidedBy: number | null, at: string): Promise<void> {
  await db
    .updateTable('appeal_extension')
    .set({ status: 'rejected', decided_by: decidedBy, decided_at: at })
    .where('appeal_id', '=', appealId)
    .where('status', '=', 'pending')
    .execute();
}

/** Blanks the contact's name and phone of requests closed before `closedBefore`; returns how many. */
export async function blankPersonalDataOfAppeals(db: Db, closedBefore: string, purgedAt: string): Promise<number> {
  const result = await db
    .updateTable('appeal')
    .set({ contact_name: null, contact_phone: null, purged_at: purgedAt })
    .where('closed_at', '<', closedBefore)
    .where('purged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** An open request whose deadline was counted Monday to Friday into a year without its holiday file. */
export interface ProvisionalDeadline {
  id: number;
  assignedAt: string;
  workingDays: number;
  dueOn: string;
}

/** The requests in work whose deadline is provisional (few: only those assigned near a year's end). */
export async function provisionalDeadlines(db: Db): Promise<ProvisionalDeadline[]> {
  const rows = await db
    .selectFrom('appeal')
    .select(['id', 'assigned_at', 'working_days', 'due_on'])
    .where('status', '=', 'assigned')
    .where('due_provisional', '=', 1)
    .execute();
  return rows.flatMap((row) =>
    row.assigned_at === null || row.working_days === null || row.due_on === null
      ? []
      : [{ id: Number(row.id), assignedAt: row.assigned_at, workingDays: Number(row.working_days), dueOn: row.due_on }],
  );
}

/** Replaces a provisional deadline still as it was read; false when the request moved meanwhile. */
export async function settleDeadline(db: Db, id: number, provisionalDueOn: string, dueOn: string): Promise<boolean> {
  const result = await db
    .updateTable('appeal')
    .set({ due_on: dueOn, due_provisional: 0 })
    .where('id', '=', id)
    .where('status', '=', 'assigned')
    .where('due_provisional', '=', 1)
    .where('due_on', '=', provisionalDueOn)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
