// The query plans SQLite picks for policy lists: a policy's row holds its whole text, so the lists,
// their counts and the filters must read the list index, never a row per policy tested.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { testDialects } from '../../test/helpers/test-db.ts';
import type { Db } from '../db/database.ts';
import { fts5PolicyWords } from '../db/policy-words-fts5.ts';
import { listedPolicies, policyPage } from './policy.store.ts';

it('filters, counts and lists policies matching words through the list index', async () => {
  const sqlite = testDialects().find((dialect) => dialect.name === 'sqlite')!;
  const opened = await sqlite.open();
  const database = new SQLite(opened.sqlitePath!);
  const queries: CompiledQuery[] = [];
  const db = new Kysely({ dialect: new SqliteDialect({ database }), log: (event) => void queries.push(event.query) }) as Db;
  try {
    const plans = async (run: () => Promise<unknown>): Promise<string[]> => {
      queries.length = 0;
      await run();
      return queries.map((query) =>
        (database.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[])
          .map((row) => row.detail)
          .join('; '),
      );
    };
    const keyword = { words: ['招商'], index: fts5PolicyWords };
    const [page, count] = await plans(() => policyPage(db, { keyword, channel: 'donghu', validity: 'in_force' }, '2026-11-30', 0, 20));
    assert.match(page!, /^SCAN policy USING INDEX policy_listing; LIST SUBQUERY 1; SCAN policy_search VIRTUAL TABLE/);
    assert.match(count!, /^SCAN policy USING COVERING INDEX policy_listing; LIST SUBQUERY 1; SCAN policy_search VIRTUAL TABLE/);
    assert.deepEqual(await plans(() => listedPolicies(db)), ['SCAN policy USING COVERING INDEX policy_listing']);
    assert.match((await plans(() => fts5PolicyWords.idsContaining(db, '招商')))[0]!, /^SCAN policy_search VIRTUAL TABLE INDEX 0:M\d/);
  } finally {
    await db.destroy();
    await opened.close();
  }
});
