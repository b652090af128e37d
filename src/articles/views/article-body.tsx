// An article's body as its page shows it (and its feeds carry it): text bodies laid out by
// body-layout.ts, Markdown ones rendered by markdown.ts.
import { markInHtml, markSentences } from '../../lib/highlight.ts';
import type { Article } from '../article.ts';
import { bodySections, layoutBody, sectionId, type BodyBlock } from '../body-layout.ts';
import { markdownToHtml } from '../markdown.ts';
import { sentenceAnchor } from '../sentence-link.ts';

/** The body with the highlighted sentence marked where the text holds it; `marked` says whether it did. */
export function articleBody(article: Pick<Article, 'body' | 'bodyFormat'>, highlight: { factId: number; sentence: string } | undefined) {
  const anchor = highlight && sentenceAnchor(highlight.factId);
  if (article.bodyFormat === 'markdown') {
    const html = markdownToHtml(article.body);
    const marked = highlight && markInHtml(html, highlight.sentence, anchor!);
    return { marked: marked !== undefined, sections: [], body: <div class="article-body" dangerouslySetInnerHTML={{ __html: marked ?? html }} /> };
  }
  let marked = false;
  const inline = (block: BodyBlock) => {
    if (!highlight || marked) return block.text;
    const { pieces, found } = markSentences(block.text, [{ id: highlight.factId, sentence: highlight.sentence }]);
    if (found.size === 0) return block.text;
    marked = true;
    return pieces.map((piece) => (piece.ids ? <mark id={anchor}>{piece.text}</mark> : piece.text));
  };
  const layout = layoutBody(article.body);
  const sections = bodySections(layout);
  let headings = 0;
  const blocks = layout.map((block) =>
    block.kind === 'heading' ? (
      <h2 id={sectionId(headings++)}>{inline(block)}</h2>
    ) : block.kind === 'subheading' ? (
      <h3>{inline(block)}</h3>
    ) : (
      <p>{inline(block)}</p>
    ),
  );
  return { marked, sections, body: <div class="article-body">{blocks}</div> };
}

/** The body's HTML exactly as the article page renders it without a highlighted sentence. */
export function articleBodyHtml(article: Pick<Article, 'body' | 'bodyFormat'>): string {
  const html = articleBody(article, undefined).body.toString();
  if (typeof html !== 'string') throw new Error('Article bodies must render synchronously');
  return html;
}
