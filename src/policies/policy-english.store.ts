// Queries on policy_english: the English versions editors write of policies.
import type { Db } from '../db/database.ts';
import { rowToEnglishVersion, type EnglishVersion } from '../i18n/english-version.ts';
import type { PolicyEnglishTable } from './policy.table.ts';

/** A policy with its English version, as the English list shows it. */
export interface EnglishPolicyRow {
  id: number;
  docNumber: string | null;
  channel: string;
  publishedOn: string;
  effectiveOn: string;
  validUntil: string | null;
  status: 'in_force' | 'amended' | 'repealed';
  english: EnglishVersion;
}

/** The English version of a policy, or undefined. */
export async function englishVersionOf(db: Db, policyId: number): Promise<EnglishVersion | undefined> {
  const row = await db.selectFrom('policy_english').selectAll().where('policy_id', '=', policyId).executeTakeFirst();
  return row && rowToEnglishVersion(row);
}

/** Every policy with an English version, newest 发布日期 first (a library of hundreds, not millions). */
export async function englishPolicies(db: Db): Promise<EnglishPolicyRow[]> {
  const rows = await db
    .selectFrom('policy')
    .innerJoin('policy_english', 'policy_english.policy_id', 'policy.id')
    .select([
      'policy.id',
      'policy.doc_number',
      'policy.channel',
      'policy.published_on',
      'policy.effective_on',
      'policy.valid_until',
      'policy.status',
      'policy_english.title',
      'policy_english.summary',
      'policy_english.body',
      'policy_english.machine_translated',
      'policy_english.updated_at',
    ])
    .orderBy('policy.published_on', 'desc')
    .orderBy('policy.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    docNumber: row.doc_number,
    channel: row.channel,
    publishedOn: row.published_on,
    effectiveOn: row.effective_on,
    validUntil: row.valid_until,
    status: row.status,
    english: rowToEnglishVersion(row),
  }));
}

/** Which of `ids` have an English version. */
export async function idsWithEnglish(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('policy_english').select('policy_id').where('policy_id', 'in', ids).execute();
  return new Set(rows.map((row) => Number(row.policy_id)));
}

/** Creates or replaces a policy's English version. */
export async function putEnglishVersion(db: Db, row: PolicyEnglishTable): Promise<void> {
  const { policy_id, ...rest } = row;
  await db
    .insertInto('policy_english')
    .values(row)
    .onConflict((oc) => oc.column('policy_id').doUpdateSet(rest))
    .execute();
}

/** Removes a policy's English version; false when it had none. */
export async function deleteEnglishVersion(db: Db, policyId: number): Promise<boolean> {
  const result = await db.deleteFrom('policy_english').where('policy_id', '=', policyId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
