// Scores the reader against the gold: a fact counts as found only when every compared field is
// equal; each gold fact can be matched once (a figure stated twice is two facts).
import type { IndicatorFact } from '../indicator-fact.ts';
import type { ProjectFact } from '../projects.ts';
import type { IndicatorGold, ProjectGold } from './gold.ts';

/** Matches, misses (gold not output) and wrong outputs (output not in gold) of one comparison. */
export interface Comparison<G, O> {
  matched: number;
  missed: G[];
  wrong: O[];
}

export interface Ratio {
  precision: number;
  recall: number;
}

const FACT_FIELDS = ['indicator', 'place', 'kind', 'year', 'period', 'value', 'unit', 'growth', 'stretch', 'qualifier'] as const;

/** The compared fields of a fact, as one string. */
export function factKey(fact: Pick<IndicatorGold, (typeof FACT_FIELDS)[number]>): string {
  return FACT_FIELDS.map((field) => String(fact[field])).join('|');
}

export function projectKey(project: Pick<ProjectGold, 'name' | 'stage'>): string {
  return `${project.name}|${project.stage}`;
}

/** Pairs gold and output by key, each at most once. */
export function compare<G, O>(gold: readonly G[], output: readonly O[], goldKey: (g: G) => string, outputKey: (o: O) => string): Comparison<G, O> {
  const unmatched = new Map<string, G[]>();
  for (const g of gold) unmatched.set(goldKey(g), [...(unmatched.get(goldKey(g)) ?? []), g]);
  const wrong: O[] = [];
  let matched = 0;
  for (const o of output) {
    const candidates = unmatched.get(outputKey(o));
    if (candidates && candidates.length > 0) {
      candidates.shift();
      matched += 1;
    } else wrong.push(o);
  }
  return { matched, missed: [...unmatched.values()].flat(), wrong };
}

export const compareFacts = (gold: readonly IndicatorGold[], output: readonly IndicatorFact[]) => compare(gold, output, factKey, factKey);
export const compareProjects = (gold: readonly ProjectGold[], output: readonly ProjectFact[]) =>
  compare(gold, output, projectKey, (p) => `${p.name}|${p.stage}`);

/** Precision and recall of comparisons added up; 1 where there is nothing to find or nothing output. */
export function ratio(comparisons: ReadonlyArray<Comparison<unknown, unknown>>): Ratio {
  const matched = comparisons.reduce((sum, c) => sum + c.matched, 0);
  const output = matched + comparisons.reduce((sum, c) => sum + c.wrong.length, 0);
  const gold = matched + comparisons.reduce((sum, c) => sum + c.missed.length, 0);
  return { precision: output === 0 ? 1 : matched / output, recall: gold === 0 ? 1 : matched / gold };
}
