// The link to a sentence highlighted in its article (/articles/:id?hl=<id>), e.g. the sentence an
// indicator figure was read from. The article page asks the lookup it was given for the sentence.
import type { Db } from '../db/database.ts';

/** The query parameter the article page reads: the id of the item (a fact) whose sentence it marks. */
export const HIGHLIGHT_PARAM = 'hl';

/** The id of the mark around a highlighted sentence; the link's fragment scrolls there without script. */
export const sentenceAnchor = (id: number) => `fact-${id}`;

/** Where an item's sentence is highlighted in its article. */
export const sentenceHref = (item: { id: number; articleId: number }) => `/articles/${item.articleId}?${HIGHLIGHT_PARAM}=${item.id}#${sentenceAnchor(item.id)}`;

/** The sentence of article `articleId` that item `id` marks, or undefined when it marks none there. */
export type HighlightedSentence = (db: Db, articleId: number, id: number) => Promise<string | undefined>;
