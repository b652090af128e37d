// 企业入驻: the application form and the public directory of approved enterprises.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { csrfToken } from '../http/csrf.ts';
import { caseLookupLimit, caseStatusHandler } from '../http/case-status.tsx';
import { AppError } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { NO_STORE } from '../http/no-store.ts';
import { publicForm } from '../http/public-form.ts';
import { parsePageNumber } from '../http/request-params.ts';
import { englishChannelName } from '../channels/channel.ts';
import { englishTooOften } from '../i18n/english-form-fields.ts';
import { normalizeTrackingCode } from '../lib/tracking-code.ts';
import { APPLICATION_CODE_PREFIX, applicationSchema, englishApplicationSchema } from './application.ts';
import { applicationStatus, applyForSettlement, enterpriseDirectory } from './application.service.ts';
import { INDUSTRIES } from './industry.ts';
import { ApplicationStatusPage, ApplyPage, DirectoryPage } from './views/enterprise-pages.tsx';
import { EnglishApplyPage } from './views/english-apply-page.tsx';

// A second open application for the same company, said in English.
const ALREADY_OPEN_EN = 'This company already has an application under review; please do not apply twice. Its reference shows its progress.';

/** Accepted applications (and abuse) per client. */
export const APPLY_LIMIT = { name: 'apply', max: 5, windowSeconds: 600 };

/** Routes: `/enterprises/apply` (GET, POST), `/enterprises/status`, `/enterprises`, and the English form `/en/enterprises/apply` (GET, `?sent=`; POST). */
export function enterpriseRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const districts = channels.all.filter((channel) => channel.kind !== 'city');
  const districtOptions = districts.map((channel) => ({ value: channel.slug, label: channel.name }));
  const schema = applicationSchema(districts.map((channel) => channel.slug));
  const form = publicForm(ctx, APPLY_LIMIT);
  const showForm = async (c: Context, state: FieldState, status: 200 | 400 | 429 = 200) =>
    c.html(htmlDocument(<ApplyPage chrome={await ctx.chrome(c, status)} token={csrfToken(c)} state={state} districts={districtOptions} />), status, NO_STORE);

  // The English form: the same queue and limits; the application records that it came in English.
  const englishDistricts = districts.map((channel) => ({ value: channel.slug, label: englishChannelName(channel) }));
  const englishSchema = englishApplicationSchema(districts.map((channel) => channel.slug));
  const showEnglish = async (c: Context, state: FieldState, status: 200 | 400 | 429 = 200, sent?: string) =>
    c.html(
      htmlDocument(<EnglishApplyPage chrome={await ctx.chrome(c, status)} token={csrfToken(c)} state={state} districts={englishDistricts} sent={sent} />),
      status,
      NO_STORE,
    );

  return new Hono()
    .get('/enterprises/apply', (c) => showForm(c, { values: { registration: 'china' }, errors: {} }))
    .get('/en/enterprises/apply', (c) =>
      showEnglish(c, { values: { registration: 'abroad' }, errors: {} }, 200, normalizeTrackingCode(APPLICATION_CODE_PREFIX, c.req.query('sent') ?? '')),
    )
    .post('/en/enterprises/apply', form.guard, async (c) => {
      const result = await form.read(c, englishSchema);
      if (!result.ok) return showEnglish(c, { ...result, problem: result.problem && englishTooOften(result.retryAfterSeconds) }, result.problem ? 429 : 400);
      const outcome = await applyForSettlement(db, result.data, new Date(), 'en');
      if (!('trackingCode' in outcome)) {
        const field = 'creditCode' in outcome ? 'creditCode' : 'registrationNumber';
        return showEnglish(c, { values: result.values, errors: { [field]: ALREADY_OPEN_EN } }, 400);
      }
      return c.redirect(`/en/enterprises/apply?sent=${outcome.trackingCode}`, 303);
    })
    .post('/enterprises/apply', form.guard, async (c) => {
      const result = await form.read(c, schema);
      if (!result.ok) return showForm(c, result, result.problem ? 429 : 400);
      const outcome = await applyForSettlement(db, result.data);
      if (!('trackingCode' in outcome)) return showForm(c, { values: result.values, errors: outcome }, 400);
      return c.redirect(`/enterprises/status?code=${outcome.trackingCode}&new=1`, 303);
    })
    .get(
      '/enterprises/status',
      caseLookupLimit(ctx),
      caseStatusHandler({
        prefix: APPLICATION_CODE_PREFIX,
        noun: '入驻申请',
        find: (code) => applicationStatus(db, code),
        show: async (c, lookup, status) =>
          c.html(htmlDocument(<ApplicationStatusPage chrome={await ctx.chrome(c, status)} lookup={lookup} />), status, NO_STORE),
      }),
    )
    .get(
      '/enterprises',
      ctx.cachedPage(['industry', 'channel', 'page'], async (c) => {
        const industry = c.req.query('industry') || undefined;
        const channel = c.req.query('channel') || undefined;
        if (industry !== undefined && !INDUSTRIES.some((item) => item.code === industry))
          throw new AppError(400, 'bad_request', '没有这个行业门类,请从列表中选择。');
        if (channel !== undefined && !districts.some((item) => item.slug === channel)) throw new AppError(400, 'bad_request', '没有这个区域,请从列表中选择。');
        const directory = await enterpriseDirectory(db, { industry, channel, page: parsePageNumber(c.req.query('page')) });
        if (directory.page > directory.pageCount) throw new AppError(404, 'not_found', '没有这一页。');
        const filter = { industry: industry ?? '', channel: channel ?? '' };
        return c.html(
          htmlDocument(
            <DirectoryPage chrome={await ctx.chrome(c)} districts={districtOptions} filter={filter} directory={directory} navChannel={ctx.navChannel} />,
          ),
        );
      }),
    );
}
