// An article's text as the index stores it: segmented words of title and body, the sub-words
// inside them, every Chinese character, and the words its related articles are looked up by. Pure, so a worker thread can compute it too.
import type { Segmenter } from '../text/segmenter.ts';

/** The segmented fields of a document (search-sql.ts SearchDocument), each terms joined by spaces. */
export interface IndexedText {
  title: string;
  body: string;
  subwords: string;
  chars: string;
  /** The words related articles are looked up by (relatedTerms), cut here so a worker thread does it too. */
  relatedTerms: string[];
}

/** The texts an article is indexed from. */
export interface ArticleText {
  title: string;
  body: string;
}

const HAN = /\p{Script=Han}/gu;

export function indexedTextOf(segmenter: Segmenter, { title, body }: ArticleText): IndexedText {
  const titleWords = segmenter.segment(title);
  const bodyWords = segmenter.segment(body);
  const chars = new Set([...titleWords.terms, ...bodyWords.terms].join('').match(HAN) ?? []);
  return {
    title: titleWords.terms.join(' '),
    body: bodyWords.terms.join(' '),
    subwords: [...new Set([...titleWords.subwords, ...bodyWords.subwords])].join(' '),
    chars: [...chars].join(' '),
    relatedTerms: relatedTerms(titleWords.terms, bodyWords.terms),
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
