import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appealRow, insertAppeals, type AppealRowSpec } from '../../test/helpers/appeal-rows.ts';
import { channels } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { chinaDate } from '../lib/china-time.ts';
import { APPEAL_CATEGORIES } from './appeal.ts';
import { EMPTY_TALLY, figuresOf, monthRanges, parseStatsPeriod, type AppealTally } from './appeal-stats.ts';
import { appealStatistics, appealStatsYears, monthlyAppealReports, statsPeriodFor } from './appeal-stats.service.ts';

// 12:00 in Beijing on 15 November 2026; the real clock is never read.
const now = new Date('2026-11-15T04:00:00.000Z');

// Requests across Beijing month ends (UTC 16:00 is Beijing midnight), districts, categories and
// every outcome; the expected figures are counted from this list, not written down.
const SPECS: AppealRowSpec[] = [
  { channel: 'donghu', category: '用工', filedAt: '2026-09-30T15:59:59.000Z', status: 'closed' },
  { channel: 'donghu', category: '用工', filedAt: '2026-09-30T16:00:00.000Z', status: 'closed', rating: 'basically_satisfied' },
  { channel: 'donghu', category: '审批', filedAt: '2026-10-08T02:00:00.000Z', status: 'resolved', onTime: false },
  { channel: 'donghu', category: '融资', filedAt: '2026-10-09T02:00:00.000Z', status: 'reopened' },
  { channel: 'xihu', category: '审批', filedAt: '2026-10-12T02:00:00.000Z', status: 'closed', onTime: false },
  { channel: 'xihu', category: '要素保障', filedAt: '2026-10-20T02:00:00.000Z', status: 'assigned' },
  { channel: 'xihu', category: '其他', filedAt: '2026-10-31T15:30:00.000Z', status: 'received' },
  { channel: 'donghu', category: '政策兑现', filedAt: '2026-10-31T16:30:00.000Z', status: 'assigned' },
  { channel: 'nanchang', category: '供应链', filedAt: '2026-11-02T02:00:00.000Z', status: 'received' },
];

/** The tally of the specs `keep` selects, counted here by the definitions the page states. */
function expected(keep: (spec: AppealRowSpec) => boolean): AppealTally {
  const chosen = SPECS.filter(keep).map(appealRow);
  const done = chosen.filter((row) => row.status === 'resolved' || row.status === 'closed');
  const rated = chosen.filter((row) => row.rating !== null);
  return {
    received: chosen.length,
    resolved: done.length,
    resolvedOnTime: done.filter((row) => row.resolved_on_time === 1).length,
    rated: rated.length,
    satisfied: rated.filter((row) => row.rating !== 'unsatisfied').length,
  };
}
const monthOf = (spec: AppealRowSpec) => chinaDate(spec.filedAt).slice(0, 7);

describe('statistics periods', () => {
  it('reads a year or a month, and says in Chinese why another value cannot be shown', () => {
    assert.deepEqual(statsPeriodFor('2026', now), { year: 2026, month: undefined });
    assert.deepEqual(statsPeriodFor('2026-10', now), { year: 2026, month: 10 });
    assert.deepEqual(statsPeriodFor(undefined, now), { year: 2026, month: undefined }, 'the current Beijing year by default');
    assert.deepEqual(statsPeriodFor('', new Date('2026-12-31T16:00:00.000Z')), { year: 2027, month: undefined }, 'Beijing’s new year');
    for (const text of ['2026-13', '2026-00', '26', '2026-1', '2026/10', 'abc', '1999', '2026-12', '2027'])
      assert.match((statsPeriodFor(text, now) as { problem: string }).problem ?? '', /统计期/u, text);
    assert.equal(parseStatsPeriod('2026-02')?.month, 2);
  });

  it('cuts months at Beijing midnight', () => {
    const [september, october] = monthRanges('2026-09', '2026-10');
    assert.deepEqual(september, { month: '2026-09', from: '2026-08-31T16:00:00.000Z', to: '2026-09-30T16:00:00.000Z' });
    assert.equal(october!.from, september!.to);
    assert.equal(monthRanges('2026-12', '2027-01')[1]!.month, '2027-01');
  });

  it('gives no rate without a denominator, never 0 %', () => {
    const figures = figuresOf({ ...EMPTY_TALLY, received: 2 });
    assert.deepEqual([figures.resolvedRate, figures.onTimeRate, figures.satisfiedRate], [0, undefined, undefined]);
    assert.equal(figuresOf({ received: 3, resolved: 2, resolvedOnTime: 1, rated: 3, satisfied: 2 }).resolvedRate, 66.7);
  });
});

for (const dialect of testDialects()) {
  describe(`request statistics on ${dialect.name}`, () => {
    it('counts a month by district and category with totals, by the Beijing month of filing', () =>
      withTestDb(dialect, async ({ db }) => {
        await insertAppeals(db, SPECS);
        const october = await appealStatistics(db, channels, { year: 2026, month: 10 }, now);
        const inOctober = (spec: AppealRowSpec) => monthOf(spec) === '2026-10';
        assert.deepEqual(october.total, figuresOf(expected(inOctober)));
        assert.ok(october.total.received > 0 && october.total.resolved > 0 && october.total.rated > 0, 'the fixture exercises every rate');

        const districts = [...new Set(SPECS.filter(inOctober).map((spec) => spec.channel))];
        assert.deepEqual(
          october.byChannel.map((row) => row.channel),
          channels.all.map((channel) => channel.slug).filter((slug) => districts.includes(slug)),
          'the districts with requests, in the catalogue’s order',
        );
        for (const row of october.byChannel)
          assert.deepEqual(row.figures, figuresOf(expected((spec) => inOctober(spec) && spec.channel === row.channel)), row.channel);

        assert.deepEqual(
          october.byCategory.map((row) => row.category),
          [...APPEAL_CATEGORIES],
        );
        for (const row of october.byCategory)
          assert.deepEqual(row.figures, figuresOf(expected((spec) => inOctober(spec) && spec.category === row.category)), row.category);
        const empty = october.byCategory.find((row) => row.figures.received === 0)!;
        assert.deepEqual([empty.figures.resolvedRate, empty.figures.onTimeRate, empty.figures.satisfiedRate], [undefined, undefined, undefined]);
      }));

    it('sums a year, and trends it month by month up to the current month', () =>
      withTestDb(dialect, async ({ db }) => {
        await insertAppeals(db, SPECS);
        const year = await appealStatistics(db, channels, { year: 2026, month: undefined }, now);
        assert.deepEqual(year.total, figuresOf(expected((spec) => monthOf(spec).startsWith('2026-'))));
        assert.deepEqual(
          year.byMonth.map((row) => row.month),
          monthRanges('2026-01', '2026-11').map((range) => range.month),
        );
        for (const row of year.byMonth) assert.deepEqual(row.figures, figuresOf(expected((spec) => monthOf(spec) === row.month)), row.month);
        const september = year.byMonth.find((row) => row.month === '2026-09')!;
        assert.equal(september.figures.received, SPECS.filter((spec) => spec.filedAt < '2026-09-30T16:00:00.000Z').length, 'Beijing midnight ends September');

        const past = await appealStatistics(db, channels, { year: 2025, month: undefined }, now);
        assert.equal(past.byMonth.length, 12, 'a past year has all its months');
        assert.equal(past.total.received, 0);
        assert.deepEqual(past.byChannel, []);
        assert.deepEqual(await appealStatsYears(db, now), [2026]);
      }));

    it('reports each finished month since the first request, newest first, for the feed', () =>
      withTestDb(dialect, async ({ db }) => {
        assert.deepEqual(await monthlyAppealReports(db, channels, now), [], 'nothing before the first request');
        await insertAppeals(db, SPECS);
        const reports = await monthlyAppealReports(db, channels, now);
        const current = chinaDate(now).slice(0, 7);
        const finished = [...new Set(SPECS.map(monthOf))]
          .filter((month) => month < current)
          .sort()
          .reverse();
        assert.deepEqual(
          reports.map((report) => report.month),
          finished,
        );
        for (const report of reports) {
          assert.deepEqual(report.total, figuresOf(expected((spec) => monthOf(spec) === report.month)));
          const changes = SPECS.filter((spec) => monthOf(spec) === report.month)
            .map(appealRow)
            .flatMap((row) => [row.created_at, row.resolved_at, row.rated_at])
            .filter((at): at is string => typeof at === 'string')
            .sort();
          assert.equal(report.lastChangedAt, changes.at(-1));
        }
      }));
  });
}
