// Row types of the facts read out of articles, and how backups copy them.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';
import type { FactKind } from './indicator-fact.ts';

export interface IndicatorFactTable {
  id: Generated<number>;
  article_id: number;
  channel: string;
  indicator: string;
  /** The place the figure describes as written (全国, 江西省, 东湖区); null on rows read before places were. */
  place: string | null;
  year: number | null;
  /** `2021-2025` for the period kinds. */
  period: string | null;
  kind: FactKind;
  value: number | null;
  unit: string | null;
  growth: number | null;
  stretch: number | null;
  qualifier: string | null;
  confidence: Generated<'high' | 'low'>;
  /** JSON array of the reasons for a `low` confidence. */
  confidence_reasons: Generated<string>;
  sentence: string;
  /** indicator|kind|sentence as extraction found it; a curated row keeps it through corrections. */
  extracted_key: string | null;
  /** null: as extracted; otherwise what an editor did. */
  curation: 'confirmed' | 'corrected' | 'deleted' | null;
  curated_by: string | null;
  curated_at: string | null;
}

export interface ProjectTable {
  id: Generated<number>;
  /** The name without a leading city and a trailing 项目, so articles' variants merge. */
  merge_key: string;
  name: string;
  amount: number | null;
  unit: string | null;
  qualifier: string | null;
  channel: string;
  industry: string | null;
  stage: string | null;
  updated_at: string;
  /** `manual` projects were added by an editor and are listed without a source article. */
  origin: Generated<'extracted' | 'manual'>;
  /**
   * null: as extracted, unreviewed; `confirmed`: an editor checked it (back to null when a later
   * article changes it); `corrected`: fields set by an editor, kept; `deleted`: hidden, never re-created.
   */
  curation: 'confirmed' | 'corrected' | 'deleted' | null;
}

export interface ProjectMilestoneTable {
  project_id: number;
  stage: string;
  /** YYYY-MM-DD */
  planned_on: string;
}

export interface ProjectSourceTable {
  project_id: number;
  article_id: number;
  sentence: string;
}

/** The fact tables as backups copy them, projects before what refers to them. */
export const insightBackups = [
  backupTable<IndicatorFactTable>(
    'indicator_fact',
    {
      id: 'integer',
      article_id: 'integer',
      channel: 'text',
      indicator: 'text',
      place: 'text',
      year: 'integer',
      period: 'text',
      kind: 'text',
      value: 'real',
      unit: 'text',
      growth: 'real',
      stretch: 'real',
      qualifier: 'text',
      confidence: 'text',
      confidence_reasons: 'text',
      sentence: 'text',
      extracted_key: 'text',
      curation: 'text',
      curated_by: 'text',
      curated_at: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<ProjectTable>(
    'project',
    {
      id: 'integer',
      merge_key: 'text',
      name: 'text',
      amount: 'real',
      unit: 'text',
      qualifier: 'text',
      channel: 'text',
      industry: 'text',
      stage: 'text',
      updated_at: 'text',
      origin: 'text',
      curation: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<ProjectSourceTable>('project_source', { project_id: 'integer', article_id: 'integer', sentence: 'text' }, { key: ['project_id', 'article_id'] }),
  backupTable<ProjectMilestoneTable>('project_milestone', { project_id: 'integer', stage: 'text', planned_on: 'text' }, { key: ['project_id', 'stage'] }),
];
