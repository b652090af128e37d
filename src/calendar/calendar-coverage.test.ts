import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InspectionContext } from '../inspection/inspection-check.ts';
import { calendarCoverageCheck } from './calendar-coverage.ts';
import { WorkingCalendar, type CalendarYear } from './working-calendar.ts';

/** A year file with one holiday, enough for the check, which only asks which years are covered. */
const yearFile = (year: number): CalendarYear => ({
  year,
  source: '测试',
  holidays: [{ name: '元旦', from: `${year}-01-01`, to: `${year}-01-01` }],
  workdays: [],
});
const calendarOf = (...years: number[]) => new WorkingCalendar(years.map(yearFile));

/** The findings at a Beijing instant (`2026-11-01T00:00`), as [severity, the year files named]. */
async function findingsAt(calendar: WorkingCalendar, beijing: string) {
  const now = new Date(`${beijing}:00+08:00`);
  const findings = await calendarCoverageCheck.run({ calendar, now } as InspectionContext);
  for (const finding of findings) assert.deepEqual([finding.href, finding.channel], ['/admin/appeals', undefined]);
  return findings.map((finding) => [finding.severity, [...finding.message.matchAll(/data\/calendar\/(\d{4})\.json/gu)].map((m) => m[1]).join()]);
}

describe('holiday calendar coverage check', () => {
  it('warns about next year’s missing file from 1 November (Beijing), not before', async () => {
    const calendar = calendarOf(2025, 2026);
    assert.deepEqual(await findingsAt(calendar, '2026-10-31T23:59'), [['ok', '']]);
    assert.deepEqual(await findingsAt(calendar, '2026-11-01T00:00'), [['warning', '2027']]);
    assert.deepEqual(await findingsAt(calendar, '2026-12-31T23:59'), [['warning', '2027']]);
  });

  it('passes once next year’s file is there, and names the covered years', async () => {
    const findings = await calendarCoverageCheck.run({ calendar: calendarOf(2026, 2027), now: new Date('2026-11-15T04:00:00.000Z') } as InspectionContext);
    assert.deepEqual(
      findings.map((f) => f.severity),
      ['ok'],
    );
    assert.match(findings[0]!.message, /2026、2027/u);
  });

  it('warns about the current year’s missing file all year, and next year’s too from 1 November', async () => {
    const calendar = calendarOf(2026);
    assert.deepEqual(await findingsAt(calendar, '2027-01-01T00:00'), [['warning', '2027']]);
    assert.deepEqual(await findingsAt(calendar, '2027-11-01T08:00'), [
      ['warning', '2027'],
      ['warning', '2028'],
    ]);
  });
});
