// Row types of the policy library (政策文件库), and how backups copy them.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';
import { ENGLISH_VERSION_BACKUP_COLUMNS, type EnglishVersionColumns } from '../i18n/english-version.ts';

export interface PolicyTable {
  id: Generated<number>;
  title: string;
  /** The 发文字号 as the document prints it (洪府发〔2025〕12号); null for documents without one. */
  doc_number: string | null;
  /** doc-number.ts docNumberKey of doc_number: what a search for any spelling of it compares. */
  doc_number_key: string | null;
  /** The 发文机关. */
  issuer: string;
  level: string;
  /** The channel (district, county, zone or city-wide) whose editors keep the policy. */
  channel: string;
  topic: string;
  /** 成文日期, 发布日期, 实施日期 and the last day of the 有效期 (null: no end date), YYYY-MM-DD. */
  written_on: string;
  published_on: string;
  effective_on: string;
  valid_until: string | null;
  /** Markdown, rendered like console-written article bodies. */
  body: string;
  /** What editors decided; the validity readers see is derived from it and the dates (policy.ts validityOf). */
  status: 'in_force' | 'amended' | 'repealed';
  /**
   * The policy that replaces an amended one. No foreign key: a restore inserts policies in id
   * order, and the replacing policy is usually the newer one.
   */
  replaced_by: number | null;
  /** Title, 文号, issuer and body folded as search queries are (normalizeQuery), for keyword search. */
  search_text: string;
  created_at: string;
  updated_at: string;
}

/** A 政策解读 article linked to a policy. */
export interface PolicyInterpretationTable {
  policy_id: number;
  article_id: number;
  linked_at: string;
}

/** The policy tables as backups copy them, the links after the policies (and the articles) they join. */
export const policyBackups = [
  backupTable<PolicyTable>(
    'policy',
    {
      id: 'integer',
      title: 'text',
      doc_number: 'text',
      doc_number_key: 'text',
      issuer: 'text',
      level: 'text',
      channel: 'text',
      topic: 'text',
      written_on: 'text',
      published_on: 'text',
      effective_on: 'text',
      valid_until: 'text',
      body: 'text',
      status: 'text',
      replaced_by: 'integer',
      search_text: 'text',
      created_at: 'text',
      updated_at: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<PolicyInterpretationTable>(
    'policy_interpretation',
    { policy_id: 'integer', article_id: 'integer', linked_at: 'text' },
    { key: ['policy_id', 'article_id'] },
  ),
] as const;

/** A policy's English version (issue #16): at most one, written by editors. */
export interface PolicyEnglishTable extends EnglishVersionColumns {
  policy_id: number;
}

/** The English versions as backups copy them, after the policies. */
export const policyEnglishBackup = backupTable<PolicyEnglishTable>(
  'policy_english',
  { policy_id: 'integer', ...ENGLISH_VERSION_BACKUP_COLUMNS },
  { key: ['policy_id'] },
);
