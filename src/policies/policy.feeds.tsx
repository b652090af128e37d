// The policy library's feed (/policies/rss.xml, /policies/atom.xml): the newest policies by 发布日期,
// each with its 文号, validity and full text.
import { markdownToHtml, markdownToText } from '../articles/markdown.ts';
import type { SiteIdentity } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Feed, FeedEntry } from '../feeds/feed.ts';
import { chinaMidnight } from '../lib/china-time.ts';
import { VALIDITY_NAMES } from './policy.ts';
import { policyDetail, policyList, type PolicySearch, type ShownPolicy } from './policy.service.ts';

const FEED_SIZE = 20;

function policyFeedEntry(item: ShownPolicy, body: string): FeedEntry {
  const content = (
    <div>
      <p>
        {item.docNumber && `${item.docNumber};`}发文机关:{item.issuer};效力:{VALIDITY_NAMES[item.validity]};实施日期:{item.effectiveOn}
      </p>
      <div dangerouslySetInnerHTML={{ __html: markdownToHtml(body) }} />
    </div>
  );
  return {
    path: `/policies/${item.id}`,
    title: item.title,
    published: chinaMidnight(item.publishedOn),
    updated: item.updatedAt,
    category: { term: item.topic, label: item.topic, path: `/policies?topic=${encodeURIComponent(item.topic)}` },
    summary: markdownToText(body).slice(0, 200),
    contentHtml: content.toString(),
  };
}

/** The feed of the newest policies (the first page of /policies). */
export function policyFeed(deps: { db: Db; site: SiteIdentity; search: PolicySearch }) {
  return async (): Promise<Feed> => {
    const { items } = await policyList(deps.db, deps.search, {}, 1);
    const entries: FeedEntry[] = [];
    for (const item of items.slice(0, FEED_SIZE)) {
      const detail = await policyDetail(deps.db, item.id);
      if (detail) entries.push(policyFeedEntry(item, detail.policy.body));
    }
    return {
      title: `政策文件库 - ${deps.site.siteName}`,
      description: '南昌市及各区县、开发区招商引资相关政策文件',
      path: '/policies',
      language: 'zh-CN',
      entries,
    };
  };
}
