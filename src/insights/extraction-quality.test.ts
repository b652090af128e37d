import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evaluate, qualityOf } from './eval/evaluate.ts';
import { GOLD_DIR, loadGold } from './eval/gold.ts';

// The figures last achieved on the development set (percent, rounded down to one decimal); the
// README records the same. A change to the readers that reads the set worse fails here.
const expected = JSON.parse(readFileSync(join(GOLD_DIR, 'expected-quality.json'), 'utf8')) as Record<
  'indicators' | 'projects',
  { precision: number; recall: number }
>;

describe('extraction quality on the hand-read development set', () => {
  const quality = qualityOf(evaluate(loadGold()));
  for (const reader of ['indicators', 'projects'] as const) {
    for (const measure of ['precision', 'recall'] as const) {
      it(`${reader} ${measure} stays at or above ${expected[reader][measure]}%`, () => {
        const achieved = quality[reader][measure] * 100;
        assert.ok(
          achieved >= expected[reader][measure],
          `${reader} ${measure} ${achieved.toFixed(1)}% is below ${expected[reader][measure]}%; run npm run eval:extract for the misses`,
        );
      });
    }
  }

  it('reads all 18 reports of the set', () => {
    assert.equal(loadGold().length, 18);
  });
});
