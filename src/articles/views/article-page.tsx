// One article: title, channel, date, the body laid out as headings and paragraphs, neighbours.
import { Layout, type NavChannel, type PageChrome } from '../../http/layout.tsx';
import type { Article, ArticleSummary } from '../article.ts';
import { layoutBody } from '../body-layout.ts';
import { markdownToHtml } from '../markdown.ts';

export interface ArticlePageProps {
  chrome: PageChrome;
  article: Article;
  channel: NavChannel;
  newer: ArticleSummary | undefined;
  older: ArticleSummary | undefined;
  related: ArticleSummary[];
}

/** The article page. */
export function ArticlePage(props: ArticlePageProps) {
  const { article, channel } = props;
  return (
    <Layout chrome={props.chrome} title={article.title} description={article.excerpt} currentChannel={channel.slug}>
      <div class="layout-article">
        <article class="article">
          <header>
            <h1>{article.title}</h1>
            <div class="meta">
              <a class="channel-tag" href={`/channels/${channel.slug}`}>{channel.name}</a>
              <span>
                发布日期:<time datetime={article.publishedOn}>{article.publishedOn}</time>
              </span>
            </div>
          </header>
          {article.bodyFormat === 'markdown' ? (
            <div class="article-body" dangerouslySetInnerHTML={{ __html: markdownToHtml(article.body) }} />
          ) : (
            <div class="article-body">
              {layoutBody(article.body).map((block) =>
                block.kind === 'heading' ? <h2>{block.text}</h2> : block.kind === 'subheading' ? <h3>{block.text}</h3> : <p>{block.text}</p>,
              )}
            </div>
          )}
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
