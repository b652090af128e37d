// Console routes for one's own reminders (待办提醒): the list, 标为已读, and the address they are
// emailed to. Every account sees and changes only its own. Mounted under /admin/notifications.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, type ConsoleKit } from '../http/console.ts';
import type { ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import { formValues } from '../http/form.ts';
import { markNotificationRead, notificationEmailOf, notificationsFor, setNotificationEmail } from './notification.service.ts';
import { NotificationListPage } from './views/notification-pages.tsx';

/** Routes: `/` (one's reminders), POST `/:id/read`, POST `/email`. Every role has reminders. */
export function notificationAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  return new Hono<ConsoleEnv>()
    .get('/', async (c) => {
      const user = c.get('user');
      const [items, email] = await Promise.all([notificationsFor(db, user), notificationEmailOf(db, user)]);
      return kit.page(
        c,
        <NotificationListPage
          console={await kit.chrome(c)}
          items={items}
          email={{ values: { email: email ?? '' }, errors: {} }}
          mailConfigured={ctx.mailer !== undefined}
        />,
      );
    })
    .post('/email', async (c) => {
      const user = c.get('user');
      const values = await formValues(c);
      const outcome = await setNotificationEmail(db, user, kit.actor(c), values.email ?? '');
      if (outcome !== 'done')
        return kit.page(
          c,
          <NotificationListPage
            console={await kit.chrome(c)}
            items={await notificationsFor(db, user)}
            email={{ values, errors: { email: outcome.problem } }}
            mailConfigured={ctx.mailer !== undefined}
          />,
          400,
        );
      return c.redirect('/admin/notifications', 303);
    })
    .post('/:id/read', async (c) => {
      if ((await markNotificationRead(db, c.get('user'), kit.actor(c), idParam(c))) === 'not_found') throw notFound('没有这条提醒。');
      return c.redirect('/admin/notifications', 303);
    });
}
