// 网站地图: every public section of the site and each channel with articles, grouped and linked.
import { CHANNEL_KIND_LABELS } from '../../channels/channel.ts';
import { Layout, type PageChrome } from '../../http/layout.tsx';
import type { ChannelGroup } from '../sitemap.service.ts';

type SectionLink = { href: string; label: string; type?: string };

type Section = { heading: string; links: readonly SectionLink[] };

// The site's own sections, as the navigation, the footer and the forms name them: the lists
// before the channels, then the services.
const LIST_SECTION: Section = {
  heading: '栏目',
  links: [
    { href: '/', label: '首页' },
    { href: '/channels', label: '全部频道' },
    { href: '/data', label: '经济数据' },
    { href: '/projects', label: '项目库' },
    { href: '/policies', label: '政策文件库' },
    { href: '/parks', label: '载体库' },
    { href: '/enterprises', label: '入驻企业名录' },
    { href: '/search', label: '站内搜索' },
  ],
};
const SERVICE_SECTIONS: readonly Section[] = [
  {
    heading: '互动服务',
    links: [
      { href: '/submit', label: '投稿' },
      { href: '/submit/status', label: '投稿进度查询' },
      { href: '/enterprises/apply', label: '企业入驻申请' },
      { href: '/enterprises/status', label: '入驻申请进度查询' },
      { href: '/contact', label: '联系我们(在线留言)' },
      { href: '/contact/status', label: '留言进度查询' },
      { href: '/qa', label: '公开问答' },
      { href: '/qa/ask', label: '我要提问' },
      { href: '/qa/status', label: '提问办理进度查询' },
      { href: '/qa/stats', label: '问答办理统计' },
      { href: '/appeals', label: '企业诉求' },
      { href: '/appeals/stats', label: '企业诉求办理情况统计' },
    ],
  },
  {
    heading: '订阅与开放数据',
    links: [
      { href: '/rss.xml', label: 'RSS 订阅', type: 'application/rss+xml' },
      { href: '/atom.xml', label: 'Atom 订阅', type: 'application/atom+xml' },
      { href: '/appeals/stats/rss.xml', label: '企业诉求办理情况(每月)RSS 订阅', type: 'application/rss+xml' },
      { href: '/api/docs', label: '开放接口说明' },
      { href: '/sitemap.xml', label: 'XML 站点地图(供搜索引擎使用)', type: 'application/xml' },
    ],
  },
];

/** The 网站地图 page. */
export function SitemapPage(props: { chrome: PageChrome; channelGroups: readonly ChannelGroup[] }) {
  return (
    <Layout chrome={props.chrome} title="网站地图" section="/sitemap" description="南昌招商网站地图:全部栏目与各区县、开发区招商频道一览。">
      <h1>网站地图</h1>
      <div class="sitemap">
        <SectionList section={LIST_SECTION} />
        <section>
          <h2>招商频道</h2>
          {props.channelGroups.map((group) => (
            <>
              <h3>{CHANNEL_KIND_LABELS[group.kind]}</h3>
              <ul>
                {group.channels.map((channel) => (
                  <li>
                    <a href={`/channels/${channel.slug}`}>{channel.name}</a> <span class="sitemap-count">{channel.articles} 篇</span>
                  </li>
                ))}
              </ul>
            </>
          ))}
        </section>
        {SERVICE_SECTIONS.map((section) => (
          <SectionList section={section} />
        ))}
      </div>
    </Layout>
  );
}

function SectionList({ section }: { section: Section }) {
  return (
    <section>
      <h2>{section.heading}</h2>
      <ul>
        {section.links.map((link) => (
          <li>
            <a href={link.href} type={link.type}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
