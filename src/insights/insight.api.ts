// The open API's indicator and project endpoints. They follow INSIGHTS_PUBLIC exactly as /data and
// /projects do: with `confirmed` only figures an editor confirmed; with `marked` the others too,
// each with verified: false and the mark 系统识别，待核实, never as the portal's own figure.
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../api/api-router.ts';
import { jsonResponse, pageOf, pageParams, problemResponses } from '../api/api-schemas.ts';
import { decodeCursor, offsetPage } from '../api/cursor.ts';
import { sentenceHref } from '../articles/sentence-link.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { PROJECT_STAGES } from '../lib/project-stages.ts';
import { INDICATOR_NAMES, indicatorRows, KIND_NAMES, projectRows, UNVERIFIED_MARK } from './insight.service.ts';

const ChannelRefSchema = z.object({ slug: z.string(), name: z.string() });
const reviewFields = {
  verified: z.boolean().openapi({ description: '是否经编辑核实;false 的数据为系统从文章中识别,仅供参考' }),
  status: z.string().openapi({ description: `“已核实”或“${UNVERIFIED_MARK}”` }),
  sentence: z.string().nullable().openapi({ description: '数据所在的原文句子' }),
};

const IndicatorSchema = z
  .object({
    id: z.number().int(),
    place: z.string().openapi({ description: '数据所指的地区(可能是文章所在频道以外的地区,如全国)', example: '东湖区' }),
    channel: ChannelRefSchema.nullable().openapi({ description: '数据属于的频道;所指地区不是本站频道时为 null' }),
    indicator: z.enum(Object.keys(INDICATOR_NAMES) as [string, ...string[]]),
    indicatorName: z.string().openapi({ example: '地区生产总值' }),
    kind: z.enum(Object.keys(KIND_NAMES) as [string, ...string[]]).openapi({ description: 'actual 实际、target 目标、period_average 年均、period_total 累计' }),
    year: z.number().int().nullable(),
    period: z.string().nullable(),
    value: z.number().nullable(),
    unit: z.string().nullable(),
    growth: z.number().nullable().openapi({ description: '增长(%)' }),
    stretch: z.number().nullable().openapi({ description: '力争增长(%)' }),
    qualifier: z.string().nullable(),
    ...reviewFields,
    sentence: z.string(),
    articleUrl: z.string(),
    sourceUrl: z.string().openapi({ description: '原文句子在文章中高亮显示的地址' }),
  })
  .openapi('Indicator');

const ProjectSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    amount: z.number().nullable().openapi({ description: '总投资,单位见 unit' }),
    unit: z.string().nullable(),
    amountYi: z.number().nullable().openapi({ description: '总投资折合亿元' }),
    qualifier: z.string().nullable(),
    channel: ChannelRefSchema,
    industry: z.string().nullable(),
    stage: z.string().nullable(),
    ...reviewFields,
    articleUrls: z.array(z.string()),
  })
  .openapi('Project');

const offsetSchema = z.object({ offset: z.number().int().min(1) });

/** Routes: `GET /indicators`, `GET /projects`. */
export function insightApi(ctx: RouteContext) {
  const { db, channels, insightsPublic: show } = ctx;
  const slugs = channels.all.map((channel) => channel.slug) as [string, ...string[]];
  const channelParam = z.enum(slugs, { error: '没有这个地区' }).optional().openapi({ description: '频道代码', example: 'donghu' });
  const figureNote = show === 'confirmed' ? '只含经编辑核实的数据。' : '含未经核实的系统识别数据,以 verified: false 标明。';

  const indicatorsRoute = createRoute({
    method: 'get',
    path: '/indicators',
    summary: '经济指标',
    description: `从政府工作报告等文章中读出的指标数据,与 /data 页面一致;${figureNote}`,
    tags: ['数据'],
    request: { query: z.object({ channel: channelParam, ...pageParams() }) },
    responses: { 200: jsonResponse(pageOf(IndicatorSchema, 'IndicatorPage'), '一页指标'), ...problemResponses },
  });
  const projectsRoute = createRoute({
    method: 'get',
    path: '/projects',
    summary: '项目库',
    description: `文章中提到的投资项目,总投资大者在前,与 /projects 页面一致;${figureNote}`,
    tags: ['数据'],
    request: {
      query: z.object({
        channel: channelParam,
        industry: z.string().max(50, { error: '过长' }).optional().openapi({ description: '产业链名称', example: '商贸' }),
        stage: z
          .enum(PROJECT_STAGES as [string, ...string[]], { error: '没有这个项目阶段' })
          .optional()
          .openapi({ description: '项目阶段', example: '开工/在建' }),
        ...pageParams(),
      }),
    },
    responses: { 200: jsonResponse(pageOf(ProjectSchema, 'ProjectPage'), '一页项目'), ...problemResponses },
  });

  const status = (verified: boolean) => (verified ? '已核实' : UNVERIFIED_MARK);
  return apiRouter()
    .openapi(indicatorsRoute, async (c) => {
      const { channel, limit, cursor } = c.req.valid('query');
      const { offset } = decodeCursor(cursor, offsetSchema) ?? { offset: 0 };
      const rows = await indicatorRows(db, channels, show, channel);
      const page = offsetPage(rows, offset, limit);
      const items = page.items.map((r) => ({
        id: r.id,
        place: r.place,
        channel: r.ownPlace ? { slug: r.channel, name: ctx.navChannel(r.channel).name } : null,
        indicator: r.indicator,
        indicatorName: INDICATOR_NAMES[r.indicator],
        kind: r.kind,
        year: r.year,
        period: r.period,
        value: r.value,
        unit: r.unit,
        growth: r.growth,
        stretch: r.stretch,
        qualifier: r.qualifier,
        verified: r.verified,
        status: status(r.verified),
        sentence: r.sentence,
        articleUrl: `/articles/${r.articleId}`,
        sourceUrl: sentenceHref(r),
      }));
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    })
    .openapi(projectsRoute, async (c) => {
      const { channel, industry, stage, limit, cursor } = c.req.valid('query');
      const { offset } = decodeCursor(cursor, offsetSchema) ?? { offset: 0 };
      const page = offsetPage(await projectRows(db, show, { channel, industry, stage }), offset, limit);
      const items = page.items.map((p) => ({
        id: p.id,
        name: p.name,
        amount: p.amount,
        unit: p.unit,
        amountYi: p.amountYi,
        qualifier: p.qualifier,
        channel: { slug: p.channel, name: ctx.navChannel(p.channel).name },
        industry: p.industry,
        stage: p.stage,
        verified: p.verified,
        status: status(p.verified),
        sentence: p.sentence,
        articleUrls: p.articles.map((id) => `/articles/${id}`),
      }));
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    });
}
