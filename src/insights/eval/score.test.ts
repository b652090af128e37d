import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndicatorFact } from '../indicator-fact.ts';
import type { IndicatorGold } from './gold.ts';
import { compareFacts, ratio } from './score.ts';

const gold: IndicatorGold = {
  indicator: 'gdp',
  place: '江西省',
  kind: 'actual',
  year: 2025,
  period: null,
  value: 3.6,
  unit: '万亿元',
  growth: 5.2,
  stretch: null,
  qualifier: null,
  sentence: '地区生产总值3.6万亿元、增长5.2%',
};
const output = (change: Partial<IndicatorFact> = {}): IndicatorFact => ({ ...gold, confidence: { level: 'high', reasons: [] }, ...change });

describe('scoring the reader against the gold', () => {
  it('matches a fact only when every compared field is equal, whatever its sentence', () => {
    assert.equal(compareFacts([gold], [output({ sentence: '另一句' })]).matched, 1);
    for (const change of [
      { place: '南昌市' },
      { kind: 'target' as const },
      { year: 2026 },
      { period: '2021-2025' },
      { value: 3.7 },
      { unit: '亿元' },
      { growth: 5 },
      { stretch: 6 },
      { qualifier: '左右' as const },
    ]) {
      const result = compareFacts([gold], [output(change)]);
      assert.equal(result.matched, 0, JSON.stringify(change));
      assert.equal(result.missed.length, 1);
      assert.equal(result.wrong.length, 1);
    }
  });

  it('counts a figure stated twice as two facts, each matched once', () => {
    const result = compareFacts([gold, gold], [output(), output(), output()]);
    assert.deepEqual([result.matched, result.missed.length, result.wrong.length], [2, 0, 1]);
  });

  it('adds comparisons up into precision and recall', () => {
    const quality = ratio([compareFacts([gold, { ...gold, year: 2024 }], [output(), output({ value: 1 })])]);
    assert.deepEqual(quality, { precision: 0.5, recall: 0.5 });
    assert.deepEqual(ratio([]), { precision: 1, recall: 1 });
  });
});
