// The words and periods of the request desk's public statistics (企业诉求办理情况): what each figure
// counts, the rates made from them, and the months a period covers in Beijing time.
import { chinaDayStart } from '../lib/china-time.ts';

/** The counts behind every rate, for one group of requests filed in a period. */
export interface AppealTally {
  /** 受理: requests filed. */
  received: number;
  /** 办结: of those, resolved (waiting for the rating) or closed (rated 满意/基本满意). */
  resolved: number;
  /** 按期办结: of the resolved, those resolved on or before their deadline. */
  resolvedOnTime: number;
  /** 已评价: requests the enterprise has rated (a 不满意 that reopened it included). */
  rated: number;
  /** 满意 or 基本满意 among the rated. */
  satisfied: number;
}

/** A tally with its three rates in percent (one decimal); a rate without a denominator is undefined, never 0. */
export interface AppealFigures extends AppealTally {
  /** 办结率 = 办结 / 受理. */
  resolvedRate: number | undefined;
  /** 按期办结率 = 按期办结 / 办结. */
  onTimeRate: number | undefined;
  /** 满意率 = (满意 + 基本满意) / 已评价. */
  satisfiedRate: number | undefined;
}

export const EMPTY_TALLY: AppealTally = { received: 0, resolved: 0, resolvedOnTime: 0, rated: 0, satisfied: 0 };

/** The sum of two tallies. */
export function addTallies(a: AppealTally, b: AppealTally): AppealTally {
  return {
    received: a.received + b.received,
    resolved: a.resolved + b.resolved,
    resolvedOnTime: a.resolvedOnTime + b.resolvedOnTime,
    rated: a.rated + b.rated,
    satisfied: a.satisfied + b.satisfied,
  };
}

/** A share in percent with one decimal, or undefined when there is nothing to divide by. */
export function percent(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.round((part / whole) * 1000) / 10;
}

/** A rate as pages and feeds write it: 83.3%, or “—” when it has no denominator. */
export function rateText(rate: number | undefined): string {
  return rate === undefined ? '—' : `${rate.toFixed(1)}%`;
}

/** A tally with its rates. */
export function figuresOf(tally: AppealTally): AppealFigures {
  return {
    ...tally,
    resolvedRate: percent(tally.resolved, tally.received),
    onTimeRate: percent(tally.resolvedOnTime, tally.resolved),
    satisfiedRate: percent(tally.satisfied, tally.rated),
  };
}

/** The definitions as the page and the API state them. */
export const APPEAL_RATE_NOTES = [
  '按企业提交诉求的月份(北京时间)统计;统计期内提交的诉求,按其当前的办理状态计入。',
  '受理:统计期内提交的诉求件数。办结:其中已办结的件数(含已答复待评价和已评价满意、基本满意的;评价不满意而重新办理的不计)。',
  '办结率 = 办结件数 ÷ 受理件数。',
  '按期办结率 = 在办理期限(工作日,按国务院公布的节假日安排计算,含经批准的延期)内办结的件数 ÷ 办结件数。',
  '满意率 =(评价“满意”和“基本满意”的件数)÷ 已评价件数;评价“不满意”的诉求重新办理后,以企业最近一次评价为准。',
  '某项比率的分母为 0 时显示“—”,表示无法计算,而不是 0%。',
] as const;

/** A statistics period: a calendar year or one month of it. */
export type StatsPeriod = { year: number; month: number | undefined };

/** The earliest year a period may name. */
export const FIRST_STATS_YEAR = 2000;

/** `2026` or `2026-10` as a period, or undefined when it is neither (or names a month that is not real). */
export function parseStatsPeriod(text: string): StatsPeriod | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?$/u.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  return { year, month };
}

/** `2026` or `2026-10`. */
export function periodKey(period: StatsPeriod): string {
  return period.month === undefined ? String(period.year) : monthKey(period.year, period.month);
}

/** `2026年` or `2026年10月`. */
export function periodName(period: StatsPeriod): string {
  return period.month === undefined ? `${period.year}年` : `${period.year}年${period.month}月`;
}

/** `2026-10`. */
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** `2026年10月` for `2026-10`. */
export function monthName(key: string): string {
  return `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
}

/** One Beijing month as the instants (UTC ISO text, as created_at is stored) it runs from and up to. */
export interface MonthRange {
  month: string;
  from: string;
  to: string;
}

/** The month after `key` (`2026-12` → `2027-01`). */
export function nextMonth(key: string): string {
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7));
  return month === 12 ? monthKey(year + 1, 1) : monthKey(year, month + 1);
}

/** The Beijing months from `first` to `last` (both `YYYY-MM`, inclusive), in order. */
export function monthRanges(first: string, last: string): MonthRange[] {
  const ranges: MonthRange[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    ranges.push({ month, from: chinaDayStart(`${month}-01`)!, to: chinaDayStart(`${nextMonth(month)}-01`)! });
  }
  return ranges;
}
