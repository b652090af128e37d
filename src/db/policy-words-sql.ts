// Keyword search over the policy library: a policy matches when its folded text (search_text)
// contains every word as a substring. PostgreSQL reads the text (a LIKE per word); SQLite keeps a
// character-pair index (policy-words-fts5.ts), since reading every policy's text on each search
// cost 40–120 ms at 3,000 policies and every uncached /search page runs one.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';

/** Engine-specific SQL of the policy keyword search. */
export interface PolicyWordsSql {
  /** Creates what the engine needs to find words fast, and fills it from the stored policies. */
  createIndex(db: Kysely<unknown>): Promise<void>;
  /** A condition on the `policy` table: its search_text contains every word (folded, non-empty). */
  containingEvery(words: readonly string[]): RawBuilder<boolean>;
  /** The ids of the policies whose search_text contains the word (folded, non-empty). */
  idsContaining(db: Db, word: string): Promise<number[]>;
  /** One bounded step of merging the engine's index into one piece; false once nothing is left. */
  compactStep(db: Db): Promise<boolean>;
}

/** Reads search_text: a substring match per word. */
export const likePolicyWords: PolicyWordsSql = {
  createIndex: async () => undefined,
  compactStep: async () => false,
  containingEvery(words) {
    const conditions = words.map((word) => sql<boolean>`${sql.ref('policy.search_text')} like ${`%${word.replace(/[\\%_]/gu, '\\$&')}%`} escape '\\'`);
    return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
  },
  async idsContaining(db, word) {
    const rows = await db
      .selectFrom('policy')
      .select('id')
      .where(likePolicyWords.containingEvery([word]))
      .execute();
    return rows.map((row) => Number(row.id));
  },
};
