// The open API's channel endpoint: every channel with its number of articles.
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../api/api-router.ts';
import { jsonResponse, problemResponses } from '../api/api-schemas.ts';
import { articleCountsByChannel } from '../articles/article.service.ts';
import type { RouteContext } from '../http/app-deps.ts';

const ChannelSchema = z
  .object({
    slug: z.string().openapi({ description: '频道代码,用于其他接口的 channel 参数', example: 'donghu' }),
    name: z.string().openapi({ example: '东湖区' }),
    shortName: z.string(),
    kind: z.enum(['city', 'district', 'county', 'zone', 'authority']).openapi({ description: '市、区、县、开发区或管理局' }),
    articleCount: z.number().int().openapi({ description: '已发布文章数' }),
    url: z.string().openapi({ example: '/channels/donghu' }),
  })
  .openapi('Channel');

/** Routes: `GET /channels`. */
export function channelApi(ctx: RouteContext) {
  const { db, channels } = ctx;
  const listRoute = createRoute({
    method: 'get',
    path: '/channels',
    summary: '频道列表',
    description: '全市频道和各区县、开发区频道,按导航顺序;频道很少,一次返回全部。',
    tags: ['频道'],
    responses: { 200: jsonResponse(z.object({ items: z.array(ChannelSchema) }).openapi('ChannelList'), '全部频道'), ...problemResponses },
  });
  return apiRouter().openapi(listRoute, async (c) => {
    const counts = await articleCountsByChannel(db);
    const items = channels.all.map((channel) => ({
      slug: channel.slug,
      name: channel.name,
      shortName: channel.shortName,
      kind: channel.kind,
      articleCount: counts.get(channel.slug) ?? 0,
      url: `/channels/${channel.slug}`,
    }));
    return c.json({ items }, 200);
  });
}
