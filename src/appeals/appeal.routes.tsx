// 企业诉求: the request form, the enterprise's tracking page, and its rating of the resolution.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { caseLookupLimit, caseStatusHandler, type CaseLookup } from '../http/case-status.tsx';
import { csrfToken } from '../http/csrf.ts';
import type { FieldState } from '../http/form-controls.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { NO_STORE } from '../http/no-store.ts';
import { publicForm } from '../http/public-form.ts';
import { normalizeTrackingCode } from '../lib/tracking-code.ts';
import { APPEAL_CATEGORIES, APPEAL_CODE_PREFIX, APPEAL_STATUS_NAMES, appealSchema, ratingSchema, type AppealProgress } from './appeal.ts';
import { appealProgress, fileAppeal, rateAppeal } from './appeal.service.ts';
import { AppealFormPage, AppealTrackPage } from './views/appeal-pages.tsx';

/** Accepted requests (and abuse) per client. */
export const APPEAL_LIMIT = { name: 'appeal', max: 5, windowSeconds: 600 };
/** Accepted ratings (and abuse) per client. */
export const RATING_LIMIT = { name: 'appeal-rating', max: 10, windowSeconds: 600 };

const blank: FieldState = { values: {}, errors: {} };

/** Routes: `/appeals` (GET, POST), `/appeals/track`, POST `/appeals/rate`. */
export function appealRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const officeName = (slug: string) => `${ctx.navChannel(slug).name}招商部门`;
  const districts = channels.all.map((channel) => ({ value: channel.slug, label: channel.name }));
  const schema = appealSchema(channels.all.map((channel) => channel.slug));
  const filing = publicForm(ctx, APPEAL_LIMIT);
  const rating = publicForm(ctx, RATING_LIMIT);
  const lookupLimit = caseLookupLimit(ctx);
  const workingDays = APPEAL_CATEGORIES.map((category) => `${category} ${ctx.appealWorkingDays[category]} 个工作日`).join('、');

  const showForm = async (c: Context, state: FieldState, status: 200 | 400 | 429 = 200) =>
    c.html(
      htmlDocument(<AppealFormPage chrome={await ctx.chrome(c, status)} token={csrfToken(c)} state={state} districts={districts} workingDays={workingDays} />),
      status,
      NO_STORE,
    );
  const showTrack = async (c: Context, lookup: CaseLookup<AppealProgress>, status: 200 | 400 | 404 | 429, state = blank) =>
    c.html(
      htmlDocument(
        <AppealTrackPage
          chrome={await ctx.chrome(c, status)}
          lookup={lookup}
          officeName={officeName}
          token={csrfToken(c)}
          rating={state}
          rated={c.req.query('rated') === '1'}
        />,
      ),
      status,
      NO_STORE,
    );

  return (
    new Hono()
      .get('/appeals', (c) => showForm(c, blank))
      .post('/appeals', filing.guard, async (c) => {
        const result = await filing.read(c, schema);
        if (!result.ok) return showForm(c, result, result.problem ? 429 : 400);
        const { trackingCode } = await fileAppeal(db, result.data);
        // Post/redirect/get: reloading the receipt does not file twice.
        return c.redirect(`/appeals/track?code=${trackingCode}&new=1`, 303);
      })
      .get(
        '/appeals/track',
        lookupLimit,
        caseStatusHandler({
          prefix: APPEAL_CODE_PREFIX,
          noun: '诉求',
          find: (code) => appealProgress(db, code),
          show: (c, lookup, status) => showTrack(c, lookup, status),
        }),
      )
      // A rating shows the case again, so it costs a lookup too: nobody finds cases by posting ratings.
      .post('/appeals/rate', lookupLimit, rating.guard, async (c) => {
        const result = await rating.read(c, ratingSchema);
        const typed = (result.values.code ?? '').slice(0, 40);
        const code = normalizeTrackingCode(APPEAL_CODE_PREFIX, typed);
        const found = code === undefined ? undefined : await appealProgress(db, code);
        if (!found) return showTrack(c, { code: typed, problem: '没有找到这个查询码对应的诉求,请核对后重试。' }, 404);
        const lookup = { code: found.trackingCode, found };
        if (!result.ok) return showTrack(c, lookup, result.problem ? 429 : 400, result);
        const outcome = await rateAppeal(db, found.trackingCode, result.data);
        if (outcome === 'not_resolved' || outcome === 'not_found') {
          // Read again: another rating may have moved it on since the lookup above.
          const current = (await appealProgress(db, found.trackingCode)) ?? found;
          const problem = `这项诉求现在是“${APPEAL_STATUS_NAMES[current.status]}”,不在待评价状态,不能评价。`;
          return showTrack(c, { code: current.trackingCode, found: current, problem }, 400);
        }
        return c.redirect(`/appeals/track?code=${found.trackingCode}&rated=1`, 303);
      })
  );
}
