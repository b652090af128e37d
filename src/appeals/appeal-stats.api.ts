// The open API's request statistics: the same figures as /appeals/stats, for a year or a month.
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../api/api-router.ts';
import { jsonResponse, problemResponses } from '../api/api-schemas.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError } from '../http/errors.tsx';
import { APPEAL_CATEGORIES } from './appeal.ts';
import { APPEAL_RATE_NOTES, periodKey, periodName, type AppealFigures } from './appeal-stats.ts';
import { appealStatistics, statsPeriodFor } from './appeal-stats.service.ts';

const rateField = (description: string) =>
  z
    .number()
    .nullable()
    .openapi({ description: `${description}(百分比,保留一位小数;分母为 0 时为 null)`, example: 83.3 });

const FiguresSchema = z
  .object({
    received: z.number().int().openapi({ description: '受理件数' }),
    resolved: z.number().int().openapi({ description: '办结件数(已答复待评价和已评价满意、基本满意的)' }),
    resolvedOnTime: z.number().int().openapi({ description: '按期办结件数' }),
    rated: z.number().int().openapi({ description: '已评价件数' }),
    satisfied: z.number().int().openapi({ description: '评价满意和基本满意的件数' }),
    resolvedRate: rateField('办结率 = 办结 ÷ 受理'),
    onTimeRate: rateField('按期办结率 = 按期办结 ÷ 办结'),
    satisfiedRate: rateField('满意率 =(满意 + 基本满意)÷ 已评价'),
  })
  .openapi('AppealFigures');

const StatisticsSchema = z
  .object({
    period: z.string().openapi({ description: '统计期', example: '2026-10' }),
    periodName: z.string().openapi({ example: '2026年10月' }),
    notes: z.array(z.string()).openapi({ description: '统计口径' }),
    total: FiguresSchema,
    byDistrict: z.array(
      z.object({
        district: z.object({ slug: z.string().openapi({ example: 'donghu' }), name: z.string().openapi({ example: '东湖区' }) }),
        figures: FiguresSchema,
      }),
    ),
    byCategory: z.array(z.object({ category: z.enum(APPEAL_CATEGORIES), figures: FiguresSchema })),
    byMonth: z
      .array(z.object({ month: z.string().openapi({ example: '2026-10' }), figures: FiguresSchema }))
      .openapi({ description: '统计期所在年份各月(至本月)' }),
  })
  .openapi('AppealStatistics');

const shownFigures = (figures: AppealFigures) => ({
  received: figures.received,
  resolved: figures.resolved,
  resolvedOnTime: figures.resolvedOnTime,
  rated: figures.rated,
  satisfied: figures.satisfied,
  resolvedRate: figures.resolvedRate ?? null,
  onTimeRate: figures.onTimeRate ?? null,
  satisfiedRate: figures.satisfiedRate ?? null,
});

/** Route: `GET /appeals/stats`. */
export function appealStatsApi(ctx: RouteContext) {
  const { db, channels } = ctx;
  const route = createRoute({
    method: 'get',
    path: '/appeals/stats',
    summary: '企业诉求办理情况统计',
    description: '某年或某月提交的企业诉求的受理、办结、按期办结和满意情况,合计及按地区、类别统计,另附该年各月的趋势。与 /appeals/stats 页面的数字相同。',
    tags: ['企业诉求'],
    request: {
      query: z.object({
        period: z
          .string()
          .regex(/^\d{4}(-\d{2})?$/u, { error: '须为年份(2026)或年月(2026-10)' })
          .optional()
          .openapi({ description: '统计期:年份或年月(北京时间),不晚于本月;不填为本年', example: '2026' }),
      }),
    },
    responses: { 200: jsonResponse(StatisticsSchema, '统计结果'), ...problemResponses },
  });
  return apiRouter().openapi(route, async (c) => {
    const now = new Date();
    const period = statsPeriodFor(c.req.valid('query').period, now);
    if ('problem' in period) throw new AppError(400, 'bad_request', `查询参数“period”无效:${period.problem}`);
    const statistics = await appealStatistics(db, channels, period, now);
    return c.json(
      {
        period: periodKey(period),
        periodName: periodName(period),
        notes: [...APPEAL_RATE_NOTES],
        total: shownFigures(statistics.total),
        byDistrict: statistics.byChannel.map((row) => ({
          district: { slug: row.channel, name: ctx.navChannel(row.channel).name },
          figures: shownFigures(row.figures),
        })),
        byCategory: statistics.byCategory.map((row) => ({ category: row.category, figures: shownFigures(row.figures) })),
        byMonth: statistics.byMonth.map((row) => ({ month: row.month, figures: shownFigures(row.figures) })),
      },
      200,
    );
  });
}
