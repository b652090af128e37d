// 联系我们: contact details, the message form and the message's status lookup.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { caseLookupLimit, caseStatusHandler } from '../http/case-status.tsx';
import { csrfToken } from '../http/csrf.ts';
import type { FieldState } from '../http/form-controls.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { NO_STORE } from '../http/no-store.ts';
import { publicForm } from '../http/public-form.ts';
import { englishChannelName } from '../channels/channel.ts';
import { englishTooOften } from '../i18n/english-form-fields.ts';
import { normalizeTrackingCode } from '../lib/tracking-code.ts';
import { englishMessageSchema, MESSAGE_CODE_PREFIX, messageSchema } from './message.ts';
import { leaveMessage, messageStatus } from './message.service.ts';
import { ContactPage, MessageStatusPage } from './views/contact-page.tsx';
import { EnglishContactPage } from './views/english-contact-page.tsx';

/** Accepted messages (and abuse) per client. */
export const CONTACT_LIMIT = { name: 'contact', max: 5, windowSeconds: 600 };

/** Routes: `/contact` (GET, POST), `/contact/status`, and the English form `/en/contact` (GET, `?sent=<code>`; POST). */
export function contactRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const offices = channels.all.map((channel) => ({ value: channel.slug, label: `${channel.name}招商部门` }));
  const schema = messageSchema(channels.all.map((channel) => channel.slug));
  const form = publicForm(ctx, CONTACT_LIMIT);
  const show = async (c: Context, state: FieldState, status: 200 | 400 | 429 = 200) =>
    c.html(
      htmlDocument(<ContactPage chrome={await ctx.chrome(c, status)} contact={ctx.contact} token={csrfToken(c)} state={state} offices={offices} />),
      status,
      NO_STORE,
    );

  // The English form: the same queue and limits, English labels and messages.
  const englishOffices = channels.all.map((channel) => ({ value: channel.slug, label: `${englishChannelName(channel)} investment promotion office` }));
  const englishSchema = englishMessageSchema(channels.all.map((channel) => channel.slug));
  const showEnglish = async (c: Context, state: FieldState, status: 200 | 400 | 429 = 200, sent?: string) =>
    c.html(
      htmlDocument(
        <EnglishContactPage
          chrome={await ctx.chrome(c, status)}
          contact={ctx.contact}
          token={csrfToken(c)}
          state={state}
          offices={englishOffices}
          sent={sent}
        />,
      ),
      status,
      NO_STORE,
    );

  return new Hono()
    .get('/contact', (c) => show(c, { values: { channel: channels.city.slug }, errors: {} }))
    .get('/en/contact', (c) => {
      const sent = normalizeTrackingCode(MESSAGE_CODE_PREFIX, c.req.query('sent') ?? '');
      return showEnglish(c, { values: { channel: channels.city.slug }, errors: {} }, 200, sent);
    })
    .post('/en/contact', form.guard, async (c) => {
      const result = await form.read(c, englishSchema);
      if (!result.ok) {
        const problem = result.problem && englishTooOften(result.retryAfterSeconds);
        return showEnglish(c, { ...result, problem }, result.problem ? 429 : 400);
      }
      const { trackingCode } = await leaveMessage(db, result.data);
      return c.redirect(`/en/contact?sent=${trackingCode}`, 303);
    })
    .post('/contact', form.guard, async (c) => {
      const result = await form.read(c, schema);
      if (!result.ok) return show(c, result, result.problem ? 429 : 400);
      const { trackingCode } = await leaveMessage(db, result.data);
      return c.redirect(`/contact/status?code=${trackingCode}&new=1`, 303);
    })
    .get(
      '/contact/status',
      caseLookupLimit(ctx),
      caseStatusHandler({
        prefix: MESSAGE_CODE_PREFIX,
        noun: '留言',
        find: (code) => messageStatus(db, code),
        show: async (c, lookup, status) => c.html(htmlDocument(<MessageStatusPage chrome={await ctx.chrome(c, status)} lookup={lookup} />), status, NO_STORE),
      }),
    );
}
