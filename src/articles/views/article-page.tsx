// One article: title, channel, date, the body laid out as headings and paragraphs, neighbours.
import { Layout, type NavChannel, type PageChrome } from '../../http/layout.tsx';
import { sentenceAnchor } from '../sentence-link.ts';
import { markInHtml, markSentences } from '../../lib/highlight.ts';
import type { Article, ArticleSummary } from '../article.ts';
import { bodySections, layoutBody, sectionId, TOC_MIN_SECTIONS, type BodyBlock, type BodySection } from '../body-layout.ts';
import { markdownToHtml } from '../markdown.ts';

export interface ArticlePageProps {
  chrome: PageChrome;
  article: Article;
  channel: NavChannel;
  newer: ArticleSummary | undefined;
  older: ArticleSummary | undefined;
  related: ArticleSummary[];
  /** A figure's sentence to mark, from a link on /data. */
  highlight?: { factId: number; sentence: string } | undefined;
}

/** The body with the highlighted sentence marked where the text holds it; `marked` says whether it did. */
function articleBody(article: Article, highlight: ArticlePageProps['highlight']) {
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

/** 目录: a link to each section of a long text. */
function TableOfContents(props: { sections: BodySection[] }) {
  return (
    <nav class="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading">目录</h2>
      <ol>
        {props.sections.map((section) => (
          <li>
            <a href={`#${section.id}`}>{section.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The article page. */
export function ArticlePage(props: ArticlePageProps) {
  const { article, channel, highlight } = props;
  const body = articleBody(article, highlight);
  return (
    <Layout chrome={props.chrome} title={article.title} description={article.excerpt} currentChannel={channel.slug}>
      <div class="layout-article">
        <article class="article">
          <header>
            <h1>{article.title}</h1>
            <div class="meta">
              <a class="channel-tag" href={`/channels/${channel.slug}`}>
                {channel.name}
              </a>
              <span>
                发布日期:<time datetime={article.publishedOn}>{article.publishedOn}</time>
              </span>
            </div>
          </header>
          {highlight && !body.marked && (
            // The sentence as read, when the page lays the text out differently (across paragraphs or markup).
            <p class="notice">
              数据出处原句:<mark id={sentenceAnchor(highlight.factId)}>{highlight.sentence}</mark>
            </p>
          )}
          {body.sections.length >= TOC_MIN_SECTIONS && <TableOfContents sections={body.sections} />}
          {body.body}
          <nav class="article-nav" aria-label="上一篇和下一篇">
            <div>上一篇:{props.newer ? <a href={`/articles/${props.newer.id}`}>{props.newer.title}</a> : '没有了'}</div>
            <div>下一篇:{props.older ? <a href={`/articles/${props.older.id}`}>{props.older.title}</a> : '没有了'}</div>
          </nav>
        </article>
        <aside class="aside-box" aria-labelledby="related-heading">
          <h2 id="related-heading">相关文章</h2>
          {props.related.length === 0 ? (
            <p>暂无相关文章。</p>
          ) : (
            <ul>
              {props.related.map((item) => (
                <li>
                  <a href={`/articles/${item.id}`}>{item.title}</a>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </Layout>
  );
}
