// The link from a figure to its sentence, highlighted in the article (/articles/:id?hl=<fact id>).

/** The query parameter the article page reads: the id of the fact whose sentence it marks. */
export const HIGHLIGHT_PARAM = 'hl';

/** The id of the mark around a fact's sentence; the link's fragment scrolls there without script. */
export const sentenceAnchor = (factId: number) => `fact-${factId}`;

/** Where a figure's sentence is highlighted in its article. */
export const sentenceHref = (fact: { id: number; articleId: number }) => `/articles/${fact.articleId}?${HIGHLIGHT_PARAM}=${fact.id}#${sentenceAnchor(fact.id)}`;
