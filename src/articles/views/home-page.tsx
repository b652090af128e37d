// The home page: the newest articles of every channel.
import { Layout, type PageChrome } from '../../http/layout.tsx';
import type { ArticleListPage } from '../article.service.ts';
import type { RouteContext } from '../../http/app-deps.ts';
import { ArticleList } from './article-list.tsx';

/** Home, page N. */
export function HomePage(props: { chrome: PageChrome; list: ArticleListPage; navChannel: RouteContext['navChannel'] }) {
  const { chrome, list } = props;
  return (
    <Layout
      chrome={chrome}
      title={list.page > 1 ? `最新资讯 第${list.page}页` : '最新资讯'}
      home={list.page === 1}
      description="南昌市及各区县、开发区招商引资最新资讯"
      alternates={{ 'zh-CN': list.page > 1 ? `/?page=${list.page}` : '/', en: list.page > 1 ? `/en?page=${list.page}` : '/en' }}
    >
      <h1>最新招商资讯</h1>
      <p class="page-lead">共 {list.total} 篇,按发布时间从新到旧排列。</p>
      <ArticleList list={list} channelName={props.navChannel} basePath="/" />
    </Layout>
  );
}
