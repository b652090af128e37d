// The footer's public services. Their forms arrive with the participation feature; until then each
// page says plainly that the service is not open yet.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { htmlDocument, Layout } from '../http/layout.tsx';

const SERVICES = [
  { path: '/contact', title: '联系我们', what: '在线留言' },
  { path: '/enterprises/apply', title: '企业入驻', what: '企业入驻在线申请' },
] as const;

/** Routes: `/contact`, `/enterprises/apply`. */
export function participationRoutes(ctx: RouteContext): Hono {
  const app = new Hono();
  for (const service of SERVICES) {
    app.get(
      service.path,
      ctx.cachedPage(async (c) =>
        c.html(
          htmlDocument(
            <Layout chrome={await ctx.chrome()} title={service.title}>
              <h1>{service.title}</h1>
              <div class="notice">
                <p>{service.what}功能正在建设中,暂未开放,敬请期待。</p>
                <p>
                  <a href="/">返回首页</a>
                </p>
              </div>
            </Layout>,
          ),
        ),
      ),
    );
  }
  return app;
}
