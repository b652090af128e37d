// English versions of policies: the English policy library and how editors of a policy's channel
// write one (audited like every other edit).
import { canActOn, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import type { EnglishVersion, EnglishVersionInput } from '../i18n/english-version.ts';
import { chinaDate } from '../lib/china-time.ts';
import { validityOf, type Policy, type PolicyValidity } from './policy.ts';
import * as store from './policy-english.store.ts';
import { countPolicies, policyById, updatePolicy } from './policy.store.ts';
import { policySearchText } from './policy.service.ts';

/** A policy with an English version and the validity readers see today. */
export type EnglishPolicy = store.EnglishPolicyRow & { validity: PolicyValidity };

/** The English library: policies with an English version, optionally of one validity, and how many policies there are in all. */
export async function englishPolicyList(db: Db, validity: PolicyValidity | undefined, now = new Date()): Promise<{ items: EnglishPolicy[]; total: number }> {
  const today = chinaDate(now);
  const all = (await store.englishPolicies(db)).map((row) => ({ ...row, validity: validityOf(row, today) }));
  return { items: validity === undefined ? all : all.filter((row) => row.validity === validity), total: await countPolicies(db) };
}

/** A policy with its validity today and its English version (undefined when none is written yet); undefined for an unknown id. */
export async function policyInEnglish(
  db: Db,
  id: number,
  now = new Date(),
): Promise<{ policy: Policy & { validity: PolicyValidity }; english: EnglishVersion | undefined } | undefined> {
  const policy = await policyById(db, id);
  if (!policy) return undefined;
  return { policy: { ...policy, validity: validityOf(policy, chinaDate(now)) }, english: await store.englishVersionOf(db, id) };
}

/** Whether a policy has an English version (the Chinese page's hreflang links). */
export async function policyHasEnglish(db: Db, id: number): Promise<boolean> {
  return (await store.idsWithEnglish(db, [id])).has(id);
}

/** Which of `ids` have an English version (the console's list). */
export function policiesWithEnglish(db: Db, ids: readonly number[]): Promise<Set<number>> {
  return store.idsWithEnglish(db, ids);
}

/** The English version of a policy the user may edit, or 'not_found' outside the user's channels. */
export async function policyEnglishForEditing(
  db: Db,
  user: ConsoleUser,
  id: number,
): Promise<{ title: string; english: EnglishVersion | undefined } | 'not_found'> {
  const policy = await policyById(db, id);
  if (!policy || !canActOn(user, policy.channel)) return 'not_found';
  return { title: policy.title, english: await store.englishVersionOf(db, id) };
}

/** Saves (or with `input` null removes) a policy's English version, with an audit record, in one transaction. */
export async function savePolicyEnglish(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  input: EnglishVersionInput,
  now = new Date(),
): Promise<'saved' | 'removed' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const policy = await policyById(trx, id);
    if (!policy || !canActOn(user, policy.channel)) return 'not_found';
    const before = await store.englishVersionOf(trx, id);
    if (input === null) {
      if (!(await store.deleteEnglishVersion(trx, id))) return 'removed';
    } else {
      await store.putEnglishVersion(trx, {
        policy_id: id,
        title: input.title,
        summary: input.summary,
        body: input.body,
        machine_translated: input.machineTranslated ? 1 : 0,
        updated_at: now.toISOString(),
        updated_by: actor.userName,
      });
    }
    await updatePolicy(trx, id, { search_text: policySearchText(policy, input ?? undefined) });
    await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      {
        action: input === null ? 'policy.english_remove' : 'policy.english_update',
        targetType: 'policy',
        targetId: id,
        before: before && { title: before.title, machineTranslated: before.machineTranslated },
        after: input === null ? undefined : { title: input.title, machineTranslated: input.machineTranslated },
        channel: policy.channel,
      },
      now,
    );
    return input === null ? 'removed' : 'saved';
  });
}
