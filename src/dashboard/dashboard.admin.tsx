// The console home (/admin): what waits for the signed-in user.
import { Hono } from 'hono';
import { hasRole } from '../accounts/account.ts';
import { applicationQueue } from '../enterprises/application.service.ts';
import { messageQueue } from '../contact/message.service.ts';
import type { RouteContext } from '../http/app-deps.ts';
import type { ConsoleKit } from '../http/console.ts';
import type { ConsoleEnv } from '../http/console-session.ts';
import { submissionQueue } from '../submissions/submission.service.ts';
import { ConsoleHomePage } from './views/dashboard-page.tsx';

/** Route: `/`. */
export function dashboardAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  return new Hono<ConsoleEnv>().get('/', async (c) => {
    const user = c.get('user');
    const counts =
      !hasRole(user, 'admin', 'reviewer')
        ? undefined
        : { submissions: (await submissionQueue(db, user)).length, applications: (await applicationQueue(db, user)).length, messages: (await messageQueue(db, user)).length };
    return kit.page(c, <ConsoleHomePage console={await kit.chrome(c)} counts={counts} />);
  });
}
