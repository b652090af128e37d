// The console home (/admin): what waits for the signed-in user.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import type { ConsoleKit } from '../http/console.ts';
import type { ConsoleEnv } from '../http/console-session.ts';
import { dashboardFor } from './dashboard.service.ts';
import { ConsoleHomePage } from './views/dashboard-page.tsx';

/** Route: `/`. Ages and the 14-day rule are read at the time of the request (dashboardFor takes `now`). */
export function dashboardAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  return new Hono<ConsoleEnv>().get('/', async (c) => {
    const dashboard = await dashboardFor(ctx, c.get('user'), new Date());
    return kit.page(c, <ConsoleHomePage console={await kit.chrome(c)} dashboard={dashboard} channelName={(slug) => ctx.navChannel(slug).name} />);
  });
}
