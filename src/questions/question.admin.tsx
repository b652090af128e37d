// Console routes for questions (the offices' staff, each in their own channels): the queue by
// status, one question, and 受理 / 不予受理 / 转办 / 答复, each confirmed first since none can be
// undone. Mounted under /admin/questions by the console's route table.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, requiredText, type ConsoleKit } from '../http/console.ts';
import { askFirst } from '../http/console-confirm.tsx';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { formValues } from '../http/form.ts';
import { afterDecision, queueStatus } from '../review/review.admin.ts';
import { ANSWER_MAX, REASON_MAX, STATUS_NAMES } from './question.ts';
import {
  acceptQuestion,
  answerQuestion,
  declineQuestion,
  questionForReview,
  questionQueue,
  transferQuestion,
  type QuestionForReview,
} from './question.service.ts';
import { QuestionDetailPage, QuestionListPage, type QuestionForms } from './views/question-review-pages.tsx';

/** Routes: `/` (queue by status), `/:id`, POST `/:id/accept`, `/:id/decline`, `/:id/transfer`, `/:id/answer`. */
export function questionAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db, channels } = ctx;
  const offices = channels.all.map((channel) => ({ value: channel.slug, label: channel.name }));
  const found = async (c: Context<ConsoleEnv>) => {
    const item = await questionForReview(db, c.get('user'), idParam(c));
    if (!item) throw notFound('没有这一项,或它不在您负责的频道。');
    return item;
  };
  const detail = async (c: Context<ConsoleEnv>, item: QuestionForReview, forms?: QuestionForms) =>
    kit.page(
      c,
      <QuestionDetailPage console={await kit.chrome(c)} item={item} channelName={ctx.navChannel} offices={offices} forms={forms} />,
      forms ? 400 : 200,
    );
  const back = (c: Context) => `/admin/questions/${idParam(c)}`;
  /** The question, when it is still in the status the action needs (another user may have moved it on). */
  const openIn = async (c: Context<ConsoleEnv>, ...statuses: Array<QuestionForReview['status']>) => {
    const item = await found(c);
    if (!statuses.includes(item.status)) throw new AppError(400, 'bad_request', `这个问题现在是“${STATUS_NAMES[item.status]}”,不能再做这一步。`);
    return item;
  };

  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor', 'reviewer'))
    .get('/', async (c) => {
      const status = queueStatus(c, ['received', 'accepted', 'answered', 'declined'] as const);
      return kit.page(
        c,
        <QuestionListPage console={await kit.chrome(c)} status={status} items={await questionQueue(db, c.get('user'), status)} channelName={ctx.navChannel} />,
      );
    })
    .get('/:id', async (c) => detail(c, await found(c)))
    .post('/:id/accept', async (c) => {
      const item = await openIn(c, 'received');
      const ask = await askFirst(c, kit, {
        title: '确认受理',
        consequence: `受理后,问题《${item.title}》的受理日期记为今天,提问人可在进度查询中看到。`,
        confirmLabel: '确认受理',
        back: back(c),
      });
      if (ask) return ask;
      return afterDecision(c, await acceptQuestion(db, c.get('user'), kit.actor(c), item.id), back(c));
    })
    .post('/:id/decline', async (c) => {
      const item = await openIn(c, 'received');
      const values = await formValues(c);
      const reason = requiredText(values, 'reason', '不予受理原因', REASON_MAX);
      if ('problem' in reason) return detail(c, item, { decline: { values, errors: { reason: reason.problem } } });
      const ask = await askFirst(c, kit, {
        title: '确认不予受理',
        consequence: `问题《${item.title}》将不予受理并办结,提问人将看到原因:${reason.value}`,
        confirmLabel: '确认不予受理',
        back: back(c),
        fields: { reason: reason.value },
      });
      if (ask) return ask;
      return afterDecision(c, await declineQuestion(db, c.get('user'), kit.actor(c), item.id, reason.value), back(c));
    })
    .post('/:id/transfer', async (c) => {
      const item = await openIn(c, 'received', 'accepted');
      const values = await formValues(c);
      const to = channels.all.find((channel) => channel.slug === values.to && channel.slug !== item.channel);
      if (!to) return detail(c, item, { transfer: { values, errors: { to: '请选择转办的单位。' } } });
      const ask = await askFirst(c, kit, {
        title: '确认转办',
        consequence: `问题《${item.title}》将移出本单位的待办,转至${to.name}办理。`,
        confirmLabel: '确认转办',
        back: back(c),
        fields: { to: to.slug },
      });
      if (ask) return ask;
      const outcome = await transferQuestion(db, c.get('user'), kit.actor(c), item.id, item.status as 'received' | 'accepted', to.slug);
      // The question is now in another office's queue, which this user may not see: back to the queue.
      return afterDecision(c, outcome, '/admin/questions');
    })
    .post('/:id/answer', async (c) => {
      const item = await openIn(c, 'accepted');
      const values = await formValues(c);
      const answer = requiredText(values, 'answer', '答复内容', ANSWER_MAX);
      if ('problem' in answer) return detail(c, item, { answer: { values, errors: { answer: answer.problem } } });
      const published = item.publishConsent ? '提问人同意公开,问题和答复将在公开问答中发布(不含个人信息)。' : '提问人不同意公开,答复只在进度查询中可见。';
      const ask = await askFirst(c, kit, {
        title: '确认答复',
        consequence: `答复后不能再修改。${published}答复内容:${answer.value}`,
        confirmLabel: '确认答复',
        back: back(c),
        fields: { answer: answer.value },
      });
      if (ask) return ask;
      return afterDecision(c, await answerQuestion(db, c.get('user'), kit.actor(c), item.id, answer.value), back(c));
    });
}
