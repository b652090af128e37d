// An article's text as the index stores it: segmented words of title and body, the sub-words
// inside them, and every Chinese character. Pure, so a worker thread can compute it too.
import type { Segmenter } from '../text/segmenter.ts';

/** The segmented fields of a document (search-sql.ts SearchDocument), each terms joined by spaces. */
export interface IndexedText {
  title: string;
  body: string;
  subwords: string;
  chars: string;
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
  };
}
