// 投稿: the public form and the status lookup.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { caseLookupLimit, caseStatusHandler } from '../http/case-status.tsx';
import { csrfToken } from '../http/csrf.ts';
import type { FieldState } from '../http/form-controls.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { NO_STORE } from '../http/no-store.ts';
import { publicForm } from '../http/public-form.ts';
import { submissionSchema, TRACKING_PREFIX } from './submission.ts';
import { submissionStatus, submitContribution } from './submission.service.ts';
import { SubmissionStatusPage, SubmitPage } from './views/submit-pages.tsx';

/** Accepted contributions (and abuse) per client. */
export const SUBMIT_LIMIT = { name: 'submit', max: 5, windowSeconds: 600 };

/** Routes: `/submit` (GET, POST) and `/submit/status`. */
export function submissionRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const schema = submissionSchema(channels.all.map((channel) => channel.slug));
  const form = publicForm(ctx, SUBMIT_LIMIT);
  const channelOptions = channels.all.map((channel) => ({ value: channel.slug, label: channel.name }));
  const showForm = async (c: Context, state: FieldState, status: 200 | 400 | 429 = 200) =>
    c.html(htmlDocument(<SubmitPage chrome={await ctx.chrome(c, status)} token={csrfToken(c)} state={state} channels={channelOptions} />), status, NO_STORE);

  return new Hono()
    .get('/submit', (c) => showForm(c, { values: { channel: channels.city.slug }, errors: {} }))
    .post('/submit', form.guard, async (c) => {
      const result = await form.read(c, schema);
      if (!result.ok) return showForm(c, result, result.problem ? 429 : 400);
      const code = await submitContribution(db, result.data);
      // Post/redirect/get: reloading the confirmation does not submit twice.
      return c.redirect(`/submit/status?code=${code}&new=1`, 303);
    })
    .get(
      '/submit/status',
      caseLookupLimit(ctx),
      caseStatusHandler({
        prefix: TRACKING_PREFIX,
        noun: '投稿',
        find: (code) => submissionStatus(db, code),
        show: async (c, lookup, status) =>
          c.html(htmlDocument(<SubmissionStatusPage chrome={await ctx.chrome(c, status)} lookup={lookup} />), status, NO_STORE),
      }),
    );
}
