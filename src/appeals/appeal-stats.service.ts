// The request desk's public statistics (企业诉求办理情况): a period's figures by district and
// category with totals, the monthly trend of its year, and the finished months for the feed.
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import type { Db } from '../db/database.ts';
import { chinaDate } from '../lib/china-time.ts';
import { APPEAL_CATEGORIES, type AppealCategory } from './appeal.ts';
import {
  addTallies,
  EMPTY_TALLY,
  figuresOf,
  FIRST_STATS_YEAR,
  monthKey,
  monthRanges,
  parseStatsPeriod,
  type AppealFigures,
  type AppealTally,
  type StatsPeriod,
} from './appeal-stats.ts';
import { appealTallies, firstAppealFiledAt, type TallyRow } from './appeal-stats.store.ts';

/** A period's statistics. */
export interface AppealStatistics {
  period: StatsPeriod;
  total: AppealFigures;
  /** Districts with requests in the period, in the catalogue's order. */
  byChannel: Array<{ channel: string; figures: AppealFigures }>;
  /** Every category, in the fixed order, also those without requests. */
  byCategory: Array<{ category: AppealCategory; figures: AppealFigures }>;
  /** Each month of the period's year up to the current one (the trend), also months without requests. */
  byMonth: Array<{ month: string; figures: AppealFigures }>;
}

/** One finished month as the feed reports it. */
export interface MonthlyAppealReport {
  month: string;
  total: AppealFigures;
  byChannel: Array<{ channel: string; figures: AppealFigures }>;
  /** The newest filing, resolution or rating among its requests; undefined for a month without any. */
  lastChangedAt: string | undefined;
}

/** How many finished months the feed lists at most. */
export const REPORTED_MONTHS = 24;

/**
 * The period `text` names (`2026` or `2026-10`; the current Beijing year when empty), or why it
 * cannot be shown at `now` (in Chinese): malformed, before FIRST_STATS_YEAR or after this month.
 */
export function statsPeriodFor(text: string | undefined, now: Date): StatsPeriod | { problem: string } {
  const current = chinaDate(now).slice(0, 7);
  if (text === undefined || text === '') return { year: Number(current.slice(0, 4)), month: undefined };
  const period = parseStatsPeriod(text);
  if (!period) return { problem: '统计期应为年份(如 2026)或年月(如 2026-10)。' };
  if (period.year < FIRST_STATS_YEAR) return { problem: `统计期最早为 ${FIRST_STATS_YEAR} 年。` };
  if (monthKey(period.year, period.month ?? 1) > current) return { problem: '统计期不能晚于本月。' };
  return period;
}

/** The statistics of `period` at `now` (which ends the current year's trend); the period comes from statsPeriodFor. */
export async function appealStatistics(db: Db, channels: ChannelCatalog, period: StatsPeriod, now: Date): Promise<AppealStatistics> {
  const current = chinaDate(now).slice(0, 7);
  const yearEnd = monthKey(period.year, 12);
  const months = monthRanges(monthKey(period.year, 1), yearEnd < current ? yearEnd : current);
  const rows = await appealTallies(db, months);
  const inPeriod = period.month === undefined ? rows : rows.filter((row) => row.month === monthKey(period.year, period.month!));
  const byMonth = new Map<string, AppealTally>(months.map((m) => [m.month, EMPTY_TALLY]));
  for (const row of rows) byMonth.set(row.month, addTallies(byMonth.get(row.month)!, row));
  return {
    period,
    total: figuresOf(sum(inPeriod)),
    byChannel: channelFigures(inPeriod, channels),
    byCategory: APPEAL_CATEGORIES.map((category) => ({ category, figures: figuresOf(sum(inPeriod.filter((row) => row.category === category))) })),
    byMonth: [...byMonth].map(([month, tally]) => ({ month, figures: figuresOf(tally) })),
  };
}

/** The finished Beijing months since the first request, newest first, at most REPORTED_MONTHS. */
export async function monthlyAppealReports(db: Db, channels: ChannelCatalog, now: Date): Promise<MonthlyAppealReport[]> {
  const firstFiledAt = await firstAppealFiledAt(db);
  if (firstFiledAt === undefined) return [];
  const current = chinaDate(now).slice(0, 7);
  const months = monthRanges(chinaDate(firstFiledAt).slice(0, 7), current).slice(0, -1).slice(-REPORTED_MONTHS);
  const rows = await appealTallies(db, months);
  return months.reverse().map(({ month }) => {
    const ofMonth = rows.filter((row) => row.month === month);
    return {
      month,
      total: figuresOf(sum(ofMonth)),
      byChannel: channelFigures(ofMonth, channels),
      lastChangedAt: ofMonth
        .map((row) => row.lastChangedAt)
        .sort()
        .at(-1),
    };
  });
}

function sum(rows: readonly AppealTally[]): AppealTally {
  return rows.reduce(addTallies, EMPTY_TALLY);
}

// Districts with requests, in the catalogue's order; a district no longer in the catalogue after them.
function channelFigures(rows: readonly TallyRow[], channels: ChannelCatalog): Array<{ channel: string; figures: AppealFigures }> {
  const byChannel = new Map<string, AppealTally>();
  for (const row of rows) byChannel.set(row.channel, addTallies(byChannel.get(row.channel) ?? EMPTY_TALLY, row));
  const order = new Map(channels.all.map((channel, i) => [channel.slug, i]));
  return [...byChannel]
    .sort(([a], [b]) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size) || a.localeCompare(b))
    .map(([channel, tally]) => ({ channel, figures: figuresOf(tally) }));
}

/** The years a statistics page can show, newest first: from the first request's year (or the current one) to the current one. */
export async function appealStatsYears(db: Db, now: Date): Promise<number[]> {
  const current = Number(chinaDate(now).slice(0, 4));
  const firstFiledAt = await firstAppealFiledAt(db);
  const first = firstFiledAt === undefined ? current : Math.min(current, Number(chinaDate(firstFiledAt).slice(0, 4)));
  return Array.from({ length: current - first + 1 }, (_, i) => current - i);
}
