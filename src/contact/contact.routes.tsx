// 联系我们: contact details and the message form.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { csrfToken } from '../http/csrf.ts';
import type { FieldState } from '../http/form-controls.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { NO_STORE } from '../http/no-store.ts';
import { publicFormGuard, readPublicForm } from '../http/public-form.ts';
import { messageSchema } from './message.ts';
import { leaveMessage } from './message.service.ts';
import { ContactPage } from './views/contact-page.tsx';

const CONTACT_LIMIT = { name: 'contact', max: 5, windowSeconds: 600 };

/** Routes: `/contact` (GET, POST). */
export function contactRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const offices = channels.all.map((channel) => ({ value: channel.slug, label: `${channel.name}招商部门` }));
  const schema = messageSchema(channels.all.map((channel) => channel.slug));
  const show = async (c: Context, state: FieldState, status: 200 | 400 = 200, sent = false) =>
    c.html(htmlDocument(<ContactPage chrome={await ctx.chrome()} contact={ctx.contact} token={csrfToken(c)} state={state} offices={offices} sent={sent} />), status, NO_STORE);

  return new Hono()
    .get('/contact', (c) => show(c, { values: { channel: channels.city.slug }, errors: {} }, 200, c.req.query('sent') === '1'))
    .post('/contact', publicFormGuard(ctx, CONTACT_LIMIT), async (c) => {
      const result = await readPublicForm(c, schema);
      if (!result.ok) return show(c, result, 400);
      await leaveMessage(db, result.data);
      return c.redirect('/contact?sent=1', 303);
    });
}
