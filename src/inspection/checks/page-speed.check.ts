// 页面速度: the pages a visitor opens first, timed as this process renders them.
import { newestArticles } from '../../articles/article.service.ts';
import type { CheckFinding, InspectionCheck } from '../inspection-check.ts';

/** A page that takes longer than this to answer is reported. */
export const SLOW_PAGE_MS = 3000;

/**
 * Times a GET of the home page, each channel's first page and the newest article through the
 * app's router in-process, one after another. This is the server's own time, without the network:
 * the command has no running server's metrics to read, and a page slow here is slow for everyone.
 * A page the page cache already holds answers from it, as it does for visitors.
 */
export function pageSpeedCheck(slowAfterMs = SLOW_PAGE_MS): InspectionCheck {
  return {
    id: 'page-speed',
    title: `页面在 ${slowAfterMs / 1000} 秒内打开`,
    audience: ['admin', 'editor'],
    quick: false,
    async run({ db, channels, requestPage }) {
      const [newest] = await newestArticles(db, 1);
      const pages: Array<{ path: string; channel: string | undefined }> = [
        { path: '/', channel: undefined },
        ...channels.all.map((channel) => ({ path: `/channels/${channel.slug}`, channel: channel.slug })),
        ...(newest ? [{ path: `/articles/${newest.id}`, channel: newest.channel }] : []),
      ];
      const findings: CheckFinding[] = [];
      let slowest = 0;
      for (const page of pages) {
        const started = performance.now();
        const response = await requestPage(page.path);
        await response.arrayBuffer();
        const elapsed = performance.now() - started;
        const ms = Math.round(elapsed);
        slowest = Math.max(slowest, ms);
        if (response.status >= 500)
          findings.push({ severity: 'warning', message: `页面 ${page.path} 出错(HTTP ${response.status})`, href: page.path, channel: page.channel });
        else if (elapsed > slowAfterMs)
          findings.push({ severity: 'warning', message: `页面 ${page.path} 用了 ${(ms / 1000).toFixed(1)} 秒才打开`, href: page.path, channel: page.channel });
      }
      if (findings.length > 0) return findings;
      return [{ severity: 'ok', message: `${pages.length} 个页面都在 ${slowAfterMs / 1000} 秒内打开(最慢 ${slowest} 毫秒)`, href: '/', channel: undefined }];
    },
  };
}
