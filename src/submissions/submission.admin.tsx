// Console routes for contributions (reviewers and admins of their channels): the queue, one
// contribution, publish and reject. Mounted under /admin/submissions by the console's route table.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, requiredText, type ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import { afterDecision, queueStatus } from '../review/review.admin.ts';
import { publishSubmission, rejectSubmission, submissionForReview, submissionQueue } from './submission.service.ts';
import { SubmissionDetailPage, SubmissionListPage } from './views/submission-review-pages.tsx';

const REASON_MAX = 500;

/** Routes: `/` (queue by status), `/:id`, POST `/:id/publish`, POST `/:id/reject`. */
export function submissionAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'reviewer'))
    .get('/', async (c) => {
      const status = queueStatus(c, ['pending', 'published', 'rejected'] as const);
      return kit.page(c, <SubmissionListPage console={await kit.chrome(c)} status={status} items={await submissionQueue(db, c.get('user'), status)} channelName={ctx.navChannel} />);
    })
    .get('/:id', async (c) => {
      const item = await submissionForReview(db, c.get('user'), idParam(c));
      if (!item) throw notFound('没有这一项,或它不在您负责的频道。');
      return kit.page(c, <SubmissionDetailPage console={await kit.chrome(c)} item={item} channelName={ctx.navChannel} />);
    })
    .post('/:id/publish', async (c) => afterDecision(c, await publishSubmission(db, ctx, c.get('user'), kit.actor(c), idParam(c)), `/admin/submissions/${idParam(c)}`))
    .post('/:id/reject', async (c) => {
      const reason = await requiredText(c, 'reason', '未采用原因', REASON_MAX);
      return afterDecision(c, await rejectSubmission(db, c.get('user'), kit.actor(c), idParam(c), reason), `/admin/submissions/${idParam(c)}`);
    });
}
