// Console routes for contact messages (reviewers and admins of the offices addressed): the queue,
// one message, and marking it handled. Mounted under /admin/messages by the console's route table.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, requiredText, type ConsoleKit } from '../http/console.ts';
import { askFirst } from '../http/console-confirm.tsx';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { formValues } from '../http/form.ts';
import { afterDecision, queueStatus } from '../review/review.admin.ts';
import { markMessageHandled, messageForReview, messageQueue, type MessageForReview } from './message.service.ts';
import { MessageDetailPage, MessageListPage } from './views/message-review-pages.tsx';

const NOTE_MAX = 2000;

/** Routes: `/` (queue by status), `/:id`, POST `/:id/handle` (confirmed first: a handled message stays handled). */
export function messageAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  const found = async (c: Context<ConsoleEnv>) => {
    const item = await messageForReview(db, c.get('user'), idParam(c));
    if (!item) throw notFound('没有这一项,或它不在您负责的频道。');
    return item;
  };
  const detail = async (c: Context<ConsoleEnv>, item: MessageForReview, handle?: FieldState) =>
    kit.page(c, <MessageDetailPage console={await kit.chrome(c)} item={item} channelName={ctx.navChannel} handle={handle} />, handle ? 400 : 200);
  const back = (c: Context) => `/admin/messages/${idParam(c)}`;

  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'reviewer'))
    .get('/', async (c) => {
      const status = queueStatus(c, ['open', 'handled'] as const);
      return kit.page(
        c,
        <MessageListPage console={await kit.chrome(c)} status={status} items={await messageQueue(db, c.get('user'), status)} channelName={ctx.navChannel} />,
      );
    })
    .get('/:id', async (c) => detail(c, await found(c)))
    .post('/:id/handle', async (c) => {
      const item = await found(c);
      if (item.status !== 'open') return afterDecision(c, 'already_closed', back(c));
      const values = await formValues(c);
      const note = requiredText(values, 'note', '答复记录', NOTE_MAX);
      if ('problem' in note) return detail(c, item, { values, errors: { note: note.problem } });
      const ask = await askFirst(c, kit, {
        title: '确认标记为已处理',
        consequence: `标记后,留言《${item.subject}》将移入已处理,答复记录不能再修改:${note.value}`,
        confirmLabel: '确认已处理',
        back: back(c),
        fields: { note: note.value },
      });
      if (ask) return ask;
      return afterDecision(c, await markMessageHandled(db, c.get('user'), kit.actor(c), idParam(c), note.value), back(c));
    });
}
