// 投稿: the public form and the status lookup.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { csrfToken } from '../http/csrf.ts';
import type { FieldState } from '../http/form-controls.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { NO_STORE } from '../http/no-store.ts';
import { publicFormGuard, readPublicForm } from '../http/public-form.ts';
import { clientAddress, rateLimited } from '../http/rate-limit.ts';
import { normalizeTrackingCode, submissionSchema } from './submission.ts';
import { submissionStatus, submitContribution } from './submission.service.ts';
import { SubmissionStatusPage, SubmitPage } from './views/submit-pages.tsx';

const SUBMIT_LIMIT = { name: 'submit', max: 5, windowSeconds: 600 };
// Far more than a contributor checking a few codes needs; a guesser of the 40-bit codes gets 30
// tries per 10 minutes instead of hundreds a second.
export const STATUS_LIMIT = { name: 'submit-status', max: 30, windowSeconds: 600 };

/** Routes: `/submit` (GET, POST) and `/submit/status`. */
export function submissionRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const schema = submissionSchema(channels.all.map((channel) => channel.slug));
  const channelOptions = channels.all.map((channel) => ({ value: channel.slug, label: channel.name }));
  const showForm = async (c: Context, state: FieldState, status: 200 | 400 = 200) =>
    c.html(htmlDocument(<SubmitPage chrome={await ctx.chrome()} token={csrfToken(c)} state={state} channels={channelOptions} />), status, NO_STORE);

  return new Hono()
    .get('/submit', (c) => showForm(c, { values: { channel: channels.city.slug }, errors: {} }))
    .post('/submit', publicFormGuard(ctx, SUBMIT_LIMIT), async (c) => {
      const result = await readPublicForm(c, schema);
      if (!result.ok) return showForm(c, result, 400);
      const code = await submitContribution(db, result.data);
      // Post/redirect/get: reloading the confirmation does not submit twice.
      return c.redirect(`/submit/status?code=${code}&new=1`, 303);
    })
    .get('/submit/status', rateLimited(db, STATUS_LIMIT, (c) => clientAddress(c, ctx.trustProxy), { countReads: true, activity: '查询' }), async (c) => {
      const typed = (c.req.query('code') ?? '').slice(0, 40);
      const chrome = await ctx.chrome();
      if (typed.trim() === '') return c.html(htmlDocument(<SubmissionStatusPage chrome={chrome} code="" />), 200, NO_STORE);
      const code = normalizeTrackingCode(typed);
      const found = code === undefined ? undefined : await submissionStatus(db, code);
      if (!found) {
        const problem = code === undefined ? '查询码格式不正确,应形如 TG-7K4M-Q9XZ。' : '没有找到这个查询码对应的投稿,请核对后重试。';
        return c.html(htmlDocument(<SubmissionStatusPage chrome={chrome} code={typed} problem={problem} />), code === undefined ? 400 : 404, NO_STORE);
      }
      return c.html(htmlDocument(<SubmissionStatusPage chrome={chrome} code={found.trackingCode} found={found} justSubmitted={c.req.query('new') === '1'} />), 200, NO_STORE);
    });
}
