// An article's text as the index stores it: segmented words of title and body, the sub-words
// inside them, every Chinese character and pair of adjacent ones, and the words its related
// articles are looked up by. Pure, so a worker thread can compute it too.
import { foldWidthAndCase } from '../text/normalize.ts';
import type { Segmenter } from '../text/segmenter.ts';

/** The segmented fields of a document (search-sql.ts SearchDocument), each terms joined by spaces. */
export interface IndexedText {
  title: string;
  body: string;
  subwords: string;
  chars: string;
  /** Pairs of adjacent Chinese characters, as characterPairs gives them, joined by spaces. */
  pairs: string;
  /** The words related articles are looked up by (relatedTerms), cut here so a worker thread does it too. */
  relatedTerms: string[];
}

/** An article's English version as the index reads it: plain text, Markdown already rendered. */
export interface EnglishText {
  title: string;
  summary: string;
  body: string;
}

/**
 * The texts an article is indexed from. The English version is indexed with the Chinese text, so
 * that the site's search finds an article by its English words too; it is required (undefined when
 * there is none) so that no path that indexes an article can forget it.
 */
export interface ArticleText {
  title: string;
  body: string;
  english: EnglishText | undefined;
}

const HAN = /\p{Script=Han}/gu;
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * The version of what indexedTextOf puts in the index. Raise it when that changes, so that every
 * site rebuilds its index once on start (search.service.ts ensureSearchIndexCurrent). 2: English
 * versions. 3: pairs of adjacent characters.
 */
export const INDEXED_TEXT_VERSION = 3;

/** Each distinct pair of adjacent Chinese characters in `text`, in order of appearance. */
export function characterPairs(text: string): string[] {
  const pairs = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = Array.from(run);
    for (let i = 1; i < chars.length; i++) pairs.add(`${chars[i - 1]}${chars[i]}`);
  }
  return [...pairs];
}

/** The one place that decides what an article's indexed text is: every path that indexes calls it. */
export function indexedTextOf(segmenter: Segmenter, { title, body, english }: ArticleText): IndexedText {
  const chineseTitle = segmenter.segment(title);
  const chineseBody = segmenter.segment(body);
  // The English title weighs as a title; the summary and body as body text.
  const titleParts = english ? [chineseTitle, segmenter.segment(english.title)] : [chineseTitle];
  const bodyParts = english ? [chineseBody, segmenter.segment(`${english.summary}\n${english.body}`)] : [chineseBody];
  const titleTerms = titleParts.flatMap((words) => words.terms);
  const bodyTerms = bodyParts.flatMap((words) => words.terms);
  const chars = new Set([...titleTerms, ...bodyTerms].join('').match(HAN) ?? []);
  // From the texts as written (folded as the segmenter folds them), not from their words joined:
  // that would join characters that punctuation separates (提升,南昌), and a phrase across it
  // (提升南昌), which no text holds, would find every article that has both words as candidates.
  const texts = english ? [title, body, english.title, english.summary, english.body] : [title, body];
  const pairs = new Set(texts.flatMap((text) => characterPairs(foldWidthAndCase(text))));
  return {
    title: titleTerms.join(' '),
    body: bodyTerms.join(' '),
    subwords: [...new Set([...titleParts, ...bodyParts].flatMap((words) => words.subwords))].join(' '),
    chars: [...chars].join(' '),
    pairs: [...pairs].join(' '),
    // From the Chinese text alone: the words a page computes on the fly for an article not stored yet.
    relatedTerms: relatedTerms(chineseTitle.terms, chineseBody.terms),
  };
}

// How many of the body's most frequent words a related-articles match takes.
const RELATED_BODY_TERMS = 5;

/** The words of a related-articles match: the title's words, then the body's most frequent ones. */
export function relatedTerms(titleTerms: readonly string[], bodyTerms: readonly string[]): string[] {
  const meaningful = (term: string) => Array.from(term).length > 1 && !/^\d+$/.test(term);
  const frequency = new Map<string, number>();
  for (const term of bodyTerms.filter(meaningful)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const frequent = [...frequency]
    .sort((a, b) => b[1] - a[1])
    .slice(0, RELATED_BODY_TERMS)
    .map(([term]) => term);
  return [...new Set([...titleTerms.filter(meaningful), ...frequent])];
}
