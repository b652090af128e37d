// Console routes for enterprise applications (reviewers and admins of their districts): the queue,
// one application, approve and reject. Mounted under /admin/applications by the console's route table.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, requiredText, type ConsoleKit } from '../http/console.ts';
import { askFirst } from '../http/console-confirm.tsx';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { formValues } from '../http/form.ts';
import { afterDecision, queueStatus } from '../review/review.admin.ts';
import { applicationForReview, applicationQueue, decideApplication, type ApplicationForReview } from './application.service.ts';
import { ApplicationDetailPage, ApplicationListPage } from './views/application-review-pages.tsx';

const REASON_MAX = 500;

/** Routes: `/` (queue by status), `/:id`, POST `/:id/approve`, POST `/:id/reject` (each confirmed first). */
export function applicationAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  const found = async (c: Context<ConsoleEnv>) => {
    const item = await applicationForReview(db, c.get('user'), idParam(c));
    if (!item) throw notFound('没有这一项,或它不在您负责的频道。');
    return item;
  };
  const detail = async (c: Context<ConsoleEnv>, item: ApplicationForReview, reject?: FieldState) =>
    kit.page(c, <ApplicationDetailPage console={await kit.chrome(c)} item={item} channelName={ctx.navChannel} reject={reject} />, reject ? 400 : 200);
  const back = (c: Context) => `/admin/applications/${idParam(c)}`;

  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'reviewer'))
    .get('/', async (c) => {
      const status = queueStatus(c, ['pending', 'approved', 'rejected'] as const);
      return kit.page(
        c,
        <ApplicationListPage
          console={await kit.chrome(c)}
          status={status}
          items={await applicationQueue(db, c.get('user'), status)}
          channelName={ctx.navChannel}
        />,
      );
    })
    .get('/:id', async (c) => detail(c, await found(c)))
    .post('/:id/approve', async (c) => {
      const item = await found(c);
      if (item.status !== 'pending') return afterDecision(c, 'already_closed', back(c));
      const ask = await askFirst(c, kit, {
        title: '确认通过入驻申请',
        consequence: `通过后,${item.companyName}将列入${ctx.navChannel(item.channel).name}的企业名录,在网站上公开。`,
        confirmLabel: '确认通过',
        back: back(c),
      });
      if (ask) return ask;
      return afterDecision(c, await decideApplication(db, c.get('user'), kit.actor(c), idParam(c), { approve: true }), back(c));
    })
    .post('/:id/reject', async (c) => {
      const item = await found(c);
      if (item.status !== 'pending') return afterDecision(c, 'already_closed', back(c));
      const values = await formValues(c);
      const reason = requiredText(values, 'reason', '原因', REASON_MAX);
      if ('problem' in reason) return detail(c, item, { values, errors: { reason: reason.problem } });
      const ask = await askFirst(c, kit, {
        title: '确认不予通过',
        consequence: `不予通过后,${item.companyName}的入驻申请将标为未通过,原因:${reason.value}`,
        confirmLabel: '确认不予通过',
        back: back(c),
        fields: { reason: reason.value },
      });
      if (ask) return ask;
      return afterDecision(c, await decideApplication(db, c.get('user'), kit.actor(c), idParam(c), { approve: false, reason: reason.value }), back(c));
    });
}
