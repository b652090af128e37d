// Console routes for contributions (reviewers, editors and admins of their channels): the queue,
// one contribution, its edit before publishing, publish and reject. Mounted under
// /admin/submissions by the console's route table.
import { Hono, type Context } from 'hono';
import { canActOn } from '../accounts/account.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, requiredText, type ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { formValues, validateForm } from '../http/form.ts';
import { afterDecision, queueStatus } from '../review/review.admin.ts';
import { submissionEditSchema } from './submission.ts';
import { editSubmission, publishSubmission, rejectSubmission, submissionForReview, submissionQueue, type SubmissionForReview } from './submission.service.ts';
import { SubmissionDetailPage, SubmissionListPage } from './views/submission-review-pages.tsx';

const REASON_MAX = 500;
const NOT_FOUND = '没有这一项,或它不在您负责的频道。';

/** Routes: `/` (queue by status), `/:id`, POST `/:id/edit`, `/:id/publish`, `/:id/reject`. */
export function submissionAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  const channelsOf = (c: Context<ConsoleEnv>) =>
    ctx.channels.all.filter((channel) => canActOn(c.get('user'), channel.slug)).map((channel) => ({ value: channel.slug, label: channel.name }));
  const itemOf = async (c: Context<ConsoleEnv>) => {
    const item = await submissionForReview(db, c.get('user'), idParam(c));
    if (!item) throw notFound(NOT_FOUND);
    return item;
  };
  const detail = async (c: Context<ConsoleEnv>, item: SubmissionForReview, edit?: FieldState) =>
    kit.page(
      c,
      <SubmissionDetailPage console={await kit.chrome(c)} item={item} channelName={ctx.navChannel} channels={channelsOf(c)} edit={edit ?? { values: { title: item.title, body: item.body, channel: item.channel }, errors: {} }} saved={c.req.query('saved') === '1'} />,
      edit ? 400 : 200,
    );

  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor', 'reviewer'))
    .get('/', async (c) => {
      const status = queueStatus(c, ['pending', 'published', 'rejected'] as const);
      return kit.page(c, <SubmissionListPage console={await kit.chrome(c)} status={status} items={await submissionQueue(db, c.get('user'), status)} channelName={ctx.navChannel} />);
    })
    .get('/:id', async (c) => detail(c, await itemOf(c)))
    .post('/:id/edit', async (c) => {
      const item = await itemOf(c);
      const values = await formValues(c);
      const result = validateForm(submissionEditSchema(channelsOf(c).map((channel) => channel.value)), values);
      if (!result.ok) return detail(c, item, { values, errors: result.errors });
      return afterDecision(c, await editSubmission(db, c.get('user'), kit.actor(c), item.id, result.data), `/admin/submissions/${item.id}?saved=1`);
    })
    .post('/:id/publish', async (c) => afterDecision(c, await publishSubmission(db, ctx, c.get('user'), kit.actor(c), idParam(c)), `/admin/submissions/${idParam(c)}`))
    .post('/:id/reject', async (c) => {
      const reason = await requiredText(c, 'reason', '未采用原因', REASON_MAX);
      return afterDecision(c, await rejectSubmission(db, c.get('user'), kit.actor(c), idParam(c), reason), `/admin/submissions/${idParam(c)}`);
    });
}
