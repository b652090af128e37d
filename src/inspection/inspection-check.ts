// What an inspection check is: a small function over the features' services that reports what a
// government-site inspection would find. Features contribute checks to inspection-checks.ts.
import type { Role } from '../accounts/account.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import type { Db } from '../db/database.ts';

/** How an inspection judges a finding: 单项否决 (the site fails), a warning, or passed. */
export type Severity = 'veto' | 'warning' | 'ok';

/** One thing a check found. */
export interface CheckFinding {
  severity: Severity;
  /** What was found, in Chinese, with its numbers: 首页已 16 天未更新(最新文章 2026-11-14). */
  message: string;
  /** Where it is fixed: a console page, or the public page itself. */
  href: string;
  /** The channel it belongs to; undefined for the site as a whole. Editors see only their channels'. */
  channel: string | undefined;
}

/** What a check reads the site through. */
export interface InspectionContext {
  db: Db;
  channels: ChannelCatalog;
  /** The official holiday arrangements, for checks that count working days. */
  calendar: WorkingCalendar;
  /** The instant the inspection is for; days are counted in Beijing dates from it. */
  now: Date;
  /** Answers a GET of a site path in-process, through the app's own router (no server needed). */
  requestPage(path: string): Promise<Response>;
}

/** One rule of the inspection. */
export interface InspectionCheck {
  /** Stable name, e.g. `home-page`, for the command's output and JSON. */
  id: string;
  /** The rule in Chinese, as the console page heads it. */
  title: string;
  /** The console roles whose work fixes it; only they are shown its findings. */
  audience: readonly Role[];
  /** A few indexed queries, cheap enough for the console home to run on every visit. */
  quick: boolean;
  run(context: InspectionContext): Promise<CheckFinding[]>;
}
