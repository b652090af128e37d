// One article: title, channel, date, the body laid out as headings and paragraphs, neighbours.
import { Layout, type NavChannel, type PageChrome } from '../../http/layout.tsx';
import { sentenceAnchor } from '../sentence-link.ts';
import type { Article, ArticleSummary } from '../article.ts';
import { TOC_MIN_SECTIONS, type BodySection } from '../body-layout.ts';
import { articleBody } from './article-body.tsx';
import { articleMeta, newsArticleJsonLd } from './article-meta.ts';
import type { Attachment } from '../../uploads/attachment.ts';
import { AttachmentList } from '../../uploads/views/attachment-list.tsx';

export interface ArticlePageProps {
  chrome: PageChrome;
  article: Article;
  channel: NavChannel;
  newer: ArticleSummary | undefined;
  older: ArticleSummary | undefined;
  related: ArticleSummary[];
  /** A figure's sentence to mark, from a link on /data. */
  highlight?: { factId: number; sentence: string } | undefined;
  /** Whether an English version is written: the page then links it as its counterpart. */
  hasEnglish?: boolean;
  /** The article's attached files and pictures. */
  attachments?: readonly Attachment[];
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
    <Layout
      chrome={props.chrome}
      title={article.title}
      description={article.excerpt}
      currentChannel={channel.slug}
      alternates={props.hasEnglish ? { 'zh-CN': `/articles/${article.id}`, en: `/en/articles/${article.id}` } : undefined}
      feeds={[{ title: `${channel.name}招商`, basePath: `/channels/${channel.slug}` }]}
      article={articleMeta(article, channel.name)}
      jsonLd={newsArticleJsonLd(article, channel.name, props.chrome.site, props.chrome.address)}
    >
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
          <AttachmentList attachments={props.attachments ?? []} />
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
