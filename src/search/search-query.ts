// What a reader typed, turned into what the index looks for. Nothing typed is ever read as query
// syntax: quotes mark a phrase, everything else is words.
import type { SearchMatch } from '../db/search-sql.ts';
import { normalizeQuery } from '../text/normalize.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { characterPairs } from './indexed-text.ts';

export const MAX_QUERY_LENGTH = 100;

/** Why a query cannot be run, as the reader is told. */
export type QueryProblem = { code: 'empty' | 'too_long' | 'no_words'; message: string };

/** A query ready for the index. */
export interface ParsedQuery {
  /** What the reader typed, trimmed (shown back in the search box). */
  text: string;
  match: SearchMatch;
  /** Each phrase as folded text without spaces; a hit must contain it literally. */
  phrases: string[];
  /** Folded strings to mark in titles and snippets. */
  highlights: string[];
}

// Curly and corner quotes are how Chinese keyboards type quotation marks.
const QUOTES = /[“”„‟「」『』]/gu;
const PHRASE = /"([^"]*)"/gu;

/**
 * What finds the candidates for a phrase word. The segmenter can cut a phrase differently inside
 * other text (高新区 is one word of 南昌高新区), so a word of two or more Chinese characters is also
 * found through its pairs of adjacent characters (高新, 新区), which any text holding the word
 * holds too; the literal phrase is then confirmed on the article's text. Pairs, not single
 * characters: an article holds most common characters somewhere, so a phrase found through its
 * characters had up to a thousand candidates to confirm, each text read.
 */
function phraseWordMatch(term: string): SearchMatch {
  const pairs = characterPairs(term);
  if (pairs.length === 0) return { term };
  return { any: [{ term }, { all: pairs.map((pair) => ({ pair })) }] };
}

/** Parses a query, or says why it cannot be searched for. */
export function parseQuery(raw: string | undefined, segmenter: Segmenter): ParsedQuery | QueryProblem {
  const text = (raw ?? '').trim();
  if (text === '') return { code: 'empty', message: '请输入要搜索的关键词。' };
  if (Array.from(text).length > MAX_QUERY_LENGTH) {
    return { code: 'too_long', message: `搜索词太长了,请不要超过 ${MAX_QUERY_LENGTH} 个字。` };
  }
  const normalized = normalizeQuery(text).replace(QUOTES, '"');
  const all: SearchMatch[] = [];
  const phrases: string[] = [];
  const highlights = new Set<string>();
  const seenTerms = new Set<string>();
  const addTerm = (term: string) => {
    if (seenTerms.has(term)) return;
    seenTerms.add(term);
    all.push({ term });
    highlights.add(term);
  };

  // A quote without its partner is plain text, like every other character.
  const rest = normalized.replace(PHRASE, (_, phrase: string) => {
    const terms = segmenter.segment(phrase).terms;
    if (terms.length === 0) return ' ';
    const literal = phrase.replace(/\s+/gu, '');
    phrases.push(literal);
    highlights.add(literal);
    // The pairs that join one word to the next (区获 in 高新区获批) as well: a text holding both words
    // apart is no candidate.
    const wordPairs = new Set(terms.flatMap(characterPairs));
    const joiningPairs = characterPairs(literal).filter((pair) => !wordPairs.has(pair));
    all.push(...terms.map(phraseWordMatch), ...joiningPairs.map((pair) => ({ pair })));
    return ' ';
  });
  for (const chunk of rest.replaceAll('"', ' ').split(/\s+/u)) {
    for (const term of segmenter.segment(chunk).terms) addTerm(term);
  }
  if (all.length === 0) return { code: 'no_words', message: '搜索词里没有可以查找的文字或数字,请换个说法。' };
  return { text, match: { all }, phrases, highlights: [...highlights] };
}

/** True when parseQuery could not make a query. */
export function isQueryProblem(parsed: ParsedQuery | QueryProblem): parsed is QueryProblem {
  return 'code' in parsed;
}
