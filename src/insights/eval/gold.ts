// The hand-read development set (test/fixtures/work-reports, described in FORMAT.md there).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FactKind, FactQualifier, IndicatorKey } from '../indicator-fact.ts';
import type { ProjectStage } from '../projects.ts';

export const GOLD_DIR = fileURLToPath(new URL('../../../test/fixtures/work-reports/', import.meta.url));

/** One fact as the gold records it; every field but the sentence is compared. */
export interface IndicatorGold {
  indicator: IndicatorKey;
  place: string;
  kind: FactKind;
  year: number | null;
  period: string | null;
  value: number | null;
  unit: string | null;
  growth: number | null;
  stretch: number | null;
  qualifier: FactQualifier | null;
  sentence: string;
}

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
    .map((file) => ({ id: file.replace(/-\d{4}\.json$/u, '').replace(/\.json$/u, ''), ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<GoldReport, 'id'>) }));
}
