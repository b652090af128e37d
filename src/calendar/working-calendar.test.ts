import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chinaDate } from '../lib/china-time.ts';
import { tempDir } from '../../test/helpers/test-db.ts';
import { addCalendarDays, loadWorkingCalendar, readCalendarYears, type CalendarYear, WorkingCalendar } from './working-calendar.ts';

const shipped = loadWorkingCalendar();
/** From this day (MM-DD) a missing file for next year fails the suite: the latest notice since 2011 came on 16 December. */
const NEXT_YEAR_DUE = '12-20';

test('the shipped files follow the State Council notices: each holiday and 调休 day as announced', () => {
  // Spot checks typed from the notices of 2024-11-12 and 2025-11-04, independent of the files' layout.
  const holidays = ['2025-01-28', '2025-02-04', '2025-05-05', '2025-10-08', '2026-01-02', '2026-02-23', '2026-06-19', '2026-09-25', '2026-10-07'];
  const adjustedWorkdays = [
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ];
  for (const day of holidays) assert.equal(shipped.isWorkingDay(day), false, `${day} is a holiday`);
  for (const day of adjustedWorkdays) assert.equal(shipped.isWorkingDay(day), true, `${day} is worked`);
  // 2026-10-08 is an ordinary Thursday after National Day (the holiday ends on the 7th this year).
  assert.equal(shipped.isWorkingDay('2026-10-08'), true);
  assert.equal(shipped.holidayOn('2026-02-18'), '春节');
});

test('each shipped year lists at least the 13 statutory holiday days', () => {
  // The 2025 revision of the national holiday rules gives 13 statutory days; a notice's ranges
  // cover at least those days, so a file with fewer holiday dates has lost a range.
  for (const year of shipped.years) {
    let holidayDates = 0;
    for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addCalendarDays(day, 1)) if (shipped.holidayOn(day)) holidayDates += 1;
    assert.ok(holidayDates >= 13, `${year} lists ${holidayDates} holiday dates`);
  }
});

test('a deadline counts working days after the day it starts, skipping holidays and counting 调休 weekends', () => {
  // Friday 2026-09-18: Sunday the 20th is worked, so five working days end on Thursday the 24th.
  assert.deepEqual(shipped.addWorkingDays('2026-09-18', 5), { date: '2026-09-24', provisional: false });
  // Wednesday 2026-09-30: National Day runs to 10-07; 10-08, 10-09, Saturday 10-10 (worked), 10-12, 10-13.
  assert.deepEqual(shipped.addWorkingDays('2026-09-30', 5), { date: '2026-10-13', provisional: false });
  // An ordinary week: Monday + 5 = next Monday.
  assert.deepEqual(shipped.addWorkingDays('2026-11-02', 5), { date: '2026-11-09', provisional: false });
  assert.deepEqual(shipped.addWorkingDays('2026-11-02', 0), { date: '2026-11-02', provisional: false });
  assert.equal(shipped.nextWorkingDay('2026-02-13'), '2026-02-14');
});

test('counting into a year without its file falls back to Monday to Friday and says so', () => {
  const only2026 = new WorkingCalendar(readCalendarYears().filter((file) => file.year === 2026));
  const result = only2026.addWorkingDays('2026-12-30', 3);
  // 12-31 (Thu), 2027-01-01 (Fri, a holiday in every year — but unknown without the file), 01-04 (Mon).
  assert.deepEqual(result, { date: '2027-01-04', provisional: true });
  assert.equal(only2026.addWorkingDays('2026-12-28', 3).provisional, false);
});

test('working days must be a whole number from a real date', () => {
  assert.throws(() => shipped.addWorkingDays('2026-02-30', 1), /not a date/u);
  assert.throws(() => shipped.addWorkingDays('2026-03-01', -1), /whole number/u);
  assert.throws(() => shipped.addWorkingDays('2026-03-01', 1.5), /whole number/u);
});

test('a wrong calendar file stops the start and names the file and the mistake', () => {
  const cases: [string, unknown, RegExp][] = [
    ['2030.json', '{ not json', /2030\.json: .*JSON/u],
    ['2030.json', { year: 2030, source: 'x', holidays: [], workdays: [] }, /2030\.json: holidays/u],
    ['2031.json', { ...sample(2030) }, /the file says year 2030/u],
    ['2030.json', { ...sample(2030), workdays: ['2030-01-02'] }, /2030-01-02 is not a Saturday or Sunday/u],
    ['2030.json', { ...sample(2030), holidays: [{ name: '春节', from: '2030-02-05', to: '2030-02-01' }] }, /春节 ends before it starts/u],
    ['2030.json', { ...sample(2030), holidays: [{ name: '元旦', from: '2029-12-31', to: '2030-01-01' }] }, /not a range of real dates in 2030/u],
    [
      '2030.json',
      { ...sample(2030), workdays: ['2030-01-05'], holidays: [{ name: '元旦', from: '2030-01-01', to: '2030-01-05' }] },
      /both a holiday and a working day/u,
    ],
  ];
  const temp = tempDir('calendar-');
  try {
    cases.forEach(([name, content, expected], index) => {
      const dir = join(temp.path, String(index));
      mkdirSync(dir);
      writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
      assert.throws(() => loadWorkingCalendar(dir), expected);
    });
  } finally {
    temp.remove();
  }
});

test(`this year's holiday arrangement is shipped, and next year's from ${NEXT_YEAR_DUE} on`, () => {
  // The State Council has published every year's notice between late October and 16 December
  // since 2011; past NEXT_YEAR_DUE a missing file means someone has to copy the new notice into
  // data/calendar/<year>.json (see the README), or every deadline into next year is provisional.
  const today = chinaDate(new Date());
  const year = Number(today.slice(0, 4));
  assert.ok(shipped.covers(year), `data/calendar/${year}.json is missing`);
  if (today.slice(5) >= NEXT_YEAR_DUE) assert.ok(shipped.covers(year + 1), `data/calendar/${year + 1}.json is missing: copy the State Council's notice`);
});

function sample(year: number): CalendarYear {
  return { year, source: 'test', holidays: [{ name: '元旦', from: `${year}-01-01`, to: `${year}-01-01` }], workdays: [] };
}
