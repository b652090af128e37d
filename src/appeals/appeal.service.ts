// Rules of the enterprise request desk (企业诉求). No HTTP here. Every console action runs in one
// transaction: it reads the request, checks the user may act on its office, moves it on only from
// the statuses the action allows (checked again in the UPDATE, so two users cannot both do it),
// writes its history line and its audit record.
import { canActOn, channelScope, hasRole, type ConsoleUser } from '../accounts/account.ts';
import { listUsers } from '../accounts/account.service.ts';
import type { AuditAction } from '../audit/audit-catalogue.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { AppealWorkingDays } from '../config.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { companyIdentityColumns } from '../enterprises/company-identity.ts';
import { chinaDate } from '../lib/china-time.ts';
import { newTrackingCode } from '../lib/tracking-code.ts';
import { appealAssignedEvent, recordNotifications, sendEmails, type NotifyDeps } from '../notifications/notification.service.ts';
import {
  APPEAL_CODE_PREFIX,
  APPEAL_RATING_NAMES,
  type AppealCategory,
  type AppealInput,
  type AppealProgress,
  type AppealStatus,
  type RatingInput,
} from './appeal.ts';
import {
  advanceAppeal,
  appealById,
  appealProgressByCode,
  decideExtension,
  deskQueue,
  handlerQueue,
  insertAppeal,
  insertAppealEvent,
  insertExtension,
  provisionalDeadlines,
  rejectPendingExtensions,
  settleDeadline,
  type AppealForDesk,
} from './appeal.store.ts';

export type { AppealEvent, AppealExtension, AppealForDesk } from './appeal.store.ts';

/** What deadlines are counted with: the official calendar and each category's working days. */
export interface DeskRules {
  calendar: WorkingCalendar;
  workingDays: AppealWorkingDays;
  /** Where the handler's reminder is emailed from once an assignment commits; none: the console only (the sweep retries). */
  mail?: NotifyDeps;
}

/** What a console action did: done, nothing to act on, the request had moved on, or why it was refused. */
export type DeskOutcome = 'done' | 'not_found' | 'already_moved' | { problem: string };

/** The most requests one console list shows. */
export const DESK_LIST_LIMIT = 200;

/** Stores a request in the queue of the district it names; returns its id and tracking code. */
export async function fileAppeal(db: Db, input: AppealInput, now = new Date()): Promise<{ id: number; trackingCode: string }> {
  const trackingCode = newTrackingCode(APPEAL_CODE_PREFIX);
  const id = await insertAppeal(db, {
    tracking_code: trackingCode,
    ...companyIdentityColumns(input.company),
    enterprise_name: input.enterpriseName,
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
    channel: input.channel,
    category: input.category,
    title: input.title,
    body: input.body,
    status: 'received',
    handler_id: null,
    assigned_at: null,
    due_on: null,
    working_days: null,
    due_provisional: 0,
    resolution: null,
    resolved_at: null,
    resolved_on_time: null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    created_at: now.toISOString(),
    closed_at: null,
    purged_at: null,
  });
  return { id, trackingCode };
}

/** A request's course by its tracking code, for its enterprise; undefined when unknown. */
export function appealProgress(db: Db, trackingCode: string): Promise<AppealProgress | undefined> {
  return appealProgressByCode(db, trackingCode);
}

/** What a rating did. */
export type RatingOutcome = 'closed' | 'reopened' | 'not_found' | 'not_resolved';

/**
 * The enterprise rates a resolved request: 满意 and 基本满意 close it, 不满意 reopens it for the
 * desk's review. Only a resolved request can be rated, once per resolution.
 */
export async function rateAppeal(db: Db, trackingCode: string, input: Omit<RatingInput, 'code'>, now = new Date()): Promise<RatingOutcome> {
  return db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('appeal').select(['id', 'channel', 'status']).where('tracking_code', '=', trackingCode).executeTakeFirst();
    if (!item) return 'not_found';
    const at = now.toISOString();
    const unsatisfied = input.rating === 'unsatisfied';
    const comment = input.comment === '' ? null : input.comment;
    const moved = await advanceAppeal(trx, Number(item.id), ['resolved'], item.channel, {
      status: unsatisfied ? 'reopened' : 'closed',
      rating: input.rating,
      rating_comment: comment,
      rated_at: at,
      closed_at: unsatisfied ? null : at,
    });
    if (!moved) return 'not_resolved';
    const said = APPEAL_RATING_NAMES[input.rating] + (comment === null ? '' : `:${comment}`);
    await insertAppealEvent(trx, Number(item.id), { kind: 'rated', actorId: null, text: said, at });
    if (unsatisfied) await insertAppealEvent(trx, Number(item.id), { kind: 'reopened', actorId: null, text: null, at });
    await bumpContentVersion(trx);
    return unsatisfied ? 'reopened' : 'closed';
  });
}

/** Which requests a console list shows. */
export interface DeskListFilter {
  status?: AppealStatus | undefined;
  category?: AppealCategory | undefined;
}

/** Requests in the user's offices: those waiting for the desk (待分办, 不满意复核) first, then oldest first. */
export async function appealQueue(db: Db, user: ConsoleUser, filter: DeskListFilter): Promise<AppealForDesk[]> {
  const channels = channelScope(user);
  if (channels?.length === 0) return [];
  return deskQueue(db, { ...filter, channels }, DESK_LIST_LIMIT);
}

/** The requests the user handles (办理中), the nearest deadline first. */
export function myAppeals(db: Db, user: ConsoleUser): Promise<AppealForDesk[]> {
  return handlerQueue(db, user.id, DESK_LIST_LIMIT);
}

/** One request with its history, or undefined when it does not exist or is in another office. */
export async function appealForDesk(db: Db, user: ConsoleUser, id: number): Promise<AppealForDesk | undefined> {
  const item = await appealById(db, id);
  return item && canActOn(user, item.channel) ? item : undefined;
}

/** A console account a request may be assigned to. */
export interface Handler {
  id: number;
  name: string;
}

/** The active console accounts that may act on an office's requests, by name. */
export async function handlersFor(db: Db, channel: string, now = new Date()): Promise<Handler[]> {
  const users = await listUsers(db, now);
  return users
    .filter((user) => !user.disabled && (user.roles.includes('admin') || user.channels.includes(channel)))
    .map((user) => ({ id: user.id, name: user.name }));
}

/** Every console account's name by id, for the lists' 承办人 and the history's 操作人. */
export async function accountNames(db: Db): Promise<ReadonlyMap<number, string>> {
  return new Map((await listUsers(db)).map((user) => [user.id, user.name]));
}

/** Runs a console action on a request the user may act on, in one transaction. */
function onAppeal(db: Db, user: ConsoleUser, id: number, action: (trx: Db, item: AppealForDesk) => Promise<DeskOutcome>): Promise<DeskOutcome> {
  return db.transaction().execute(async (trx) => {
    const item = await appealById(trx, id);
    if (!item || !canActOn(user, item.channel)) return 'not_found';
    return action(trx, item);
  });
}

function audit(trx: Db, actor: Actor, item: AppealForDesk, action: AuditAction, after: Record<string, unknown>, now: Date): Promise<void> {
  return recordAudit(trx, actor, { action, targetType: 'appeal', targetId: item.id, before: { appealStatus: item.status }, after, channel: item.channel }, now);
}

/** Assigns a request from `from` to a handler, due the category's working days after today (Beijing). */
async function assign(
  db: Db,
  rules: DeskRules,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  handlerId: number,
  from: 'received' | 'reopened',
  now: Date,
): Promise<DeskOutcome> {
  // The handler's reminder is written with the assignment; its email goes once that has committed.
  let reminders: number[] = [];
  const outcome = await onAppeal(db, user, id, async (trx, item) => {
    const handler = (await handlersFor(trx, item.channel, now)).find((candidate) => candidate.id === handlerId);
    if (!handler) return { problem: '请选择一位负责该单位、账号可用的承办人。' };
    const workingDays = rules.workingDays[item.category];
    const due = rules.calendar.addWorkingDays(chinaDate(now), workingDays);
    const at = now.toISOString();
    const moved = await advanceAppeal(trx, id, [from], item.channel, {
      status: 'assigned',
      handler_id: handler.id,
      assigned_at: at,
      due_on: due.date,
      working_days: workingDays,
      due_provisional: due.provisional ? 1 : 0,
      // A review starts the work again: the earlier resolution and rating stay in the history.
      resolution: null,
      resolved_at: null,
      resolved_on_time: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
    });
    if (!moved) return 'already_moved';
    // A review takes back the resolution and rating the statistics counted.
    if (from === 'reopened') await bumpContentVersion(trx);
    await insertAppealEvent(trx, id, { kind: 'assigned', actorId: actor.userId, text: `承办人:${handler.name};办理期限:${due.date}`, at });
    await audit(
      trx,
      actor,
      item,
      from === 'received' ? 'appeal.assign' : 'appeal.review',
      { appealStatus: 'assigned', handler: handler.name, dueOn: due.date },
      now,
    );
    reminders = await recordNotifications(trx, [appealAssignedEvent({ id, title: item.title, handlerId: handler.id, dueOn: due.date, assignedAt: at })], now);
    return 'done';
  });
  if (rules.mail && reminders.length > 0) await sendEmails(rules.mail, now, reminders);
  return outcome;
}

/** 分办: a request waiting for the desk goes to a handler of its office, with its deadline. */
export function assignAppeal(db: Db, rules: DeskRules, user: ConsoleUser, actor: Actor, id: number, handlerId: number, now = new Date()): Promise<DeskOutcome> {
  return assign(db, rules, user, actor, id, handlerId, 'received', now);
}

/** 复核: a request the enterprise rated 不满意 is assigned again, with a new deadline from today. */
export function reviewAppeal(db: Db, rules: DeskRules, user: ConsoleUser, actor: Actor, id: number, handlerId: number, now = new Date()): Promise<DeskOutcome> {
  return assign(db, rules, user, actor, id, handlerId, 'reopened', now);
}

/** 转办: a request not yet resolved leaves the office for another's desk, waiting to be assigned there. */
export function transferAppeal(db: Db, user: ConsoleUser, actor: Actor, id: number, to: string, now = new Date()): Promise<DeskOutcome> {
  return onAppeal(db, user, id, async (trx, item) => {
    if (to === item.channel) return { problem: '请选择另一个办理单位。' };
    const at = now.toISOString();
    const moved = await advanceAppeal(trx, id, ['received', 'assigned', 'reopened'], item.channel, {
      channel: to,
      status: 'received',
      handler_id: null,
      assigned_at: null,
      due_on: null,
      working_days: null,
      due_provisional: 0,
    });
    if (!moved) return 'already_moved';
    await rejectPendingExtensions(trx, id, actor.userId, at);
    await insertAppealEvent(trx, id, { kind: 'transferred', actorId: actor.userId, text: to, at });
    await audit(trx, actor, item, 'appeal.transfer', { appealStatus: 'received', channel: to }, now);
    await bumpContentVersion(trx);
    return 'done';
  });
}

/** A progress note on a request being handled; the enterprise reads it on the tracking page. */
export function addProgressNote(db: Db, user: ConsoleUser, actor: Actor, id: number, note: string, now = new Date()): Promise<DeskOutcome> {
  return onAppeal(db, user, id, async (trx, item) => {
    // Re-writing the status in place checks it and holds the row until the note is in.
    if (!(await advanceAppeal(trx, id, ['assigned'], item.channel, { status: 'assigned' }))) return 'already_moved';
    await insertAppealEvent(trx, id, { kind: 'note', actorId: actor.userId, text: note, at: now.toISOString() });
    await audit(trx, actor, item, 'appeal.note', { note }, now);
    return 'done';
  });
}

/** The handler asks an admin for more working days; one request waits at a time. */
export function requestExtension(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  extension: { workingDays: number; reason: string },
  now = new Date(),
): Promise<DeskOutcome> {
  return onAppeal(db, user, id, async (trx, item) => {
    if (item.handlerId !== user.id) return { problem: '只有该诉求的承办人可以申请延期。' };
    if (item.extensions.some((request) => request.status === 'pending')) return { problem: '已有一项延期申请等待审批。' };
    if (!(await advanceAppeal(trx, id, ['assigned'], item.channel, { status: 'assigned' }))) return 'already_moved';
    const at = now.toISOString();
    await insertExtension(trx, {
      appeal_id: id,
      requested_by: user.id,
      working_days: extension.workingDays,
      reason: extension.reason,
      status: 'pending',
      requested_at: at,
      decided_by: null,
      decided_at: null,
    });
    await insertAppealEvent(trx, id, {
      kind: 'extension_requested',
      actorId: actor.userId,
      text: `延期 ${extension.workingDays} 个工作日:${extension.reason}`,
      at,
    });
    await audit(trx, actor, item, 'appeal.extension_request', { workingDays: extension.workingDays, reason: extension.reason }, now);
    return 'done';
  });
}

/**
 * An admin approves (the deadline moves that many working days on from the current one) or
 * rejects a pending extension request.
 */
export function decideExtensionRequest(
  db: Db,
  rules: DeskRules,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  extensionId: number,
  approve: boolean,
  now = new Date(),
): Promise<DeskOutcome> {
  if (!hasRole(user, 'admin')) return Promise.resolve('not_found');
  return onAppeal(db, user, id, async (trx, item) => {
    const extension = item.extensions.find((request) => request.id === extensionId);
    if (!extension || item.status !== 'assigned' || item.dueOn === null) return 'already_moved';
    const at = now.toISOString();
    if (!(await decideExtension(trx, extensionId, id, approve ? 'approved' : 'rejected', actor.userId, at))) return 'already_moved';
    let after: Record<string, unknown> = { extension: '已驳回' };
    if (approve) {
      const due = rules.calendar.addWorkingDays(item.dueOn, extension.workingDays);
      const provisional = item.dueProvisional || due.provisional;
      const changes = { due_on: due.date, working_days: (item.workingDays ?? 0) + extension.workingDays, due_provisional: provisional ? 1 : 0 };
      if (!(await advanceAppeal(trx, id, ['assigned'], item.channel, changes))) return 'already_moved';
      after = { dueOn: due.date, workingDays: extension.workingDays };
    }
    const text = `${extension.workingDays} 个工作日${approve ? `,办理期限延至 ${after.dueOn}` : ''}`;
    await insertAppealEvent(trx, id, { kind: approve ? 'extension_approved' : 'extension_rejected', actorId: actor.userId, text, at });
    await recordAudit(
      trx,
      actor,
      {
        action: approve ? 'appeal.extension_approve' : 'appeal.extension_reject',
        targetType: 'appeal',
        targetId: id,
        before: { dueOn: item.dueOn },
        after,
        channel: item.channel,
      },
      now,
    );
    return 'done';
  });
}

/** 办结: the handling office closes a request with its resolution; on time when the Beijing date is not past the deadline. */
export function resolveAppeal(db: Db, user: ConsoleUser, actor: Actor, id: number, resolution: string, now = new Date()): Promise<DeskOutcome> {
  return onAppeal(db, user, id, async (trx, item) => {
    const at = now.toISOString();
    const onTime = item.dueOn !== null && chinaDate(now) <= item.dueOn;
    const moved = await advanceAppeal(trx, id, ['assigned'], item.channel, {
      status: 'resolved',
      resolution,
      resolved_at: at,
      resolved_on_time: onTime ? 1 : 0,
    });
    if (!moved) return 'already_moved';
    await rejectPendingExtensions(trx, id, actor.userId, at);
    await insertAppealEvent(trx, id, { kind: 'resolved', actorId: actor.userId, text: resolution, at });
    await audit(trx, actor, item, 'appeal.resolve', { appealStatus: 'resolved', resolution, onTime }, now);
    await bumpContentVersion(trx);
    return 'done';
  });
}

/**
 * Counts again the deadlines that reached into a year without its holiday file, now that the file
 * is there (the server does this at start, after the calendar is read). Each recount is recorded in
 * the request's history, which the enterprise sees; returns how many moved or were confirmed.
 */
export async function settleProvisionalDeadlines(db: Db, calendar: WorkingCalendar, now = new Date()): Promise<number> {
  let settled = 0;
  for (const open of await provisionalDeadlines(db)) {
    const due = calendar.addWorkingDays(chinaDate(open.assignedAt), open.workingDays);
    if (due.provisional) continue;
    const at = now.toISOString();
    const done = await db.transaction().execute(async (trx) => {
      if (!(await settleDeadline(trx, open.id, open.dueOn, due.date))) return false;
      const year = open.dueOn.slice(0, 4);
      const text =
        due.date === open.dueOn
          ? `按 ${year} 年节假日安排核定,办理期限仍为 ${due.date}`
          : `按 ${year} 年节假日安排重算,办理期限由 ${open.dueOn} 改为 ${due.date}`;
      await insertAppealEvent(trx, open.id, { kind: 'deadline_recounted', actorId: null, text, at });
      return true;
    });
    if (done) settled += 1;
  }
  return settled;
}
