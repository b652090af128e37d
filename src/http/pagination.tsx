// Previous / next links with the page position, shared by every paged list.

/** Pagination for page `page` of `pageCount`; `href(n)` is the URL of page n. */
export function Pagination(props: { page: number; pageCount: number; href: (page: number) => string }) {
  const { page, pageCount, href } = props;
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="分页">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          上一页
        </a>
      ) : (
        <span aria-hidden="true">上一页</span>
      )}
      <span>
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next">
          下一页
        </a>
      ) : (
        <span aria-hidden="true">下一页</span>
      )}
    </nav>
  );
}
