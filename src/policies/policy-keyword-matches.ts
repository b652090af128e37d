// Keyword search over the policy library, answered from memory between content changes. Every
// uncached search page also lists the policies its words find, and asking the engine for them cost
// about 3–6 ms a search at 3,000 policies (bench:search-phases): the engine finds each word's
// policies (the FTS5 pairs index or a LIKE) and then reads the list index to test the filters, twice,
// for the page and for the count. Policies change rarely and readers' words repeat, so each process
// keeps, per content version, the list order with the filtered columns of every policy (a few
// hundred bytes each) and, for the words asked lately, which policies contain them (a bit each).
import type { Db } from '../db/database.ts';
import type { PolicyWordsSql } from '../db/policy-words-sql.ts';
import { validityOf } from './policy.ts';
import * as store from './policy.store.ts';

// Words whose matches are kept, the least recently asked forgotten first: at 3,000 policies a word
// costs 375 bytes.
const WORDS_KEPT = 2000;

/** The matches of one content version. */
interface VersionMatches {
  version: number;
  listing: Promise<Listing>;
  words: Map<string, Promise<Uint32Array>>;
}

/** Every policy in list order (newest 发布日期 first), and where each id stands in it. */
interface Listing {
  rows: store.ListedPolicy[];
  positionOf: Map<number, number>;
}

/** The words of a keyword search, and the other filters of a policy list. */
export type WordsFilter = Omit<store.PolicyFilter, 'keyword'> & { words: readonly string[] };

/** Pages of the policies matching words and filters, as store.policyPage gives them. */
export class PolicyKeywordMatches {
  private kept: VersionMatches | undefined;

  constructor(
    private readonly index: PolicyWordsSql,
    private readonly currentVersion: () => Promise<number>,
  ) {}

  /** The ids on one page (newest 发布日期 first) and how many match in all. */
  async page(db: Db, filter: WordsFilter, today: string, offset: number, limit: number): Promise<{ ids: number[]; total: number }> {
    const matches = await this.matchesOf(db);
    const { rows } = await matches.listing;
    const wordSets = await Promise.all(filter.words.map((word) => this.containing(db, matches, word)));
    const ids: number[] = [];
    let total = 0;
    for (let block = 0; block * 32 < rows.length; block += 1) {
      let bits = 0xffffffff;
      for (const set of wordSets) bits &= set[block]!;
      for (; bits !== 0; bits &= bits - 1) {
        const position = block * 32 + (31 - Math.clz32(bits & -bits));
        if (!passes(rows[position]!, filter, today)) continue;
        if (total >= offset && ids.length < limit) ids.push(rows[position]!.id);
        total += 1;
      }
    }
    return { ids, total };
  }

  private async matchesOf(db: Db): Promise<VersionMatches> {
    // The version is read before the listing, so a listing is never kept under a newer version.
    const version = await this.currentVersion();
    if (this.kept?.version !== version) {
      const listing = store.listedPolicies(db).then((rows) => ({ rows, positionOf: new Map(rows.map((row, position) => [row.id, position])) }));
      this.kept = { version, listing, words: new Map() };
      listing.catch(() => this.forget(version));
    }
    return this.kept;
  }

  /**
   * One bit per listed policy, set where its text contains the word, asked of the engine: at 3,000
   * policies (9.6 million characters) it answers in 0.3–0.7 ms of CPU a word, where testing every
   * text in JS took 2.8–3.7 ms and a character-pair index kept in JS answered in 0.33–0.38 ms but
   * took about 3 s of CPU to build for each content version, and some 30 MB (measured on the bench
   * corpus's 1,369 words, results identical).
   */
  private containing(db: Db, matches: VersionMatches, word: string): Promise<Uint32Array> {
    let bits = matches.words.get(word);
    if (bits) {
      // Asked again: it moves to the end of the forgetting order.
      matches.words.delete(word);
    } else {
      bits = matches.listing.then(async ({ rows, positionOf }) => {
        const set = new Uint32Array(Math.ceil(rows.length / 32));
        for (const id of await this.index.idsContaining(db, word)) {
          // A policy written after the listing was read belongs to the next version.
          const position = positionOf.get(id);
          if (position !== undefined) set[position >>> 5]! |= 1 << (position & 31);
        }
        return set;
      });
      bits.catch(() => matches.words.delete(word));
      if (matches.words.size >= WORDS_KEPT) matches.words.delete(matches.words.keys().next().value!);
    }
    matches.words.set(word, bits);
    return bits;
  }

  private forget(version: number): void {
    if (this.kept?.version === version) this.kept = undefined;
  }
}

/** Whether a policy passes the filters besides the words, as store.policyPage applies them (an empty filter is none). */
function passes(policy: store.ListedPolicy, filter: WordsFilter, today: string): boolean {
  if (filter.topic && policy.topic !== filter.topic) return false;
  if (filter.level && policy.level !== filter.level) return false;
  if (filter.channel && policy.channel !== filter.channel) return false;
  if (filter.from && policy.publishedOn < filter.from) return false;
  if (filter.to && policy.publishedOn > filter.to) return false;
  return !filter.validity || validityOf(policy, today) === filter.validity;
}
