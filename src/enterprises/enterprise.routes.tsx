// 企业入驻: the application form and the public directory of approved enterprises.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { csrfToken } from '../http/csrf.ts';
import { AppError } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { NO_STORE } from '../http/no-store.ts';
import { publicFormGuard, readPublicForm } from '../http/public-form.ts';
import { parsePageNumber } from '../http/request-params.ts';
import { applicationSchema } from './application.ts';
import { applyForSettlement, enterpriseDirectory } from './application.service.ts';
import { INDUSTRIES } from './industry.ts';
import { AppliedPage, ApplyPage, DirectoryPage } from './views/enterprise-pages.tsx';

const APPLY_LIMIT = { name: 'apply', max: 5, windowSeconds: 600 };

/** Routes: `/enterprises/apply` (GET, POST), `/enterprises/applied`, `/enterprises`. */
export function enterpriseRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const districts = channels.all.filter((channel) => channel.kind !== 'city');
  const districtOptions = districts.map((channel) => ({ value: channel.slug, label: channel.name }));
  const schema = applicationSchema(districts.map((channel) => channel.slug));
  const showForm = async (c: Context, state: FieldState, status: 200 | 400 = 200) =>
    c.html(htmlDocument(<ApplyPage chrome={await ctx.chrome()} token={csrfToken(c)} state={state} districts={districtOptions} />), status, NO_STORE);

  return new Hono()
    .get('/enterprises/apply', (c) => showForm(c, { values: {}, errors: {} }))
    .post('/enterprises/apply', publicFormGuard(ctx, APPLY_LIMIT), async (c) => {
      const result = await readPublicForm(c, schema);
      if (!result.ok) return showForm(c, result, 400);
      const outcome = await applyForSettlement(db, result.data);
      if ('creditCode' in outcome) return showForm(c, { values: result.values, errors: outcome }, 400);
      return c.redirect('/enterprises/applied', 303);
    })
    .get('/enterprises/applied', async (c) => c.html(htmlDocument(<AppliedPage chrome={await ctx.chrome()} />)))
    .get(
      '/enterprises',
      ctx.cachedPage(['industry', 'channel', 'page'], async (c) => {
        const industry = c.req.query('industry') || undefined;
        const channel = c.req.query('channel') || undefined;
        if (industry !== undefined && !INDUSTRIES.some((item) => item.code === industry)) throw new AppError(400, 'bad_request', '没有这个行业门类,请从列表中选择。');
        if (channel !== undefined && !districts.some((item) => item.slug === channel)) throw new AppError(400, 'bad_request', '没有这个区域,请从列表中选择。');
        const directory = await enterpriseDirectory(db, { industry, channel, page: parsePageNumber(c.req.query('page')) });
        if (directory.page > directory.pageCount) throw new AppError(404, 'not_found', '没有这一页。');
        const filter = { industry: industry ?? '', channel: channel ?? '' };
        return c.html(htmlDocument(<DirectoryPage chrome={await ctx.chrome()} districts={districtOptions} filter={filter} directory={directory} navChannel={ctx.navChannel} />));
      }),
    );
}
