// Beijing time (UTC+8, no daylight saving), the one clock the portal shows. Stored times are
// ISO-8601 UTC text; every page and form converts here, and says which clock it shows.

const OFFSET_MS = 8 * 3_600_000;

/** The name pages put beside a time: “2026-03-01 14:05(北京时间)”, or in a column header. */
export const CHINA_TIME_LABEL = '北京时间';

/** The ISO text of `at` moved to Beijing time (still ending in Z, only for slicing), or undefined. */
function shifted(at: string | Date): string | undefined {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms + OFFSET_MS).toISOString();
}

/** The Beijing calendar date of an instant: 2026-03-01. */
export function chinaDate(at: string | Date): string {
  return shifted(at)?.slice(0, 10) ?? String(at);
}

/** The start of a Beijing calendar day (YYYY-MM-DD) as an RFC 3339 instant: `2026-03-01T00:00:00+08:00`. */
export function chinaMidnight(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/** An instant in Beijing time to the minute: 2026-03-01 14:05. */
export function chinaDateTime(at: string | Date): string {
  return shifted(at)?.slice(0, 16).replace('T', ' ') ?? String(at);
}

/** An instant in Beijing time to the second, as the audit log shows it: 2026-03-01 14:05:09. */
export function chinaTimestamp(at: string | Date): string {
  return shifted(at)?.slice(0, 19).replace('T', ' ') ?? String(at);
}

/** An instant labelled with its clock, where no column header says it: 2026-03-01 14:05(北京时间). */
export function labelledChinaDateTime(at: string | Date): string {
  return `${chinaDateTime(at)}(${CHINA_TIME_LABEL})`;
}

/** A column or field name with the clock named: 投稿时间(北京时间). */
export function chinaTimeHeading(name: string): string {
  return `${name}(${CHINA_TIME_LABEL})`;
}

/** The value of a datetime-local field for an instant: 2026-03-01T14:05 (Beijing time). */
export function chinaLocalInput(at: string | Date): string {
  return shifted(at)?.slice(0, 16) ?? '';
}

/** The instant a datetime-local value (YYYY-MM-DDTHH:mm, Beijing time) names, or undefined. */
export function parseChinaLocalInput(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/u.test(text)) return undefined;
  const at = new Date(`${text}:00+08:00`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/**
 * How long ago `at` was at `now`, as a to-do list says it: 刚刚, 12 分钟前, 5 小时前, 3 天前.
 * Whole units, rounded down; an instant after `now` (a clock slightly ahead) reads 刚刚.
 */
export function chinaAge(at: string | Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - new Date(at).getTime()) / 60_000);
  if (!(minutes >= 1)) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`;
  return `${Math.floor(minutes / (24 * 60))} 天前`;
}

/** Whole calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first instant (UTC ISO text) of a Beijing calendar day (YYYY-MM-DD), or undefined when not a date. */
export function chinaDayStart(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(date)) return undefined;
  const at = new Date(`${date}T00:00:00+08:00`);
  return Number.isNaN(at.getTime()) || chinaDate(at) !== date ? undefined : at.toISOString();
}
