// A newest-first list of article summaries with pagination.
import type { NavChannel } from '../../http/layout.tsx';
import type { ArticleListPage } from '../article.service.ts';

/** The summaries of one page of articles. */
export function ArticleList(props: { list: ArticleListPage; channelName: (slug: string) => NavChannel; basePath: string }) {
  const { list } = props;
  if (list.items.length === 0) return <p class="notice">本频道暂无文章。</p>;
  return (
    <>
      <ol class="article-list">
        {list.items.map((item) => {
          const channel = props.channelName(item.channel);
          return (
            <li class="article-card">
              <article>
                <div class="meta">
                  <a class="channel-tag" href={`/channels/${channel.slug}`}>{channel.name}</a>
                  <time datetime={item.publishedOn}>{item.publishedOn}</time>
                </div>
                <h2>
                  <a href={`/articles/${item.id}`}>{item.title}</a>
                </h2>
                <p>{item.excerpt}</p>
              </article>
            </li>
          );
        })}
      </ol>
      <Pagination page={list.page} pageCount={list.pageCount} basePath={props.basePath} />
    </>
  );
}

function Pagination(props: { page: number; pageCount: number; basePath: string }) {
  const { page, pageCount, basePath } = props;
  if (pageCount <= 1) return null;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}?page=${n}`);
  return (
    <nav class="pagination" aria-label="分页">
      {page > 1 ? <a href={href(page - 1)} rel="prev">上一页</a> : <span aria-hidden="true">上一页</span>}
      <span>
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount ? <a href={href(page + 1)} rel="next">下一页</a> : <span aria-hidden="true">下一页</span>}
    </nav>
  );
}
