// What the sitemaps list. /sitemap.xml: the public list pages, channels with articles and every
// published article, in one file or, past the protocol's limit, an index of child files. The
// 网站地图 page at /sitemap: the sections and the channels with articles, grouped by kind.
import { articleCount, articleCountsByChannel, articleIdBlocks, articleStampsAfter, lastUpdatedByChannel } from '../articles/article.service.ts';
import { CHANNEL_KIND_LABELS, type Channel } from '../channels/channel.ts';
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import type { Db } from '../db/database.ts';
import { chinaDate } from '../lib/china-time.ts';
import { siteStamps } from '../parks/site.service.ts';
import { policyStamps } from '../policies/policy.service.ts';
import { articlesWithEnglish, newestEnglishArticles } from '../articles/article-english.service.ts';
import { englishPolicyList } from '../policies/policy-english.service.ts';
import { publishedQuestionStamps } from '../questions/question.service.ts';
import type { SitemapEntry } from './sitemap-xml.ts';

/** The protocol's limit of addresses per file. */
export const SITEMAP_MAX_URLS = 50_000;

// Public list pages besides channels; /search is left out (robots.txt disallows it).
const LIST_PAGES = ['/channels', '/data', '/projects', '/enterprises', '/appeals', '/appeals/stats', '/sitemap'];
// Rows read per query while walking the articles: memory stays at one file's worth.
const WALK_BATCH = 5000;

/** The site's sitemap: every address in one file, or the child files of an index. */
export type Sitemap = { kind: 'urlset'; entries: SitemapEntry[] } | { kind: 'index'; children: SitemapEntry[] };

/** The kinds of child files and how an index names them: `/sitemaps/pages-1.xml`, `/sitemaps/articles-3.xml`. */
export type SitemapPart = 'pages' | 'articles';

/** The path of child file `n` (1-based) of `part`. */
function childSitemapPath(part: SitemapPart, n: number): string {
  return `/sitemaps/${part}-${n}.xml`;
}

/** The sitemap at `/sitemap.xml`, with at most `maxUrls` addresses per file. */
export async function siteSitemap(db: Db, channels: ChannelCatalog, maxUrls = SITEMAP_MAX_URLS): Promise<Sitemap> {
  const pages = await pageEntries(db, channels);
  if (pages.length + (await articleCount(db)) <= maxUrls) {
    return { kind: 'urlset', entries: [...pages, ...(await articleEntries(db, 0, undefined))] };
  }
  const pageFiles = Math.ceil(pages.length / maxUrls);
  const children: SitemapEntry[] = [];
  for (let n = 1; n <= pageFiles; n += 1) children.push({ path: childSitemapPath('pages', n), lastmod: newest(pages.slice((n - 1) * maxUrls, n * maxUrls)) });
  for (const { block, lastUpdated } of await articleIdBlocks(db, maxUrls)) {
    children.push({ path: childSitemapPath('articles', block + 1), lastmod: chinaDate(lastUpdated) });
  }
  return { kind: 'index', children };
}

/** Child file `n` (1-based) of `part`, or undefined when it holds nothing. */
export async function childSitemap(
  db: Db,
  channels: ChannelCatalog,
  part: SitemapPart,
  n: number,
  maxUrls = SITEMAP_MAX_URLS,
): Promise<SitemapEntry[] | undefined> {
  const entries =
    part === 'pages' ? (await pageEntries(db, channels)).slice((n - 1) * maxUrls, n * maxUrls) : await articleEntries(db, (n - 1) * maxUrls, n * maxUrls);
  return entries.length > 0 ? entries : undefined;
}

// The home page and list pages, then each channel with articles, then /qa and each published
// answer, then /policies and each policy, then /parks and each site; a channel's date is its
// latest article's, the home page's the latest of all, /qa's its newest answer's, /policies' and
// /parks' their latest change.
async function pageEntries(db: Db, channels: ChannelCatalog): Promise<SitemapEntry[]> {
  const [lastUpdated, answers, policies, sites] = await Promise.all([lastUpdatedByChannel(db), publishedQuestionStamps(db), policyStamps(db), siteStamps(db)]);
  const channelEntries = channels.all.flatMap((channel) => {
    const last = lastUpdated.get(channel.slug);
    return last === undefined ? [] : [{ path: `/channels/${channel.slug}`, lastmod: chinaDate(last) }];
  });
  const answerEntries = answers.map((answer) => ({ path: `/qa/${answer.id}`, lastmod: chinaDate(answer.answeredAt) }));
  const qa = answerEntries.length === 0 ? [] : [{ path: '/qa', lastmod: answerEntries[0]!.lastmod }, ...answerEntries];
  const policyEntries = policies.map((policy) => ({ path: `/policies/${policy.id}`, lastmod: chinaDate(policy.updatedAt) }));
  const policyPages: SitemapEntry[] = policyEntries.length === 0 ? [] : [{ path: '/policies', lastmod: newest(policyEntries) }, ...policyEntries];
  const home = { path: '/', lastmod: newest(channelEntries), alternates: { 'zh-CN': '/', en: '/en' } };
  const lists = LIST_PAGES.map((path) => ({ path, alternates: ENGLISH_LISTS.includes(path) ? { 'zh-CN': path, en: `/en${path}` } : undefined }));
  const english = await englishEntries(db);
  for (const entry of policyPages) {
    if (entry.path === '/policies' ? english.policyIds.size > 0 : english.policyIds.has(entryId(entry.path))) entry.alternates = pair(entry.path);
  }
  const siteEntries = sites.map((site) => ({ path: `/parks/${site.id}`, lastmod: chinaDate(site.updatedAt) }));
  // The English list of sites (/en/parks) is the counterpart of the unfiltered /parks.
  const sitePages =
    siteEntries.length === 0
      ? []
      : [
          { path: '/parks', lastmod: newest(siteEntries), alternates: pair('/parks') },
          ...siteEntries,
          { path: '/en/parks', lastmod: newest(siteEntries), alternates: pair('/parks') },
        ];
  return [home, ...lists, ...channelEntries, ...qa, ...policyPages, ...sitePages, ...english.entries];
}

// List pages with an English counterpart at /en<path>.
const ENGLISH_LISTS = ['/data', '/projects'];
const entryId = (path: string) => Number(path.slice(path.lastIndexOf('/') + 1));
/** `/articles/5` ↔ `/en/articles/5`. */
const pair = (chinese: string) => ({ 'zh-CN': chinese, en: `/en${chinese}` });

// The English pages: home, lists, and every article and policy with an English version (editors
// write them one by one, so they are few; all go in the pages part). Each names its Chinese page.
async function englishEntries(db: Db): Promise<{ entries: SitemapEntry[]; policyIds: Set<number> }> {
  const [articles, policies] = await Promise.all([newestEnglishArticles(db, SITEMAP_MAX_URLS), englishPolicyList(db, undefined)]);
  const articleEntries = articles.map((item) => ({
    path: `/en/articles/${item.id}`,
    lastmod: chinaDate(item.updatedAt),
    alternates: pair(`/articles/${item.id}`),
  }));
  const policyEntries = policies.items.map((item) => ({
    path: `/en/policies/${item.id}`,
    lastmod: chinaDate(item.english.updatedAt),
    alternates: pair(`/policies/${item.id}`),
  }));
  const lists = [
    { path: '/en', lastmod: newest(articleEntries), alternates: { 'zh-CN': '/', en: '/en' } },
    ...ENGLISH_LISTS.map((path) => ({ path: `/en${path}`, alternates: pair(path) })),
    ...(policyEntries.length > 0 ? [{ path: '/en/policies', lastmod: newest(policyEntries), alternates: pair('/policies') }] : []),
  ];
  return { entries: [...lists, ...articleEntries, ...policyEntries], policyIds: new Set(policies.items.map((item) => item.id)) };
}

// Published articles with ids above afterId (up to upToId if given), walked by id so no query holds more than a batch.
async function articleEntries(db: Db, afterId: number, upToId: number | undefined): Promise<SitemapEntry[]> {
  const entries: SitemapEntry[] = [];
  for (let after = afterId; ; ) {
    const batch = await articleStampsAfter(db, after, upToId, WALK_BATCH);
    const english = await articlesWithEnglish(
      db,
      batch.map((stamp) => stamp.id),
    );
    for (const { id, updatedAt } of batch) {
      entries.push({ path: `/articles/${id}`, lastmod: chinaDate(updatedAt), alternates: english.has(id) ? pair(`/articles/${id}`) : undefined });
    }
    if (batch.length < WALK_BATCH) return entries;
    after = batch.at(-1)!.id;
  }
}

/** Channels of one kind on the 网站地图 page, each with its number of published articles. */
export interface ChannelGroup {
  kind: Channel['kind'];
  channels: Array<{ slug: string; name: string; articles: number }>;
}

/**
 * The channels with published articles, grouped by kind (全市, 区, 县, 开发区, 管理局), each group
 * in the catalogue's order. Empty channels are left out: a government site must not lead readers
 * to empty sections, and a kind without a channel with articles has no group.
 */
export async function channelGroupsWithArticles(db: Db, channels: ChannelCatalog): Promise<ChannelGroup[]> {
  const counts = await articleCountsByChannel(db);
  return (Object.keys(CHANNEL_KIND_LABELS) as Array<Channel['kind']>).flatMap((kind) => {
    const withArticles = channels.all.flatMap((channel) => {
      const articles = counts.get(channel.slug) ?? 0;
      return channel.kind === kind && articles > 0 ? [{ slug: channel.slug, name: channel.name, articles }] : [];
    });
    return withArticles.length > 0 ? [{ kind, channels: withArticles }] : [];
  });
}

function newest(entries: readonly SitemapEntry[]): string | undefined {
  let found: string | undefined;
  for (const { lastmod } of entries) if (lastmod !== undefined && (found === undefined || lastmod > found)) found = lastmod;
  return found;
}
