// Requests near or past their deadline (红黄灯): red when the deadline has passed, yellow when it is
// today or the next working day on the official calendar — across a holiday week the next working
// day may be days away, and after a 调休 Saturday it may be a Saturday.
import { channelScope, type ConsoleUser } from '../accounts/account.ts';
import { addCalendarDays, type WorkingCalendar } from '../calendar/working-calendar.ts';
import type { Db } from '../db/database.ts';
import { daysBetween } from '../lib/china-time.ts';
import { assignedAppealDueCounts, assignedAppealsDue, type DueAppeal } from './appeal-deadlines.store.ts';

export type { DueAppeal } from './appeal-deadlines.store.ts';

/** A request with its light. */
export interface AppealLight extends DueAppeal {
  level: 'red' | 'yellow';
  /** Whether the viewer is its handler. */
  own: boolean;
  /** Calendar days from today to the deadline; negative when it has passed. */
  days: number;
}

/** The lights of the viewer's channels: how many of each, and the first few (their own first). */
export interface AppealLights {
  red: number;
  yellow: number;
  shown: AppealLight[];
}

/** How many lit requests the console home lists; the desk's queue has them all. */
export const APPEAL_LIGHTS_SHOWN = 10;

/** The last deadline that is lit yellow on `today`: the next working day. */
export function yellowUntil(calendar: WorkingCalendar, today: string): string {
  return calendar.nextWorkingDay(today);
}

/** The red and yellow requests being handled in `user`'s channels (admins: all) on `today` (Beijing date). */
export async function appealLightsFor(db: Db, calendar: WorkingCalendar, user: ConsoleUser, today: string): Promise<AppealLights> {
  const scope = channelScope(user);
  if (scope?.length === 0) return { red: 0, yellow: 0, shown: [] };
  const filter = { channels: scope, dueBy: yellowUntil(calendar, today) };
  const [counts, due] = await Promise.all([assignedAppealDueCounts(db, filter, today), assignedAppealsDue(db, filter, APPEAL_LIGHTS_SHOWN, user.id)]);
  return {
    red: counts.overdue,
    yellow: counts.due - counts.overdue,
    shown: due.map((appeal) => ({
      ...appeal,
      level: appeal.dueOn < today ? 'red' : 'yellow',
      own: appeal.handlerId === user.id,
      days: daysBetween(today, appeal.dueOn),
    })),
  };
}

/** Up to `limit` requests being handled whose deadline was before `today`, every channel, the longest overdue first. */
export function overdueAppeals(db: Db, today: string, limit: number): Promise<DueAppeal[]> {
  return assignedAppealsDue(db, { channels: undefined, dueBy: addCalendarDays(today, -1) }, limit);
}

/** Every request being handled that is lit red or yellow on `today`, any channel: what the reminders' sweep tells handlers of. */
export function litAppeals(db: Db, calendar: WorkingCalendar, today: string): Promise<DueAppeal[]> {
  return assignedAppealsDue(db, { channels: undefined, dueBy: yellowUntil(calendar, today) });
}
