// The open JSON API under /api/v1, its OpenAPI 3.1 document and the /api/docs reference page.
// Each feature declares its endpoints in its own `*.api.ts`; this file only mounts them and adds
// what every endpoint shares: CORS, the per-client limit, ETags and the cache policy.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { appealStatsApi } from '../appeals/appeal-stats.api.ts';
import { articleApi } from '../articles/article.api.ts';
import { channelApi } from '../channels/channel.api.ts';
import { enterpriseApi } from '../enterprises/enterprise.api.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { htmlDocument } from '../http/layout.tsx';
import { siteOrigin } from '../http/origin.ts';
import { clientAddress } from '../http/rate-limit.ts';
import { insightApi } from '../insights/insight.api.ts';
import { siteApi } from '../parks/site.api.ts';
import { policyApi } from '../policies/policy.api.ts';
import { questionApi } from '../questions/question.api.ts';
import { searchApi } from '../search/search.api.ts';
import { apiRouter } from './api-router.ts';
import { jsonResponse, problemResponses } from './api-schemas.ts';
import { ClientRateLimiter, clientRateLimited } from './client-rate-limit.ts';
import { conditionalGet } from './conditional-get.ts';
import { ApiDocsPage, type ApiDocument } from './views/api-docs-page.tsx';

/** Where the API lives; the document's paths are relative to it. */
export const API_BASE = '/api/v1';

// Headers a page on another origin may read: the validators, the limit and the deprecation notices.
const EXPOSED_HEADERS = ['ETag', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After', 'Link', 'Deprecation'];

const DocumentSchema = z
  .object({
    openapi: z.string().openapi({ example: '3.1.0' }),
    info: z.object({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .openapi('OpenAPIDocument');

/** Routes: every endpoint under `/api/v1` (with `/api/v1/openapi.json`) and `/api/docs`. */
export function apiRoutes(ctx: RouteContext): Hono {
  const limit = ctx.apiRateLimit;
  const limiter = new ClientRateLimiter(limit);
  const v1 = new OpenAPIHono();
  v1.use(cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: EXPOSED_HEADERS, maxAge: 86_400 }));
  v1.use(clientRateLimited(limiter, (c) => clientAddress(c, ctx.trustProxy)));
  // Not through ctx.cachedPage: the server's fast path answers cached pages before routing, which
  // would skip the limit and CORS. ETags still spare the bytes of unchanged answers.
  v1.use(conditionalGet());
  v1.route('/', articleApi(ctx));
  v1.route('/', channelApi(ctx));
  v1.route('/', searchApi(ctx));
  v1.route('/', insightApi(ctx));
  v1.route('/', enterpriseApi(ctx));
  v1.route('/', questionApi(ctx));
  v1.route('/', appealStatsApi(ctx));
  v1.route('/', policyApi(ctx));
  v1.route('/', siteApi(ctx));

  // Generated once, from the routes' own schemas: there is no hand-kept copy to drift.
  let document: ReturnType<OpenAPIHono['getOpenAPI31Document']> | undefined;
  const openApiDocument = () =>
    (document ??= v1.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: `${ctx.site.siteName}开放接口`,
        version: '1.0.0',
        description: `只读的 JSON 接口。游标分页(nextCursor),支持 ETag/304 与跨域 GET;每个客户端每 ${limit.windowSeconds} 秒最多 ${limit.max} 次请求(按每个服务进程计),错误按 RFC 9457 返回 application/problem+json。`,
      },
      servers: [{ url: API_BASE }],
    }));
  v1.route(
    '/',
    apiRouter().openapi(
      createRoute({
        method: 'get',
        path: '/openapi.json',
        summary: 'OpenAPI 3.1 文档',
        description: '本接口的机器可读说明,由校验各接口参数的同一套模式生成。',
        tags: ['说明'],
        responses: { 200: jsonResponse(DocumentSchema, 'OpenAPI 文档'), ...problemResponses },
      }),
      (c) => c.json(openApiDocument() as z.infer<typeof DocumentSchema>, 200),
    ),
  );

  return new Hono()
    .route(API_BASE, v1)
    .get('/api/docs', async (c) =>
      c.html(htmlDocument(<ApiDocsPage chrome={await ctx.chrome(c)} document={openApiDocument() as ApiDocument} base={API_BASE} origin={siteOrigin(c)} />)),
    );
}
