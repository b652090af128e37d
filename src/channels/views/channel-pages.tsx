// The channel directory and one channel's newest-first list.
import type { ArticleListPage } from '../../articles/article.service.ts';
import { ArticleList } from '../../articles/views/article-list.tsx';
import type { RouteContext } from '../../http/app-deps.ts';
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { CHANNEL_KIND_LABELS, type Channel } from '../channel.ts';

/**
 * Every channel that has articles, with its count. An empty channel is left out, as from the
 * navigation: a listed channel with nothing in it is a fault in a government site's inspection.
 * Its page still answers, saying it has no articles yet.
 */
export function ChannelDirectoryPage(props: { chrome: PageChrome; channels: readonly Channel[]; counts: ReadonlyMap<string, number> }) {
  const listed = props.channels.filter((channel) => (props.counts.get(channel.slug) ?? 0) > 0);
  return (
    <Layout chrome={props.chrome} title="全部频道" section="/channels" description="南昌市各区县、开发区招商频道一览。">
      <h1>全部频道</h1>
      <ul class="channel-grid">
        {listed.map((channel) => (
          <li>
            <a href={`/channels/${channel.slug}`}>
              <strong>{channel.name}</strong>
              <span class="meta">
                {CHANNEL_KIND_LABELS[channel.kind]} · {props.counts.get(channel.slug)} 篇
              </span>
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** One channel, page N. */
export function ChannelPage(props: { chrome: PageChrome; channel: Channel; list: ArticleListPage; navChannel: RouteContext['navChannel'] }) {
  const { channel, list } = props;
  const heading = `${channel.name}招商`;
  return (
    <Layout
      chrome={props.chrome}
      title={list.page > 1 ? `${heading} 第${list.page}页` : heading}
      currentChannel={channel.slug}
      description={`${channel.name}招商引资资讯`}
      alternates={{
        'zh-CN': `/channels/${channel.slug}${list.page > 1 ? `?page=${list.page}` : ''}`,
        en: `/en/channels/${channel.slug}${list.page > 1 ? `?page=${list.page}` : ''}`,
      }}
      feeds={[{ title: heading, basePath: `/channels/${channel.slug}` }]}
    >
      <h1>{heading}</h1>
      <p class="page-lead">
        共 {list.total} 篇。
        <a href={`/channels/${channel.slug}/rss.xml`} type="application/rss+xml">
          RSS 订阅本频道
        </a>
      </p>
      <ArticleList list={list} channelName={props.navChannel} basePath={`/channels/${channel.slug}`} />
    </Layout>
  );
}
