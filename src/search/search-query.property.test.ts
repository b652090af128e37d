// Property tests for the query parser: any text a reader can type is either refused with a Chinese
// message or becomes a query of non-empty words; it never throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { SearchMatch } from '../db/search-sql.ts';
import { anyInput, anyText } from '../../test/helpers/arbitraries.ts';
import { segmenter } from '../../test/helpers/seed.ts';
import { isQueryProblem, MAX_QUERY_LENGTH, parseQuery } from './search-query.ts';

const childrenOf = (match: SearchMatch): SearchMatch[] | undefined => ('all' in match ? match.all : 'any' in match ? match.any : undefined);
const termsOf = (match: SearchMatch): string[] => ('term' in match ? [match.term] : 'pair' in match ? [] : childrenOf(match)!.flatMap(termsOf));
const pairsOf = (match: SearchMatch): string[] => ('pair' in match ? [match.pair] : (childrenOf(match)?.flatMap(pairsOf) ?? []));
const groupsOf = (match: SearchMatch): SearchMatch[][] => {
  const children = childrenOf(match);
  return children ? [children, ...children.flatMap(groupsOf)] : [];
};

describe('search query parser (fast-check)', () => {
  it('refuses with a Chinese message or yields non-empty words, for any text', () => {
    // Quotes and spaces are what the parser gives meaning to: mix them in often.
    const typed = fc.oneof(
      anyInput(150),
      fc.array(fc.oneof(anyText(6), fc.constantFrom('"', '“', '」', ' ', '\u3000', '税收', '高新区')), { maxLength: 20 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(typed, (raw) => {
        const parsed = parseQuery(raw, segmenter);
        if (isQueryProblem(parsed)) {
          assert.ok(['empty', 'too_long', 'no_words'].includes(parsed.code));
          assert.match(parsed.message, /[\u4e00-\u9fff]/u);
          if (parsed.code === 'too_long') assert.ok(Array.from(raw.trim()).length > MAX_QUERY_LENGTH);
          return;
        }
        assert.equal(parsed.text, raw.trim());
        const terms = termsOf(parsed.match);
        assert.ok(terms.length > 0);
        for (const term of terms) assert.ok(term.trim() !== '', `empty word in ${JSON.stringify(raw)}`);
        for (const group of groupsOf(parsed.match)) assert.ok(group.length > 0, 'no empty all/any');
        for (const phrase of parsed.phrases) assert.ok(phrase !== '' && !/\s/u.test(phrase));
        // A pair is two adjacent Chinese characters of a phrase, which any text holding it holds.
        for (const pair of pairsOf(parsed.match)) {
          assert.match(pair, /^\p{Script=Han}{2}$/u);
          assert.ok(
            parsed.phrases.some((phrase) => phrase.includes(pair)),
            pair,
          );
        }
        for (const highlight of parsed.highlights) assert.ok(highlight !== '');
      }),
      { numRuns: 3000 },
    );
  });
});
