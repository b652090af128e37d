// Console routes for contributions (reviewers, editors and admins of their channels): the queue,
// one contribution, its edit before publishing, publish and reject. Mounted under
// /admin/submissions by the console's route table.
import { Hono, type Context } from 'hono';
import { canActOn } from '../accounts/account.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, requiredText, type ConsoleKit } from '../http/console.ts';
import { askFirst } from '../http/console-confirm.tsx';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { formValues, validateForm } from '../http/form.ts';
import { afterDecision, queueStatus } from '../review/review.admin.ts';
import { submissionEditSchema } from './submission.ts';
import { editSubmission, publishSubmission, rejectSubmission, submissionForReview, submissionQueue, type SubmissionForReview } from './submission.service.ts';
import { SubmissionDetailPage, SubmissionListPage } from './views/submission-review-pages.tsx';

const REASON_MAX = 500;

/** Routes: `/` (queue by status), `/:id`, POST `/:id/edit`, `/:id/publish` and `/:id/reject` (each confirmed first). */
export function submissionAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  const channelsOf = (c: Context<ConsoleEnv>) =>
    ctx.channels.all.filter((channel) => canActOn(c.get('user'), channel.slug)).map((channel) => ({ value: channel.slug, label: channel.name }));
  const found = async (c: Context<ConsoleEnv>) => {
    const item = await submissionForReview(db, c.get('user'), idParam(c));
    if (!item) throw notFound('没有这一项,或它不在您负责的频道。');
    return item;
  };
  /** The contribution's page; with `refused`, the edit or reject form as posted with its problems (a 400). */
  const detail = async (c: Context<ConsoleEnv>, item: SubmissionForReview, refused?: { edit?: FieldState; reject?: FieldState }) =>
    kit.page(
      c,
      <SubmissionDetailPage
        console={await kit.chrome(c)}
        item={item}
        channelName={ctx.navChannel}
        channels={channelsOf(c)}
        edit={refused?.edit ?? { values: { title: item.title, body: item.body, channel: item.channel }, errors: {} }}
        reject={refused?.reject}
        saved={c.req.query('saved') === '1'}
      />,
      refused ? 400 : 200,
    );
  const back = (c: Context) => `/admin/submissions/${idParam(c)}`;

  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor', 'reviewer'))
    .get('/', async (c) => {
      const status = queueStatus(c, ['pending', 'published', 'rejected'] as const);
      return kit.page(
        c,
        <SubmissionListPage
          console={await kit.chrome(c)}
          status={status}
          items={await submissionQueue(db, c.get('user'), status)}
          channelName={ctx.navChannel}
        />,
      );
    })
    .get('/:id', async (c) => detail(c, await found(c)))
    .post('/:id/edit', async (c) => {
      const item = await found(c);
      const values = await formValues(c);
      const result = validateForm(submissionEditSchema(channelsOf(c).map((channel) => channel.value)), values);
      if (!result.ok) return detail(c, item, { edit: { values, errors: result.errors } });
      return afterDecision(c, await editSubmission(db, c.get('user'), kit.actor(c), item.id, result.data), `${back(c)}?saved=1`);
    })
    .post('/:id/publish', async (c) => {
      const item = await found(c);
      if (item.status !== 'pending') return afterDecision(c, 'already_closed', back(c));
      const ask = await askFirst(c, kit, {
        title: '确认发布投稿',
        consequence: `发布后,投稿《${item.title}》将作为${ctx.navChannel(item.channel).name}频道的文章公开。`,
        confirmLabel: '确认发布',
        back: back(c),
      });
      if (ask) return ask;
      return afterDecision(c, await publishSubmission(db, ctx, c.get('user'), kit.actor(c), idParam(c)), back(c));
    })
    .post('/:id/reject', async (c) => {
      const item = await found(c);
      if (item.status !== 'pending') return afterDecision(c, 'already_closed', back(c));
      const values = await formValues(c);
      const reason = requiredText(values, 'reason', '未采用原因', REASON_MAX);
      if ('problem' in reason) return detail(c, item, { reject: { values, errors: { reason: reason.problem } } });
      const ask = await askFirst(c, kit, {
        title: '确认不予采用',
        consequence: `不予采用后,投稿《${item.title}》将标为未采用,投稿人凭查询码可以看到原因:${reason.value}`,
        confirmLabel: '确认不予采用',
        back: back(c),
        fields: { reason: reason.value },
      });
      if (ask) return ask;
      return afterDecision(c, await rejectSubmission(db, c.get('user'), kit.actor(c), idParam(c), reason.value), back(c));
    });
}
