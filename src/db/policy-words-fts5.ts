// The policy keyword index on SQLite: every policy's folded text as a sequence of character
// pairs, one token per position, in an FTS5 table. A word of n ≥ 2 characters occurs in the text
// exactly where its n−1 pairs follow each other, which is an FTS5 phrase; a one-character word is
// looked up among the text's distinct characters. So the index answers the same question as a
// substring match (LIKE '%word%'), without reading the texts. Triggers keep it in step with the
// policy table, whoever writes it (the console, an import, a restore from backup), through two SQL
// functions every connection of the application registers (connect.ts).
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { PolicyWordsSql } from './policy-words-sql.ts';
import { mergeStep } from './fts5-merge.ts';

const TABLE = 'policy_search';
const PAIRS_FUNCTION = 'policy_search_pairs';
const CHARS_FUNCTION = 'policy_search_chars';

// A code point as a token of letters and digits, which FTS5's unicode61 tokenizer keeps whole.
const hex = (char: string) => char.codePointAt(0)!.toString(16);
const pair = (first: string, second: string) => `${hex(first)}x${hex(second)}`;

/** The text's consecutive character pairs as tokens, in order. */
export function characterPairs(text: string): string {
  const chars = Array.from(text);
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(pair(chars[i]!, chars[i + 1]!));
  return tokens.join(' ');
}

/** The text's distinct characters as tokens. */
export function distinctCharacters(text: string): string {
  return [...new Set(Array.from(text))].map(hex).join(' ');
}

/** The FTS5 query that finds the texts containing `word`. */
function wordQuery(word: string): string {
  const chars = Array.from(word);
  if (chars.length === 1) return `chars : "${hex(chars[0]!)}"`;
  return `pairs : "${characterPairs(word)}"`;
}

/** Registers the functions the index's triggers call; on every connection, before it writes policies. */
export function registerPolicyWordFunctions(database: SQLite.Database): void {
  database.function(PAIRS_FUNCTION, { deterministic: true }, (text: unknown) => characterPairs(String(text ?? '')));
  database.function(CHARS_FUNCTION, { deterministic: true }, (text: unknown) => distinctCharacters(String(text ?? '')));
}

const document = (row: 'new') => sql.raw(`${row}.id, ${PAIRS_FUNCTION}(${row}.search_text), ${CHARS_FUNCTION}(${row}.search_text)`);

export const fts5PolicyWords: PolicyWordsSql = {
  async createIndex(db) {
    await sql`create virtual table ${sql.table(TABLE)} using fts5(
      pairs, chars, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
    await sql`create trigger ${sql.raw(`${TABLE}_insert`)} after insert on policy begin
      insert into ${sql.table(TABLE)} (rowid, pairs, chars) values (${document('new')});
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${TABLE}_update`)} after update of id, search_text on policy begin
      delete from ${sql.table(TABLE)} where rowid = old.id;
      insert into ${sql.table(TABLE)} (rowid, pairs, chars) values (${document('new')});
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${TABLE}_delete`)} after delete on policy begin
      delete from ${sql.table(TABLE)} where rowid = old.id;
    end`.execute(db);
    await sql`insert into ${sql.table(TABLE)} (rowid, pairs, chars)
      select id, ${sql.raw(PAIRS_FUNCTION)}(search_text), ${sql.raw(CHARS_FUNCTION)}(search_text) from policy`.execute(db);
  },

  containingEvery(words) {
    const query = words.map(wordQuery).join(' AND ');
    // The unary + keeps SQLite from looking each match up by id, which reads its whole row: it scans
    // the covering list index instead and tests the other filters there (migration covering-policy-lists).
    return sql<boolean>`+${sql.ref('policy.id')} in (select rowid from ${sql.table(TABLE)} where ${sql.table(TABLE)} match ${query})`;
  },

  compactStep: (db) => mergeStep(db, TABLE, 200),
  async idsContaining(db, word) {
    const { rows } = await sql<{ id: number }>`select rowid as id from ${sql.table(TABLE)} where ${sql.table(TABLE)} match ${wordQuery(word)}`.execute(db);
    return rows.map((row) => Number(row.id));
  },
};
