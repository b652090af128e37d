// Console routes for enterprise applications (reviewers and admins of their districts): the queue,
// one application, approve and reject. Mounted under /admin/applications by the console's route table.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, requiredText, type ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import { afterDecision, queueStatus } from '../review/review.admin.ts';
import { applicationForReview, applicationQueue, decideApplication } from './application.service.ts';
import { ApplicationDetailPage, ApplicationListPage } from './views/application-review-pages.tsx';

const REASON_MAX = 500;

/** Routes: `/` (queue by status), `/:id`, POST `/:id/approve`, POST `/:id/reject`. */
export function applicationAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'reviewer'))
    .get('/', async (c) => {
      const status = queueStatus(c, ['pending', 'approved', 'rejected'] as const);
      return kit.page(c, <ApplicationListPage console={await kit.chrome(c)} status={status} items={await applicationQueue(db, c.get('user'), status)} channelName={ctx.navChannel} />);
    })
    .get('/:id', async (c) => {
      const item = await applicationForReview(db, c.get('user'), idParam(c));
      if (!item) throw notFound('没有这一项,或它不在您负责的频道。');
      return kit.page(c, <ApplicationDetailPage console={await kit.chrome(c)} item={item} channelName={ctx.navChannel} />);
    })
    .post('/:id/approve', async (c) => afterDecision(c, await decideApplication(db, c.get('user'), kit.actor(c), idParam(c), { approve: true }), `/admin/applications/${idParam(c)}`))
    .post('/:id/reject', async (c) => {
      const reason = await requiredText(c, 'reason', '原因', REASON_MAX);
      return afterDecision(c, await decideApplication(db, c.get('user'), kit.actor(c), idParam(c), { approve: false, reason }), `/admin/applications/${idParam(c)}`);
    });
}
