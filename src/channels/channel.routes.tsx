// Public channel pages: the directory of channels and each channel's list.
import { Hono } from 'hono';
import { articleListPage } from '../articles/article.service.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { notFound } from '../http/errors.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { parsePageNumber } from '../http/request-params.ts';
import { ChannelDirectoryPage, ChannelPage } from './views/channel-pages.tsx';

/** Routes: `/channels` and `/channels/:slug`. */
export function channelRoutes(ctx: RouteContext): Hono {
  const { db, channels, cachedPage } = ctx;
  return new Hono()
    .get(
      '/channels',
      cachedPage([], async (c) => {
        const counts = await ctx.articleCounts();
        return c.html(htmlDocument(<ChannelDirectoryPage chrome={await ctx.chrome(c)} channels={channels.all} counts={counts} />));
      }),
    )
    .get(
      '/channels/:slug',
      cachedPage(['page'], async (c) => {
        const channel = channels.bySlug(c.req.param('slug') ?? '');
        if (!channel) throw notFound('没有这个频道。');
        const list = await articleListPage(db, parsePageNumber(c.req.query('page')), await ctx.articleLists(), channel.slug);
        if (!list) throw notFound('没有这一页。');
        return c.html(htmlDocument(<ChannelPage chrome={await ctx.chrome(c)} channel={channel} list={list} navChannel={ctx.navChannel} />));
      }),
    );
}
