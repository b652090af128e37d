// The open API's search endpoint: the /search page's query and filters, paged by cursor.
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../api/api-router.ts';
import { calendarDate, jsonResponse, pageParams, problemResponses } from '../api/api-schemas.ts';
import { decodeCursor, encodeCursor } from '../api/cursor.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError } from '../http/errors.tsx';
import { markedHtml, plainText } from './highlight.ts';
import { isQueryProblem, parseQuery } from './search-query.ts';
import { MAX_SEARCH_PAGE_SIZE, searchArticles } from './search.service.ts';

const SearchHitSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    titleHtml: z.string().openapi({ description: '标题,命中词以 <mark> 标出(已转义)' }),
    channel: z.object({ slug: z.string(), name: z.string() }),
    publishedOn: z.string().openapi({ example: '2025-07-30' }),
    snippet: z.string(),
    snippetHtml: z.string().openapi({ description: '摘要,命中词以 <mark> 标出(已转义)' }),
    url: z.string().openapi({ example: '/articles/1' }),
  })
  .openapi('SearchHit');

const SearchPageSchema = z
  .object({
    query: z.string().openapi({ description: '规范化后的查询' }),
    total: z.number().int(),
    totalIsLowerBound: z.boolean().openapi({ description: '为 true 时 total 是下限:短语查询按相关度逐批核对原文,找够本页和下一条即停,或候选过多' }),
    items: z.array(SearchHitSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('SearchPage');

// The page size travels in the cursor, so a walk keeps the size it started with.
const positionSchema = z.object({ page: z.number().int().min(2), pageSize: z.number().int().min(1).max(MAX_SEARCH_PAGE_SIZE) });

/** Routes: `GET /search`. */
export function searchApi(ctx: RouteContext) {
  const { db, searchIndex, channels } = ctx;
  const slugs = channels.all.map((channel) => channel.slug) as [string, ...string[]];
  const route = createRoute({
    method: 'get',
    path: '/search',
    summary: '全文检索',
    description: '与站内搜索相同的查询语法(空格分隔多个词,引号表示短语),按相关度排序;翻页时每页条数以游标为准。',
    tags: ['检索'],
    request: {
      query: z.object({
        q: z
          .string({ error: '请填写检索词' })
          .min(1, { error: '请填写检索词' })
          .max(200, { error: '过长' })
          .openapi({ description: '检索词', example: '招商' }),
        channel: z.enum(slugs, { error: '没有这个频道' }).optional().openapi({ description: '频道代码', example: 'donghu' }),
        from: calendarDate('起始日期(含)', '2015-01-01'),
        to: calendarDate('截止日期(含)', '2026-12-31'),
        ...pageParams(MAX_SEARCH_PAGE_SIZE),
      }),
    },
    responses: { 200: jsonResponse(SearchPageSchema, '一页检索结果'), ...problemResponses },
  });
  return apiRouter().openapi(route, async (c) => {
    const { q, channel, from, to, limit, cursor } = c.req.valid('query');
    if (from && to && from > to) throw new AppError(400, 'bad_request', '参数“from”无效:起始日期不能晚于截止日期。');
    const query = parseQuery(q, searchIndex.segmenter);
    if (isQueryProblem(query)) throw new AppError(400, 'bad_request', `参数“q”无效:${query.message}`);
    const position = decodeCursor(cursor, positionSchema) ?? { page: 1, pageSize: limit };
    const timed = ctx.metrics.timeSearch(query.phrases.length > 0 ? 'phrase' : 'words');
    const results = await searchArticles(db, searchIndex, query, { channel, from, to, ...position }).finally(timed);
    return c.json(
      {
        query: query.text,
        total: results.total,
        totalIsLowerBound: results.totalIsLowerBound,
        items: results.hits.map((hit) => ({
          id: hit.id,
          title: hit.title,
          titleHtml: markedHtml(hit.titleParts),
          channel: { slug: hit.channel, name: ctx.navChannel(hit.channel).name },
          publishedOn: hit.publishedOn,
          snippet: plainText(hit.snippetParts),
          snippetHtml: markedHtml(hit.snippetParts),
          url: `/articles/${hit.id}`,
        })),
        nextCursor: results.page < results.pageCount ? encodeCursor({ page: results.page + 1, pageSize: position.pageSize }) : null,
      },
      200,
    );
  });
}
