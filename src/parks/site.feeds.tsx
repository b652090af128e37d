// The carrier library's feed (/parks/rss.xml, /parks/atom.xml): sites newly added or changed
// (a vacancy confirmed counts as a change), most recent first, each with its main facts.
import type { SiteIdentity } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Feed, FeedEntry } from '../feeds/feed.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { SITE_KIND_NAMES } from './site.ts';
import { siteList, type ShownSite } from './site.service.ts';
import { siteHeadline } from './views/site-pages.tsx';

const FEED_SIZE = 20;

function siteFeedEntry(site: ShownSite, channelName: string): FeedEntry {
  const facts = `${channelName} · ${SITE_KIND_NAMES[site.kind]} · ${siteHeadline(site)} · 最近确认 ${site.confirmedOn}${site.stale ? '(待更新)' : ''}`;
  const content = (
    <div>
      <p>{facts}</p>
      <p>{site.advantages}</p>
      <p>
        联系人:{site.contactName} {site.contactPhone}
      </p>
    </div>
  );
  return {
    path: `/parks/${site.id}`,
    title: `${site.name}(${SITE_KIND_NAMES[site.kind]})`,
    published: site.createdAt,
    updated: site.updatedAt,
    category: { term: site.kind, label: SITE_KIND_NAMES[site.kind], path: `/parks?kind=${site.kind}` },
    summary: facts,
    contentHtml: content.toString(),
  };
}

/** The feed of the most recently added or changed sites (the first page of /parks). */
export function siteFeed(deps: { db: Db; site: SiteIdentity; segmenter: Segmenter; channelName: (slug: string) => string }) {
  return async (): Promise<Feed> => {
    const { items } = await siteList(deps.db, deps.segmenter, {}, 1);
    return {
      title: `载体库 - ${deps.site.siteName}`,
      description: '南昌市各区县、开发区新发布或更新的园区、楼宇、标准厂房和土地',
      path: '/parks',
      language: 'zh-CN',
      entries: items.slice(0, FEED_SIZE).map((item) => siteFeedEntry(item, deps.channelName(item.channel))),
    };
  };
}
