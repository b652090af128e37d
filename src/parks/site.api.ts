// The open API's carrier library endpoints: sites most recently changed first, filtered like
// /parks, each with its 待更新 flag as readers see it today.
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../api/api-router.ts';
import { idParams, jsonResponse, notFoundResponse, pageOf, pageParams, problemResponses } from '../api/api-schemas.ts';
import { decodeCursor, encodeCursor } from '../api/cursor.ts';
import { INDUSTRIES } from '../enterprises/industry.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { AttachmentListSchema, attachmentsJson } from '../uploads/attachment.api.ts';
import { attachmentsOf } from '../uploads/attachment.service.ts';
import { BUILDING_GRADES, LAND_STATUSES, LAND_USES, SITE_KIND_NAMES, SITE_KINDS, STALE_AFTER_DAYS } from './site.ts';
import { siteDetail, sitesAfter, type ShownSite } from './site.service.ts';
import { KEYWORD_MAX } from './site.routes.tsx';

const kindDescription = SITE_KINDS.map((kind) => `${kind}:${SITE_KIND_NAMES[kind]}`).join(',');
const industryCodes = INDUSTRIES.map((industry) => industry.code) as [string, ...string[]];
const range = (description: string) =>
  z
    .object({ min: z.number(), max: z.number() })
    .nullable()
    .openapi({ description: `${description};null 表示未公布或不适用` });

const SiteSummarySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(SITE_KINDS).openapi({ description: `类型:${kindDescription}` }),
    name: z.string(),
    channel: z
      .object({ slug: z.string().openapi({ example: 'honggutan' }), name: z.string().openapi({ example: '红谷滩区' }) })
      .openapi({ description: '地区(频道)' }),
    address: z.string(),
    industries: z.array(z.object({ code: z.enum(industryCodes), name: z.string() })).openapi({ description: '适合产业(GB/T 4754-2017 门类)' }),
    areaM2: z.number().openapi({ description: '面积(平方米);土地为由亩数换算的面积' }),
    areaMu: z.number().nullable().openapi({ description: '土地面积(亩,录入的精确值);其他类型为 null' }),
    advantages: z.string().openapi({ description: '简介与优势(纯文本)' }),
    contact: z.object({ name: z.string(), phone: z.string() }),
    grade: z.enum(BUILDING_GRADES).nullable().openapi({ description: '楼宇等级' }),
    floors: z.number().int().nullable(),
    vacantM2: z.number().nullable().openapi({ description: '空置面积(平方米),截至 confirmedOn' }),
    rent: range('租金,元/平方米/天'),
    propertyFee: z.number().nullable().openapi({ description: '物业费,元/平方米/月' }),
    landUse: z.enum(LAND_USES).nullable().openapi({ description: '用地性质' }),
    plotRatio: range('容积率'),
    landStatus: z.enum(LAND_STATUSES).nullable().openapi({ description: '土地状态' }),
    confirmedOn: z.string().openapi({ description: '空置信息(土地状态)最近确认日期,北京时间', example: '2026-11-02' }),
    stale: z.boolean().openapi({ description: `确认日期距今(北京时间)超过 ${STALE_AFTER_DAYS} 天:页面标注“待更新”` }),
    url: z.string().openapi({ example: '/parks/1' }),
    updatedAt: z.string().openapi({ description: '最后修改时间(UTC)' }),
  })
  .openapi('SiteSummary');

const SiteSchema = SiteSummarySchema.extend({ attachments: AttachmentListSchema.openapi({ description: '照片和附件' }) }).openapi('Site');

const positionSchema = z.object({ updatedAt: z.string(), id: z.number().int() });
const areaBound = (description: string, example: string) =>
  z
    .string()
    .regex(/^\d{1,12}(\.\d{1,2})?$/u, { error: '应为不小于 0 的数字' })
    .transform(Number)
    .optional()
    .openapi({ description, example });

/** Routes: `GET /parks`, `GET /parks/{id}`. */
export function siteApi(ctx: RouteContext) {
  const { db, channels } = ctx;
  const segmenter = ctx.searchIndex.segmenter;
  const slugs = channels.all.map((channel) => channel.slug) as [string, ...string[]];

  const listRoute = createRoute({
    method: 'get',
    path: '/parks',
    summary: '载体库(最近更新在前)',
    description: '园区、楼宇、标准厂房和土地,可按地区、类型、面积(平方米,含边界)、适合产业和关键词筛选;游标分页。',
    tags: ['载体库'],
    request: {
      query: z.object({
        q: z.string().max(KEYWORD_MAX, { error: '过长' }).optional().openapi({ description: '关键词(名称、地址、简介中出现)' }),
        channel: z.enum(slugs, { error: '没有这个地区' }).optional().openapi({ description: '地区的频道代码(见 /api/v1/channels)', example: 'honggutan' }),
        kind: z
          .enum(SITE_KINDS, { error: '没有这种载体类型' })
          .optional()
          .openapi({ description: `类型:${kindDescription}` }),
        industry: z.enum(industryCodes, { error: '没有这个行业门类' }).optional().openapi({ description: 'GB/T 4754 门类字母', example: 'C' }),
        areaMin: areaBound('最小面积(平方米,含)', '1000'),
        areaMax: areaBound('最大面积(平方米,含)', '100000'),
        ...pageParams(),
      }),
    },
    responses: { 200: jsonResponse(pageOf(SiteSummarySchema, 'SitePage'), '一页载体'), ...problemResponses },
  });

  const oneRoute = createRoute({
    method: 'get',
    path: '/parks/{id}',
    summary: '单处载体',
    tags: ['载体库'],
    request: { params: idParams('载体编号') },
    responses: { 200: jsonResponse(SiteSchema, '载体'), 404: notFoundResponse('没有这处载体'), ...problemResponses },
  });

  const orNull = (min: number | null, max: number | null) => (min === null || max === null ? null : { min, max });
  const shape = (site: ShownSite) => ({
    id: site.id,
    kind: site.kind,
    name: site.name,
    channel: { slug: site.channel, name: ctx.navChannel(site.channel).name },
    address: site.address,
    industries: INDUSTRIES.filter((industry) => site.industries.includes(industry.code)).map((industry) => ({ code: industry.code, name: industry.name })),
    areaM2: site.areaM2,
    areaMu: site.areaMu,
    advantages: site.advantages,
    contact: { name: site.contactName, phone: site.contactPhone },
    grade: site.grade as (typeof BUILDING_GRADES)[number] | null,
    floors: site.floors,
    vacantM2: site.vacantM2,
    rent: orNull(site.rentMin, site.rentMax),
    propertyFee: site.propertyFee,
    landUse: site.landUse as (typeof LAND_USES)[number] | null,
    plotRatio: orNull(site.plotRatioMin, site.plotRatioMax),
    landStatus: site.landStatus as (typeof LAND_STATUSES)[number] | null,
    confirmedOn: site.confirmedOn,
    stale: site.stale,
    url: `/parks/${site.id}`,
    updatedAt: site.updatedAt,
  });

  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { q, channel, kind, industry, areaMin, areaMax, limit, cursor } = c.req.valid('query');
      if (areaMin !== undefined && areaMax !== undefined && areaMin > areaMax)
        throw new AppError(400, 'bad_request', '参数“areaMin”无效:最小面积不能大于最大面积。');
      const after = decodeCursor(cursor, positionSchema);
      // One more than asked tells whether there is a next page, so the last page has no cursor.
      const found = await sitesAfter(db, segmenter, { keyword: q, channel, kind, industry, areaMin, areaMax }, after, limit + 1);
      const items = found.slice(0, limit);
      const last = items.at(-1);
      const nextCursor = found.length > limit && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null;
      return c.json({ items: items.map(shape), nextCursor }, 200);
    })
    .openapi(oneRoute, async (c) => {
      const site = await siteDetail(db, c.req.valid('param').id);
      if (!site) throw notFound('没有这处载体。');
      return c.json({ ...shape(site), attachments: attachmentsJson(await attachmentsOf(db, 'site', site.id)) }, 200);
    });
}
