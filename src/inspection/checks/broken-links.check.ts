// 错链: links in published articles to pages of this site that do not answer.
import { publishedArticlesNewestFirst } from '../../articles/article.service.ts';
import type { CheckFinding, InspectionCheck } from '../inspection-check.ts';

/** The most distinct other site paths one run asks the router for; article and channel links are always checked. */
export const OTHER_PATHS_CHECKED = 200;

// Only Markdown bodies carry links (plain-text bodies are shown as text); a site path is a link
// target starting with one slash: [文字](/articles/12).
const SITE_LINK = /\]\(\s*<?(\/(?!\/)[^\s)>]*)/g;
const ARTICLE_PATH = /^\/articles\/(\d+)$/;
const CHANNEL_PATH = /^\/channels\/([^/]+)$/;

/** The site paths a Markdown body links to, without query or fragment, each once. */
export function sitePathsIn(body: string): string[] {
  return [...new Set([...body.matchAll(SITE_LINK)].map((match) => match[1]!.split(/[?#]/)[0]!))];
}

/**
 * Reads every published article once, newest first a page at a time, so 10k+ articles cost memory
 * for their links only. Links to articles are checked against the published ids the same walk
 * sees; links to channels against the channel list; any other path is asked of the app's router
 * once, and a 404 is broken.
 */
export const brokenLinksCheck: InspectionCheck = {
  id: 'broken-links',
  title: '文章中的站内链接有效',
  audience: ['admin', 'editor'],
  quick: false,
  async run({ db, channels, requestPage }) {
    const published = new Set<number>();
    const linking: Array<{ id: number; title: string; channel: string; paths: string[] }> = [];
    for await (const article of publishedArticlesNewestFirst(db)) {
      published.add(article.id);
      if (article.bodyFormat !== 'markdown') continue;
      const paths = sitePathsIn(article.body);
      if (paths.length > 0) linking.push({ id: article.id, title: article.title, channel: article.channel, paths });
    }
    const otherPaths = new Set(linking.flatMap((article) => article.paths).filter((path) => !ARTICLE_PATH.test(path) && !CHANNEL_PATH.test(path)));
    const missingOthers = new Set<string>();
    for (const path of [...otherPaths].slice(0, OTHER_PATHS_CHECKED)) {
      if ((await requestPage(path)).status === 404) missingOthers.add(path);
    }
    const isBroken = (path: string) => {
      const article = ARTICLE_PATH.exec(path);
      if (article) return !published.has(Number(article[1]));
      const channel = CHANNEL_PATH.exec(path);
      if (channel) return channels.bySlug(decodeURIComponent(channel[1]!)) === undefined;
      return missingOthers.has(path);
    };
    const findings: CheckFinding[] = linking.flatMap((article) => {
      const broken = article.paths.filter(isBroken);
      if (broken.length === 0) return [];
      return [
        {
          severity: 'warning' as const,
          message: `文章《${article.title}》有 ${broken.length} 个失效的站内链接:${broken.join('、')}`,
          href: `/admin/articles/${article.id}`,
          channel: article.channel,
        },
      ];
    });
    if (findings.length > 0) return findings;
    return [{ severity: 'ok', message: `${published.size} 篇文章中没有失效的站内链接`, href: '/admin/articles', channel: undefined }];
  },
};
