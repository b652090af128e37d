// The schemas every endpoint of the open API shares: problem details, the cursor and limit
// parameters and the page envelope. The OpenAPI document is generated from these same schemas.
import { z } from '@hono/zod-openapi';
import { isCalendarDate } from '../articles/article.ts';

/** RFC 9457 problem details, as src/http/errors.tsx writes them for every path under /api/. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string().openapi({ example: '请求有误' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({ example: '参数“limit”无效:最大为 100。' }),
    code: z.string().openapi({ description: '机器可读的错误代码', example: 'bad_request' }),
    requestId: z.string().optional().openapi({ description: '服务器内部错误的编号,用于查找日志' }),
  })
  .openapi('Problem');

/** The largest page an endpoint returns. */
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

/** `?limit=` (at most `max`) and `?cursor=`: every list endpoint takes both. */
export const pageParams = (max = MAX_LIMIT) => ({
  limit: z.coerce
    .number({ error: '须为整数' })
    .int({ error: '须为整数' })
    .min(1, { error: '最小为 1' })
    .max(max, { error: `最大为 ${max}` })
    .default(Math.min(DEFAULT_LIMIT, max))
    .openapi({ description: `每页条数(1–${max},默认 ${Math.min(DEFAULT_LIMIT, max)})`, example: 5 }),
  cursor: z.string().max(500, { error: '过长' }).optional().openapi({ description: '上一页返回的 nextCursor;不填则从第一页开始', example: '' }),
});

/** The `{id}` path parameter of a one-item endpoint: a positive integer. */
export const idParams = (description: string) =>
  z.object({
    id: z.coerce.number({ error: '须为正整数' }).int({ error: '须为正整数' }).positive({ error: '须为正整数' }).openapi({ description, example: 1 }),
  });

/** The 404 answer of a one-item endpoint. */
export const notFoundResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } }) as const;

/** A calendar date YYYY-MM-DD (Beijing time), checked for a real date. */
export const calendarDate = (description: string, example: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '须为 2025-01-31 格式的日期' })
    .refine(isCalendarDate, { error: '不是有效的日期' })
    .optional()
    .openapi({ description, example });

/** One page of a list: its items and the cursor of the next page (null on the last). */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: '下一页的游标;null 表示已是最后一页' }),
    })
    .openapi(name);
}

/** The error answers every endpoint may give, documented once. */
export const problemResponses = {
  400: { description: '参数有误', content: { 'application/problem+json': { schema: ProblemSchema } } },
  429: { description: '请求过于频繁', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;

/** The JSON answer of a route, for its `responses`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}
