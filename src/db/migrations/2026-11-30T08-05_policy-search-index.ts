// Issue #17: keyword search over policies through an index where the engine has one (SQLite's
// character-pair index, see db/policy-words-fts5.ts), filled here from the stored policies.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await dialect.policyWords.createIndex(db);
}
