// Which years an actual-vs-target comparison pairs. A report sets this year's target beside last
// year's result, so the pair is (T-1 actual, T target) for the latest target year T, and says so:
// a result and a target of unrelated years side by side would compare nothing.
import type { FactKind } from './indicator-fact.ts';

/** The years a growth chart compares, with the words that say so (`2025年实际 vs 2026年目标`). */
export interface YearPair {
  actualYear: number | null;
  targetYear: number | null;
  label: string;
}

/** The pair for these facts' growth figures; undefined when none has a year and a growth. */
export function actualVsTargetYears(facts: ReadonlyArray<{ kind: FactKind; year: number | null; growth: number | null }>): YearPair | undefined {
  const years = (kind: FactKind) => facts.filter((f) => f.kind === kind && f.year !== null && f.growth !== null).map((f) => f.year!);
  const targets = years('target');
  if (targets.length > 0) {
    const targetYear = Math.max(...targets);
    const actualYear = targetYear - 1;
    return years('actual').includes(actualYear)
      ? { actualYear, targetYear, label: `${actualYear}年实际 vs ${targetYear}年目标` }
      : { actualYear: null, targetYear, label: `${targetYear}年目标` };
  }
  const actuals = years('actual');
  if (actuals.length === 0) return undefined;
  const actualYear = Math.max(...actuals);
  return { actualYear, targetYear: null, label: `${actualYear}年实际` };
}
