// The open API's policy endpoints: the policy library newest 发布日期 first, filtered and searched
// like /policies, each with the validity readers see today.
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../api/api-router.ts';
import { calendarDate, idParams, jsonResponse, notFoundResponse, pageOf, pageParams, problemResponses } from '../api/api-schemas.ts';
import { decodeCursor, encodeCursor } from '../api/cursor.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { POLICY_LEVELS, POLICY_TOPICS, VALIDITIES, VALIDITY_NAMES } from './policy.ts';
import { policiesAfter, policyDetail, type ShownPolicy } from './policy.service.ts';
import { policyInEnglish } from './policy-english.service.ts';
import { EnglishVersionSchema } from '../articles/article.api.ts';
import { KEYWORD_MAX } from './policy.routes.tsx';
import { AttachmentListSchema, attachmentsJson } from '../uploads/attachment.api.ts';
import { attachmentsOf } from '../uploads/attachment.service.ts';

const ChannelSchema = z.object({ slug: z.string().openapi({ example: 'donghu' }), name: z.string().openapi({ example: '东湖区' }) }).openapi('PolicyChannel');
const validityDescription = VALIDITIES.map((validity) => `${validity}:${VALIDITY_NAMES[validity]}`).join(',');

const PolicySummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    docNumber: z.string().nullable().openapi({ description: '发文字号', example: '洪府发〔2025〕12号' }),
    issuer: z.string().openapi({ description: '发文机关', example: '南昌市人民政府' }),
    level: z.enum(POLICY_LEVELS).openapi({ description: '层级' }),
    channel: ChannelSchema.openapi({ description: '地区(频道)' }),
    topic: z.enum(POLICY_TOPICS).openapi({ description: '主题' }),
    writtenOn: z.string().openapi({ description: '成文日期', example: '2025-03-01' }),
    publishedOn: z.string().openapi({ description: '发布日期', example: '2025-03-05' }),
    effectiveOn: z.string().openapi({ description: '实施日期', example: '2025-04-01' }),
    validUntil: z.string().nullable().openapi({ description: '有效期的最后一天;null 表示未规定', example: '2027-12-31' }),
    validity: z.enum(VALIDITIES).openapi({ description: `今天(北京时间)的效力:${validityDescription}` }),
    replacedBy: z.number().int().nullable().openapi({ description: '已修订时,替代它的政策文件编号' }),
    url: z.string().openapi({ description: '网页地址', example: '/policies/1' }),
  })
  .openapi('PolicySummary');

const PolicySchema = PolicySummarySchema.extend({
  body: z.string().openapi({ description: '正文(Markdown)' }),
  interpretations: z
    .array(z.object({ id: z.number().int(), title: z.string(), url: z.string().openapi({ example: '/articles/12' }) }))
    .openapi({ description: '政策解读文章' }),
  attachments: AttachmentListSchema,
  updatedAt: z.string().openapi({ description: '最后修改时间(UTC)' }),
  english: EnglishVersionSchema.nullable().openapi({ description: '编辑撰写的英文版;没有时为 null' }),
}).openapi('Policy');

const positionSchema = z.object({ publishedOn: z.string(), id: z.number().int() });

/** Routes: `GET /policies`, `GET /policies/{id}`. */
export function policyApi(ctx: RouteContext) {
  const { db, channels } = ctx;
  const search = ctx.policySearch;
  const slugs = channels.all.map((channel) => channel.slug) as [string, ...string[]];

  const listRoute = createRoute({
    method: 'get',
    path: '/policies',
    summary: '政策文件库(最新发布在前)',
    description: '按发布日期倒序列出政策文件,可按主题、层级、地区、效力、发布日期和关键词筛选;关键词可以是任意写法的发文字号(如“洪府发2025 12”);游标分页。',
    tags: ['政策文件'],
    request: {
      query: z.object({
        q: z
          .string()
          .max(KEYWORD_MAX, { error: '过长' })
          .optional()
          .openapi({ description: '关键词(标题、文号、发文机关、正文中出现)或发文字号', example: '洪府发〔2026〕3号' }),
        topic: z.enum(POLICY_TOPICS, { error: '没有这个主题' }).optional().openapi({ description: '主题', example: '产业扶持' }),
        level: z.enum(POLICY_LEVELS, { error: '没有这个层级' }).optional().openapi({ description: '层级', example: '市' }),
        channel: z.enum(slugs, { error: '没有这个地区' }).optional().openapi({ description: '地区的频道代码(见 /api/v1/channels)', example: 'nanchang' }),
        validity: z
          .enum(VALIDITIES, { error: '没有这种效力状态' })
          .optional()
          .openapi({ description: `效力:${validityDescription}`, example: 'in_force' }),
        from: calendarDate('发布日期起(含)', '2026-01-01'),
        to: calendarDate('发布日期止(含)', '2026-12-31'),
        ...pageParams(),
      }),
    },
    responses: { 200: jsonResponse(pageOf(PolicySummarySchema, 'PolicyPage'), '一页政策文件'), ...problemResponses },
  });

  const oneRoute = createRoute({
    method: 'get',
    path: '/policies/{id}',
    summary: '单份政策文件(含正文与政策解读)',
    tags: ['政策文件'],
    request: { params: idParams('政策文件编号') },
    responses: { 200: jsonResponse(PolicySchema, '政策文件'), 404: notFoundResponse('没有这份政策文件'), ...problemResponses },
  });

  const summary = (item: ShownPolicy) => ({
    id: item.id,
    title: item.title,
    docNumber: item.docNumber,
    issuer: item.issuer,
    level: item.level as (typeof POLICY_LEVELS)[number],
    channel: { slug: item.channel, name: ctx.navChannel(item.channel).name },
    topic: item.topic as (typeof POLICY_TOPICS)[number],
    writtenOn: item.writtenOn,
    publishedOn: item.publishedOn,
    effectiveOn: item.effectiveOn,
    validUntil: item.validUntil,
    validity: item.validity,
    replacedBy: item.replacedBy,
    url: `/policies/${item.id}`,
  });

  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { q, topic, level, channel, validity, from, to, limit, cursor } = c.req.valid('query');
      if (from && to && from > to) throw new AppError(400, 'bad_request', '参数“from”无效:起始日期不能晚于截止日期。');
      const after = decodeCursor(cursor, positionSchema);
      // One more than asked tells whether there is a next page, so the last page has no cursor.
      const found = await policiesAfter(db, search, { keyword: q, topic, level, channel, validity, from, to }, after, limit + 1);
      const items = found.slice(0, limit);
      const last = items.at(-1);
      const nextCursor = found.length > limit && last ? encodeCursor({ publishedOn: last.publishedOn, id: last.id }) : null;
      return c.json({ items: items.map(summary), nextCursor }, 200);
    })
    .openapi(oneRoute, async (c) => {
      const detail = await policyDetail(db, c.req.valid('param').id);
      if (!detail) throw notFound('没有这份政策文件。');
      const { policy, interpretations } = detail;
      const english = (await policyInEnglish(db, policy.id))?.english;
      return c.json(
        {
          ...summary(policy),
          body: policy.body,
          interpretations: interpretations.map((article) => ({ id: article.id, title: article.title, url: `/articles/${article.id}` })),
          attachments: attachmentsJson(await attachmentsOf(db, 'policy', policy.id)),
          updatedAt: policy.updatedAt,
          english: english ? { ...english, url: `/en/policies/${policy.id}` } : null,
        },
        200,
      );
    });
}
