// The English search (/en/search): the site's index, which holds English versions with their
// articles, read for articles that have an English version, shown by their English text.
import { englishVersionsOf } from '../articles/article-english.store.ts';
import { articlesByIds } from '../articles/article.service.ts';
import { markdownToText } from '../articles/markdown.ts';
import type { Db } from '../db/database.ts';
import { foldWidthAndCase } from '../text/normalize.ts';
import { markedParts, snippetParts, type TextPart } from './highlight.ts';
import type { SearchIndex } from './search-index.ts';
import type { ParsedQuery } from './search-query.ts';
import { SEARCH_PAGE_SIZE } from './search.service.ts';

// Matches read before keeping those with an English version: editors write English versions one
// by one, so they are few among the best matches; past this many, the total is a lower bound.
const ENGLISH_CANDIDATES = 1000;

/** One English result: its English title and a snippet of its English summary and body. */
export interface EnglishSearchHit {
  id: number;
  titleParts: TextPart[];
  snippetParts: TextPart[];
  channel: string;
  publishedOn: string;
  machineTranslated: boolean;
}

/** A page of English results. */
export interface EnglishSearchResults {
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pageCount: number;
  hits: EnglishSearchHit[];
}

/** Articles with an English version that match `query`, best first; a phrase must occur in the English text. */
export async function searchEnglishArticles(db: Db, index: SearchIndex, query: ParsedQuery, page: number): Promise<EnglishSearchResults> {
  const candidates = await index.find(db, { match: query.match }, { limit: ENGLISH_CANDIDATES, offset: 0 });
  const versions = await englishVersionsOf(db, candidates.ids);
  const textOf = (id: number) => {
    const version = versions.get(id)!;
    return { title: version.title, text: `${version.summary}\n${markdownToText(version.body)}` };
  };
  const phrases = query.phrases.map(foldWidthAndCase);
  const matching = candidates.ids.filter((id) => {
    if (!versions.has(id)) return false;
    const { title, text } = textOf(id);
    // Phrases come without their spaces (search-query.ts, made for Chinese): compare without them.
    const folded = foldWidthAndCase(`${title}\n${text}`).replace(/\s+/gu, '');
    return phrases.every((phrase) => folded.includes(phrase));
  });
  const shownIds = matching.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);
  const articles = await articlesByIds(db, shownIds);
  const hits = articles.map((article) => {
    const { title, text } = textOf(article.id);
    return {
      id: article.id,
      titleParts: markedParts(title, query.highlights),
      snippetParts: snippetParts(text, query.highlights),
      channel: article.channel,
      publishedOn: article.publishedOn,
      machineTranslated: versions.get(article.id)!.machineTranslated,
    };
  });
  const total = matching.length;
  return { total, totalIsLowerBound: candidates.total > ENGLISH_CANDIDATES, page, pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)), hits };
}
