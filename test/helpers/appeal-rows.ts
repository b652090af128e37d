// Enterprise requests written straight into the tables, as the desk would have left them: filed,
// assigned with a deadline, resolved on time or late, rated, reopened. For tests of the features
// that only read requests (statistics, lights, inspection).
import type { Insertable } from 'kysely';
import type { AppealCategory, AppealRating, AppealStatus } from '../../src/appeals/appeal.ts';
import type { AppealTable } from '../../src/appeals/appeal.table.ts';
import { addCalendarDays } from '../../src/calendar/working-calendar.ts';
import type { Db } from '../../src/db/database.ts';

/** What a request in a test is: where and when it was filed, and how far the desk has taken it. */
export interface AppealRowSpec {
  channel: string;
  category: AppealCategory;
  /** When it was filed, an ISO instant. */
  filedAt: string;
  status: AppealStatus;
  title?: string;
  /** The handler's account (assigned and later); null: none. */
  handlerId?: number | null;
  /** The deadline (assigned and later); defaults to ten days after filing. */
  dueOn?: string;
  dueProvisional?: boolean;
  /** Resolved, closed and reopened requests: whether it was resolved by its deadline (default true). */
  onTime?: boolean;
  /** Closed: 满意 (default) or 基本满意; reopened is always 不满意. */
  rating?: Exclude<AppealRating, 'unsatisfied'>;
}

let made = 0;
const HOUR = 3_600_000;
const later = (at: string, hours: number) => new Date(Date.parse(at) + hours * HOUR).toISOString();

/** The row the desk would have stored for `spec`. */
export function appealRow(spec: AppealRowSpec): Insertable<AppealTable> {
  made += 1;
  const serial = String(made).padStart(4, '0');
  const assigned = spec.status !== 'received';
  const resolved = spec.status === 'resolved' || spec.status === 'closed' || spec.status === 'reopened';
  const rated = spec.status === 'closed' || spec.status === 'reopened';
  const dueOn = assigned ? (spec.dueOn ?? addCalendarDays(spec.filedAt.slice(0, 10), 10)) : null;
  const onTime = spec.onTime ?? true;
  // Noon UTC (20:00 Beijing) of the day before or after the deadline.
  const resolvedAt = resolved && dueOn ? `${addCalendarDays(dueOn, onTime ? -1 : 1)}T12:00:00.000Z` : null;
  const rating: AppealRating | null = spec.status === 'reopened' ? 'unsatisfied' : rated ? (spec.rating ?? 'satisfied') : null;
  const ratedAt = resolvedAt && rating ? later(resolvedAt, 24) : null;
  return {
    tracking_code: `SQ-T${serial.slice(0, 3)}-${serial}`,
    credit_code: '91110000802100433B',
    enterprise_name: `测试企业${serial}有限公司`,
    contact_name: '赵六',
    contact_phone: '13800138000',
    channel: spec.channel,
    category: spec.category,
    title: spec.title ?? `${spec.category}诉求${serial}`,
    body: '企业反映的具体情况和诉求。',
    status: spec.status,
    handler_id: assigned ? (spec.handlerId ?? null) : null,
    assigned_at: assigned ? later(spec.filedAt, 2) : null,
    due_on: dueOn,
    due_provisional: spec.dueProvisional ? 1 : 0,
    resolution: resolved ? '已协调有关部门解决。' : null,
    resolved_at: resolvedAt,
    resolved_on_time: resolved ? (onTime ? 1 : 0) : null,
    rating,
    rating_comment: rating ? '评价意见' : null,
    rated_at: ratedAt,
    created_at: spec.filedAt,
    closed_at: spec.status === 'closed' ? ratedAt : null,
    purged_at: null,
  };
}

/** Inserts the requests; returns their ids in order. */
export async function insertAppeals(db: Db, specs: readonly AppealRowSpec[]): Promise<number[]> {
  const ids: number[] = [];
  for (const spec of specs) {
    const row = await db.insertInto('appeal').values(appealRow(spec)).returning('id').executeTakeFirstOrThrow();
    ids.push(Number(row.id));
  }
  return ids;
}
