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

/**
 * The version of what indexedTextOf puts in the index. Raise it when that changes, so that every
 * site rebuilds its index once on start (search.service.ts ensureSearchIndexCurrent). 2: English versions.
 */
export const INDEXED_TEXT_VERSION = 2;

/** The one place that decides what an article's indexed text is: every path that indexes calls it. */
export function indexedTextOf(segmenter: Segmenter, { title, body, english }: ArticleText): IndexedText {
  // The English title weighs as a title; the summary and body as body text.
  const titleWords = segmenter.segment(english ? `${title}\n${english.title}` : title);
  const bodyWords = segmenter.segment(english ? `${body}\n${english.summary}\n${english.body}` : body);
  const chars = new Set([...titleWords.terms, ...bodyWords.terms].join('').match(HAN) ?? []);
  return {
    title: titleWords.terms.join(' '),
    body: bodyWords.terms.join(' '),
    subwords: [...new Set([...titleWords.subwords, ...bodyWords.subwords])].join(' '),
    chars: [...chars].join(' '),
  };
}
