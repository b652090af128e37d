// Working days on the Chinese official calendar: weekends off, except the public holidays the
// State Council announces each year and the weekend days it makes working days in exchange (调休).
// Each year's notice is a data file (data/calendar/<year>.json); a deadline reaching into a year
// without one is counted Monday to Friday and marked provisional, never silently taken as final.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEFAULT_CALENDAR_DIR = fileURLToPath(new URL('../../data/calendar', import.meta.url));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date YYYY-MM-DD');

/** One year's file: the holidays as the notice lists them, and the weekend days worked instead. */
const yearFileSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** The notice the file was copied from, so a reader can check it. */
  source: z.string().min(1),
  holidays: z.array(z.object({ name: z.string().min(1), from: isoDate, to: isoDate })).min(1),
  workdays: z.array(isoDate),
});

export type CalendarYear = z.infer<typeof yearFileSchema>;

/** A date N working days on, and whether a year without a calendar file was counted Monday to Friday. */
export interface WorkingDayResult {
  date: string;
  provisional: boolean;
}

const DAY_MS = 86_400_000;

/** The calendar day after (or `days` after) a YYYY-MM-DD date. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function isRealDate(date: string): boolean {
  return addCalendarDays(date, 0) === date;
}

export class WorkingCalendar {
  readonly #years = new Set<number>();
  readonly #holidays = new Map<string, string>();
  readonly #workdays = new Set<string>();

  /** Checks every year as it is added: a wrong file must stop the start, not shift deadlines. */
  constructor(years: readonly CalendarYear[]) {
    for (const year of years) this.#add(year);
  }

  #add(year: CalendarYear): void {
    const problem = (what: string) => new Error(`calendar ${year.year}: ${what}`);
    if (this.#years.has(year.year)) throw problem('the year appears twice');
    const inYear = (date: string) => isRealDate(date) && date.startsWith(`${year.year}-`);
    for (const holiday of year.holidays) {
      // Spring Festival may start in the year before in principle; the notices so far never do,
      // and a file whose ranges stay in its year can be checked against the notice day by day.
      if (!inYear(holiday.from) || !inYear(holiday.to))
        throw problem(`${holiday.name} ${holiday.from}–${holiday.to} is not a range of real dates in ${year.year}`);
      if (holiday.to < holiday.from) throw problem(`${holiday.name} ends before it starts`);
      for (let day = holiday.from; day <= holiday.to; day = addCalendarDays(day, 1)) {
        if (this.#holidays.has(day)) throw problem(`${day} is listed in two holidays`);
        this.#holidays.set(day, holiday.name);
      }
    }
    for (const day of year.workdays) {
      if (!inYear(day)) throw problem(`working day ${day} is not a real date in ${year.year}`);
      // An adjusted working day is always a Saturday or Sunday; a weekday here is a typing error.
      if (!isWeekend(day)) throw problem(`working day ${day} is not a Saturday or Sunday`);
      if (this.#holidays.has(day)) throw problem(`${day} is both a holiday and a working day`);
      this.#workdays.add(day);
    }
    this.#years.add(year.year);
  }

  /** The years whose official arrangements are known, ascending. */
  get years(): number[] {
    return [...this.#years].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.#years.has(year);
  }

  /** The holiday a date falls in (春节), or undefined. */
  holidayOn(date: string): string | undefined {
    return this.#holidays.get(date);
  }

  isWorkingDay(date: string): boolean {
    if (this.#workdays.has(date)) return true;
    return !this.#holidays.has(date) && !isWeekend(date);
  }

  /**
   * The `days`-th working day after `from` (which itself never counts): a request assigned on a
   * Friday with 5 working days is due the next Friday, or later across a holiday. Zero days: `from`.
   */
  addWorkingDays(from: string, days: number): WorkingDayResult {
    if (!isRealDate(from)) throw new RangeError(`not a date: ${from}`);
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${days}`);
    let date = from;
    let provisional = false;
    for (let counted = 0; counted < days; ) {
      date = addCalendarDays(date, 1);
      if (!this.covers(Number(date.slice(0, 4)))) provisional = true;
      if (this.isWorkingDay(date)) counted += 1;
    }
    return { date, provisional };
  }

  /** The first working day after `date`. */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1).date;
  }
}

/** Reads every <year>.json in `dir`; a malformed file stops the start with the file named. */
export function loadWorkingCalendar(dir: string = DEFAULT_CALENDAR_DIR): WorkingCalendar {
  return new WorkingCalendar(readCalendarYears(dir));
}

/** The year files in `dir` as they are written, checked against the file format only. */
export function readCalendarYears(dir: string = DEFAULT_CALENDAR_DIR): CalendarYear[] {
  const files = readdirSync(dir)
    .filter((name) => /^\d{4}\.json$/u.test(name))
    .sort();
  return files.map((name) => {
    const path = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`);
    }
    const parsed = yearFileSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    if (`${parsed.data.year}.json` !== name) throw new Error(`${path}: the file says year ${parsed.data.year}`);
    return parsed.data;
  });
}
