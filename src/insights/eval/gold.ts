// The hand-read development set (test/fixtures/work-reports, described in FORMAT.md there).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorFact } from '../indicator-fact.ts';
import type { ProjectStage } from '../../lib/project-stages.ts';

/** Where the gold files are: the development set, which the rules are built against. */
export const GOLD_DIR = fileURLToPath(new URL('../../../test/fixtures/work-reports/', import.meta.url));

/** Texts written for checking only, never read while writing rules (their README says so). */
export const HOLDOUT_DIR = fileURLToPath(new URL('../../../test/fixtures/work-reports-holdout/', import.meta.url));

/** One fact as the gold records it: a reader's fact without confidence; every field but the sentence is compared. */
export type IndicatorGold = Omit<IndicatorFact, 'confidence'>;

/** One project as the gold records it; name and stage are compared. */
export interface ProjectGold {
  name: string;
  stage: ProjectStage;
  sentence: string;
}

/** One report of the set: its passages and what a careful reader finds in them. */
export interface GoldReport {
  /** The file name without `-2026.json`: beijing, nanchang-jinxian … */
  id: string;
  source: { title: string; written: boolean };
  place: string;
  level: string;
  reportYear: number;
  passages: string[];
  facts: IndicatorGold[];
  projects: ProjectGold[];
}

/** Every report of the set, in file-name order. */
export function loadGold(dir = GOLD_DIR): GoldReport[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && file !== 'expected-quality.json')
    .sort()
    .map((file) => ({
      id: file.replace(/-\d{4}\.json$/u, '').replace(/\.json$/u, ''),
      ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<GoldReport, 'id'>),
    }));
}
