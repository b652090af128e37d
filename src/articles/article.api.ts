// The open API's article endpoints: the newest-first list with filters, and one article.
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../api/api-router.ts';
import { calendarDate, idParams, jsonResponse, notFoundResponse, pageOf, pageParams, problemResponses } from '../api/api-schemas.ts';
import { decodeCursor, encodeCursor } from '../api/cursor.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { articlesPage } from './article.service.ts';
import { articleInEnglish, articlesWithEnglish } from './article-english.service.ts';
import { AttachmentListSchema, attachmentsJson } from '../uploads/attachment.api.ts';
import { attachmentsOf } from '../uploads/attachment.service.ts';

const ChannelRefSchema = z
  .object({
    slug: z.string().openapi({ example: 'donghu' }),
    name: z.string().openapi({ example: '东湖区' }),
    englishName: z.string().openapi({ description: '英文名称', example: 'Donghu District' }),
  })
  .openapi('ChannelRef');

/** An article's or policy's English version, written by editors. */
export const EnglishVersionSchema = z
  .object({
    title: z.string(),
    summary: z.string(),
    body: z.string().openapi({ description: '英文正文(Markdown)' }),
    machineTranslated: z.boolean().openapi({ description: '来自机器翻译:仅供参考,以中文版为准' }),
    updatedAt: z.string().openapi({ description: '最后修改时间(ISO 8601)' }),
    url: z.string().openapi({ description: '英文网页地址', example: '/en/articles/1' }),
  })
  .openapi('EnglishVersion');

const ArticleSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    channel: ChannelRefSchema,
    publishedOn: z.string().openapi({ description: '发布日期(北京时间)', example: '2025-07-30' }),
    excerpt: z.string(),
    url: z.string().openapi({ description: '网页地址', example: '/articles/1' }),
    englishUrl: z.string().nullable().openapi({ description: '英文版网页地址;没有英文版时为 null', example: '/en/articles/1' }),
  })
  .openapi('ArticleSummary');

const ArticleSchema = ArticleSummarySchema.extend({
  originalTitle: z.string().openapi({ description: '原标题(含频道标签)' }),
  body: z.string().openapi({ description: '正文,格式见 bodyFormat' }),
  bodyFormat: z.enum(['text', 'markdown']),
  attachments: AttachmentListSchema,
  updatedAt: z.string().openapi({ description: '最后修改时间(ISO 8601)' }),
  english: EnglishVersionSchema.nullable().openapi({ description: '编辑撰写的英文版;没有时为 null' }),
}).openapi('Article');

const positionSchema = z.object({ publishedOn: z.string(), id: z.number().int() });

/** Routes: `GET /articles`, `GET /articles/{id}`. */
export function articleApi(ctx: RouteContext) {
  const { db, channels } = ctx;
  const slugs = channels.all.map((channel) => channel.slug) as [string, ...string[]];
  const channelRef = (slug: string) => ctx.navChannel(slug);

  const listRoute = createRoute({
    method: 'get',
    path: '/articles',
    summary: '文章列表(最新在前)',
    description: '按发布日期倒序列出已发布文章,可按频道和日期筛选;游标分页,翻页期间新增的文章不会造成重复或遗漏。',
    tags: ['文章'],
    request: {
      query: z.object({
        channel: z.enum(slugs, { error: '没有这个频道' }).optional().openapi({ description: '频道代码(见 /api/v1/channels)', example: 'donghu' }),
        from: calendarDate('起始日期(含)', '2015-01-01'),
        to: calendarDate('截止日期(含)', '2026-12-31'),
        ...pageParams(),
      }),
    },
    responses: { 200: jsonResponse(pageOf(ArticleSummarySchema, 'ArticlePage'), '一页文章'), ...problemResponses },
  });

  const oneRoute = createRoute({
    method: 'get',
    path: '/articles/{id}',
    summary: '单篇文章',
    tags: ['文章'],
    request: {
      params: idParams('文章编号'),
    },
    responses: {
      200: jsonResponse(ArticleSchema, '文章'),
      404: notFoundResponse('没有这篇文章'),
      ...problemResponses,
    },
  });

  const summary = (article: { id: number; title: string; channel: string; publishedOn: string; excerpt: string }, hasEnglish: boolean) => ({
    id: article.id,
    title: article.title,
    channel: channelRef(article.channel),
    publishedOn: article.publishedOn,
    excerpt: article.excerpt,
    url: `/articles/${article.id}`,
    englishUrl: hasEnglish ? `/en/articles/${article.id}` : null,
  });

  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { channel, from, to, limit, cursor } = c.req.valid('query');
      if (from && to && from > to) throw new AppError(400, 'bad_request', '参数“from”无效:起始日期不能晚于截止日期。');
      const after = decodeCursor(cursor, positionSchema);
      // One more than asked tells whether there is a next page, so the last page has no cursor.
      const found = await articlesPage(db, { channel, from, to, after, limit: limit + 1 });
      const items = found.slice(0, limit);
      const last = items.at(-1);
      const nextCursor = found.length > limit && last ? encodeCursor({ publishedOn: last.publishedOn, id: last.id }) : null;
      const english = await articlesWithEnglish(
        db,
        items.map((item) => item.id),
      );
      return c.json({ items: items.map((item) => summary(item, english.has(item.id))), nextCursor }, 200);
    })
    .openapi(oneRoute, async (c) => {
      const found = await articleInEnglish(db, c.req.valid('param').id);
      if (!found) throw notFound('没有这篇文章,或它已被撤下。');
      const { article, english } = found;
      return c.json(
        {
          ...summary(article, english !== undefined),
          originalTitle: article.originalTitle,
          body: article.body,
          bodyFormat: article.bodyFormat,
          attachments: attachmentsJson(await attachmentsOf(db, 'article', article.id)),
          updatedAt: article.updatedAt,
          english: english ? { ...english, url: `/en/articles/${article.id}` } : null,
        },
        200,
      );
    });
}
