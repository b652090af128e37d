import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actualVsTargetYears } from './year-pairs.ts';

describe('actualVsTargetYears', () => {
  const fact = (kind: 'actual' | 'target' | 'period_average', year: number | null, growth: number | null = 5) => ({ kind, year, growth });

  it('pairs the latest target year with the result of the year before it, and says so', () => {
    assert.deepEqual(actualVsTargetYears([fact('actual', 2025), fact('target', 2026), fact('actual', 2014), fact('target', 2015)]), {
      actualYear: 2025,
      targetYear: 2026,
      label: '2025年实际 vs 2026年目标',
    });
  });

  it('does not pair a target with a result of another year', () => {
    assert.deepEqual(actualVsTargetYears([fact('actual', 2014), fact('target', 2026)]), { actualYear: null, targetYear: 2026, label: '2026年目标' });
    assert.deepEqual(actualVsTargetYears([fact('actual', 2026), fact('target', 2026)]), { actualYear: null, targetYear: 2026, label: '2026年目标' });
  });

  it('falls back to the latest result alone, and ignores figures without a year or a growth', () => {
    assert.deepEqual(actualVsTargetYears([fact('actual', 2013), fact('actual', 2014), fact('period_average', null), fact('target', 2015, null)]), {
      actualYear: 2014,
      targetYear: null,
      label: '2014年实际',
    });
    assert.equal(actualVsTargetYears([fact('period_average', null), fact('actual', 2014, null)]), undefined);
  });
});
