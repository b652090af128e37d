// The open API's question endpoints: published questions and their answers, newest answered
// first, filtered like /qa; never the asker's name or contact.
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../api/api-router.ts';
import { idParams, jsonResponse, notFoundResponse, pageOf, pageParams, problemResponses } from '../api/api-schemas.ts';
import { decodeCursor, encodeCursor } from '../api/cursor.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { notFound } from '../http/errors.tsx';
import { chinaDate } from '../lib/china-time.ts';
import { QUESTION_CATEGORIES, type PublishedQuestion } from './question.ts';
import { publishedQuestion, publishedQuestionsAfter, questionStatistics, type QuestionFigures } from './question.service.ts';

const OfficeSchema = z.object({ slug: z.string().openapi({ example: 'donghu' }), name: z.string().openapi({ example: '东湖区' }) }).openapi('QuestionOffice');

const QuestionSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    category: z.enum(QUESTION_CATEGORIES),
    question: z.string().openapi({ description: '问题内容' }),
    answer: z.string().openapi({ description: '答复内容' }),
    answeredBy: OfficeSchema.openapi({ description: '答复单位' }),
    acceptedOn: z.string().openapi({ description: '受理日期(北京时间)', example: '2026-03-02' }),
    answeredOn: z.string().openapi({ description: '答复日期(北京时间)', example: '2026-03-09' }),
    url: z.string().openapi({ description: '网页地址', example: '/qa/1' }),
  })
  .openapi('Question');

const timingFields = {
  received: z.number().int().openapi({ description: '收到的问题数' }),
  answered: z.number().int().openapi({ description: '已答复的问题数' }),
  averageDays: z.number().nullable().openapi({ description: '平均答复用时(天,北京时间自收到之日至答复之日;没有已答复的问题时为 null)', example: 4.5 }),
  longestDays: z.number().int().nullable().openapi({ description: '最长答复用时(天;没有已答复的问题时为 null)', example: 12 }),
};

const QuestionStatisticsSchema = z
  .object({
    byOffice: z.array(z.object({ office: OfficeSchema, ...timingFields })).openapi({ description: '按答复单位(未答复的按所在单位)' }),
    byMonth: z.array(z.object({ month: z.string().openapi({ example: '2026-03' }), ...timingFields })).openapi({ description: '按收到问题的月份(北京时间)' }),
  })
  .openapi('QuestionStatistics');

const shownTimings = (row: QuestionFigures) => ({
  received: row.received,
  answered: row.answered,
  averageDays: row.averageDays ?? null,
  longestDays: row.longestDays ?? null,
});

const positionSchema = z.object({ answeredAt: z.string(), id: z.number().int() });

/** Routes: `GET /questions`, `GET /questions/stats`, `GET /questions/{id}`. */
export function questionApi(ctx: RouteContext) {
  const { db, channels } = ctx;
  const slugs = channels.all.map((channel) => channel.slug) as [string, ...string[]];

  const listRoute = createRoute({
    method: 'get',
    path: '/questions',
    summary: '公开问答(最新答复在前)',
    description: '按答复时间倒序列出提问人同意公开的已答复问题,可按答复单位、类别和关键词筛选;游标分页。不含提问人的姓名和联系方式。',
    tags: ['公开问答'],
    request: {
      query: z.object({
        channel: z.enum(slugs, { error: '没有这个单位' }).optional().openapi({ description: '答复单位的频道代码(见 /api/v1/channels)', example: 'xihu' }),
        category: z.enum(QUESTION_CATEGORIES, { error: '没有这个类别' }).optional().openapi({ description: '问题类别', example: '投资政策' }),
        q: z.string().max(50, { error: '过长' }).optional().openapi({ description: '关键词(标题、问题或答复中出现)', example: '产业' }),
        ...pageParams(),
      }),
    },
    responses: { 200: jsonResponse(pageOf(QuestionSchema, 'QuestionPage'), '一页问答'), ...problemResponses },
  });

  const statsRoute = createRoute({
    method: 'get',
    path: '/questions/stats',
    summary: '问答答复统计',
    description: '各单位和各月收到、答复问题的数量与答复用时,与 /qa/stats 页面的数字相同(含未公开的问题,只有数量)。',
    tags: ['公开问答'],
    responses: { 200: jsonResponse(QuestionStatisticsSchema, '统计结果'), ...problemResponses },
  });

  const oneRoute = createRoute({
    method: 'get',
    path: '/questions/{id}',
    summary: '单条公开问答',
    tags: ['公开问答'],
    request: {
      params: idParams('问答编号'),
    },
    responses: {
      200: jsonResponse(QuestionSchema, '问答'),
      404: notFoundResponse('没有这条公开问答'),
      ...problemResponses,
    },
  });

  const shown = (item: PublishedQuestion) => ({
    id: item.id,
    title: item.title,
    category: item.category as (typeof QUESTION_CATEGORIES)[number],
    question: item.body,
    answer: item.answer,
    answeredBy: { slug: item.answeredBy, name: ctx.navChannel(item.answeredBy).name },
    acceptedOn: chinaDate(item.acceptedAt),
    answeredOn: chinaDate(item.answeredAt),
    url: `/qa/${item.id}`,
  });

  return (
    apiRouter()
      .openapi(listRoute, async (c) => {
        const { channel, category, q, limit, cursor } = c.req.valid('query');
        const after = decodeCursor(cursor, positionSchema);
        // One more than asked tells whether there is a next page, so the last page has no cursor.
        const found = await publishedQuestionsAfter(db, { channel, category, keyword: q }, after, limit + 1);
        const items = found.slice(0, limit);
        const last = items.at(-1);
        const nextCursor = found.length > limit && last ? encodeCursor({ answeredAt: last.answeredAt, id: last.id }) : null;
        return c.json({ items: items.map(shown), nextCursor }, 200);
      })
      // Before `/questions/{id}`, which would take `stats` for an id.
      .openapi(statsRoute, async (c) => {
        const { byOffice, byMonth } = await questionStatistics(db, ctx.dialect.chinaCalendar);
        return c.json(
          {
            byOffice: byOffice.map((row) => ({ office: { slug: row.key, name: ctx.navChannel(row.key).name }, ...shownTimings(row) })),
            byMonth: byMonth.map((row) => ({ month: row.key, ...shownTimings(row) })),
          },
          200,
        );
      })
      .openapi(oneRoute, async (c) => {
        const item = await publishedQuestion(db, c.req.valid('param').id);
        if (!item) throw notFound('没有这条问答,或它没有公开。');
        return c.json(shown(item), 200);
      })
  );
}
