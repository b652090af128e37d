// Console routes for contact messages (reviewers and admins of the offices addressed): the queue,
// one message, and marking it handled. Mounted under /admin/messages by the console's route table.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, requiredText, type ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import { afterDecision, queueStatus } from '../review/review.admin.ts';
import { markMessageHandled, messageForReview, messageQueue } from './message.service.ts';
import { MessageDetailPage, MessageListPage } from './views/message-review-pages.tsx';

const NOTE_MAX = 2000;

/** Routes: `/` (queue by status), `/:id`, POST `/:id/handle`. */
export function messageAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'reviewer'))
    .get('/', async (c) => {
      const status = queueStatus(c, ['open', 'handled'] as const);
      return kit.page(c, <MessageListPage console={await kit.chrome(c)} status={status} items={await messageQueue(db, c.get('user'), status)} channelName={ctx.navChannel} />);
    })
    .get('/:id', async (c) => {
      const item = await messageForReview(db, c.get('user'), idParam(c));
      if (!item) throw notFound('没有这一项,或它不在您负责的频道。');
      return kit.page(c, <MessageDetailPage console={await kit.chrome(c)} item={item} channelName={ctx.navChannel} />);
    })
    .post('/:id/handle', async (c) => {
      const note = await requiredText(c, 'note', '答复记录', NOTE_MAX);
      return afterDecision(c, await markMessageHandled(db, c.get('user'), kit.actor(c), idParam(c), note), `/admin/messages/${idParam(c)}`);
    });
}
