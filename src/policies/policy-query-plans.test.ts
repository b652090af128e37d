// The query plans SQLite picks for policy lists: a policy's row holds its whole text, so the lists,
// their counts and the filters must read the list index, never a row per policy tested.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { withQueryPlans } from '../../test/helpers/query-plans.ts';
import { fts5PolicyWords } from '../db/policy-words-fts5.ts';
import { listedPolicies, policyPage } from './policy.store.ts';

it('filters, counts and lists policies matching words through the list index', () =>
  withQueryPlans(async (db, plansOf) => {
    const keyword = { words: ['招商'], index: fts5PolicyWords };
    const [page, count] = await plansOf(() => policyPage(db, { keyword, channel: 'donghu', validity: 'in_force' }, '2026-11-30', 0, 20));
    assert.match(page!, /^SCAN policy USING INDEX policy_listing; LIST SUBQUERY 1; SCAN policy_search VIRTUAL TABLE/);
    assert.match(count!, /^SCAN policy USING COVERING INDEX policy_listing; LIST SUBQUERY 1; SCAN policy_search VIRTUAL TABLE/);
    assert.deepEqual(await plansOf(() => listedPolicies(db)), ['SCAN policy USING COVERING INDEX policy_listing']);
    assert.match((await plansOf(() => fts5PolicyWords.idsContaining(db, '招商')))[0]!, /^SCAN policy_search VIRTUAL TABLE INDEX 0:M\d/);
  }));
