// Console route for the inspection watch (网站检查): runs the checks the user's roles fix, scoped to
// their channels, at the time of the request. Mounted under /admin/inspection by the console.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import type { ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { INSPECTION_CHECKS } from './inspection-checks.ts';
import { runInspection } from './inspection.service.ts';
import { InspectionPage } from './views/inspection-page.tsx';

/** Route: `/` — every visit is a fresh inspection, so 重新检查 is a link to the same page. */
export function inspectionAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  return new Hono<ConsoleEnv>().use('*', requireRole('admin', 'editor', 'reviewer')).get('/', async (c) => {
    const report = await runInspection(
      { db: ctx.db, channels: ctx.channels, calendar: ctx.calendar, now: new Date(), requestPage: ctx.requestPage },
      INSPECTION_CHECKS,
      c.get('user'),
    );
    return kit.page(c, <InspectionPage console={await kit.chrome(c)} report={report} channelName={(slug) => ctx.navChannel(slug).name} />);
  });
}
