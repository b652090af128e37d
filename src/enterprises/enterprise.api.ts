// The open API's enterprise directory: what the /enterprises page shows of approved enterprises and
// nothing more (no contact person, telephone, credit code or review notes); a company registered
// outside the mainland says where.
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../api/api-router.ts';
import { jsonResponse, pageOf, pageParams, problemResponses } from '../api/api-schemas.ts';
import { decodeCursor, encodeCursor } from '../api/cursor.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { enterpriseDirectorySlice } from './application.service.ts';
import { countryName } from './country.ts';
import { INDUSTRIES, industryName } from './industry.ts';

const EnterpriseSchema = z
  .object({
    companyName: z.string(),
    industry: z
      .object({ code: z.string().openapi({ example: 'C' }), name: z.string().openapi({ example: '制造业' }) })
      .openapi({ description: '国民经济行业门类(GB/T 4754-2017)' }),
    channel: z.object({ slug: z.string(), name: z.string() }).openapi({ description: '落户区域' }),
    registrationCountry: z
      .object({ code: z.string().openapi({ example: 'DE' }), name: z.string().openapi({ example: '德国' }) })
      .nullable()
      .openapi({ description: '境外企业(含港澳台地区)的注册国家或地区(ISO 3166-1);在中国境内(内地)注册的企业为 null' }),
    plannedInvestment: z.number().openapi({ description: '计划投资(万元)' }),
    description: z.string().openapi({ description: '项目简介' }),
  })
  .openapi('Enterprise');

const offsetSchema = z.object({ offset: z.number().int().min(1) });

/** Routes: `GET /enterprises`. */
export function enterpriseApi(ctx: RouteContext) {
  const { db, channels } = ctx;
  const districts = channels.all.filter((channel) => channel.kind !== 'city').map((channel) => channel.slug) as [string, ...string[]];
  const route = createRoute({
    method: 'get',
    path: '/enterprises',
    summary: '入驻企业名录',
    description: '审核通过的入驻企业,最新通过的在前;与 /enterprises 页面所示相同,不含联系人等个人信息。',
    tags: ['企业'],
    request: {
      query: z.object({
        industry: z
          .enum(INDUSTRIES.map((item) => item.code) as [string, ...string[]], { error: '没有这个行业门类' })
          .optional()
          .openapi({ description: '行业门类字母', example: 'I' }),
        channel: z.enum(districts, { error: '没有这个区域' }).optional().openapi({ description: '落户区域的频道代码', example: 'donghu' }),
        ...pageParams(),
      }),
    },
    responses: { 200: jsonResponse(pageOf(EnterpriseSchema, 'EnterprisePage'), '一页企业'), ...problemResponses },
  });
  return apiRouter().openapi(route, async (c) => {
    const { industry, channel, limit, cursor } = c.req.valid('query');
    const { offset } = decodeCursor(cursor, offsetSchema) ?? { offset: 0 };
    const { total, entries } = await enterpriseDirectorySlice(db, { industry, channel, offset, limit });
    const items = entries.map((entry) => ({
      companyName: entry.companyName,
      industry: { code: entry.industry, name: industryName(entry.industry) },
      channel: { slug: entry.channel, name: ctx.navChannel(entry.channel).name },
      registrationCountry: entry.registrationCountry === null ? null : { code: entry.registrationCountry, name: countryName(entry.registrationCountry) },
      plannedInvestment: entry.plannedInvestment,
      description: entry.description,
    }));
    return c.json({ items, nextCursor: offset + limit < total ? encodeCursor({ offset: offset + limit }) : null }, 200);
  });
}
