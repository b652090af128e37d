// Console routes of the request desk (企业诉求), each user in their own offices (admins in all): the
// queue, a handler's own list, one request, and 分办 / 转办 / 办理进展 / 延期 / 办结 / 复核, each
// confirmed first since none can be undone. Mounted under /admin/appeals by the console's route table.
import { Hono, type Context } from 'hono';
import { hasRole } from '../accounts/account.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, requiredText, type ConsoleKit } from '../http/console.ts';
import { askFirst } from '../http/console-confirm.tsx';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { formValues, type FormValues } from '../http/form.ts';
import { parseId } from '../http/request-params.ts';
import {
  APPEAL_CATEGORIES,
  APPEAL_STATUS_NAMES,
  EXTENSION_MAX_DAYS,
  NOTE_MAX,
  REASON_MAX,
  RESOLUTION_MAX,
  type AppealCategory,
  type AppealStatus,
} from './appeal.ts';
import {
  accountNames,
  addProgressNote,
  appealForDesk,
  appealQueue,
  assignAppeal,
  decideExtensionRequest,
  handlersFor,
  myAppeals,
  requestExtension,
  resolveAppeal,
  reviewAppeal,
  transferAppeal,
  type AppealForDesk,
  type DeskOutcome,
  type DeskRules,
} from './appeal.service.ts';
import { AppealDetailPage, AppealQueuePage, MyAppealsPage, type AppealForms } from './views/appeal-desk-pages.tsx';

/** Routes: `/` (the queue), `/mine`, `/:id`, POST `/:id/assign`, `/:id/review`, `/:id/transfer`, `/:id/note`, `/:id/extension`, `/:id/extensions/:extensionId/approve|reject` (admins), `/:id/resolve`. */
export function appealAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db, channels } = ctx;
  const rules: DeskRules = { calendar: ctx.calendar, workingDays: ctx.appealWorkingDays, mail: ctx };
  const offices = channels.all.map((channel) => ({ value: channel.slug, label: channel.name }));
  const found = async (c: Context<ConsoleEnv>) => {
    const item = await appealForDesk(db, c.get('user'), idParam(c));
    if (!item) throw notFound('没有这项诉求,或它不在您负责的频道。');
    return item;
  };
  const detail = async (c: Context<ConsoleEnv>, item: AppealForDesk, forms?: AppealForms) => {
    const user = c.get('user');
    const [handlers, names] = await Promise.all([handlersFor(db, item.channel), accountNames(db)]);
    return kit.page(
      c,
      <AppealDetailPage
        console={await kit.chrome(c)}
        item={item}
        channelName={ctx.navChannel}
        offices={offices}
        handlers={handlers}
        names={names}
        isHandler={item.handlerId === user.id}
        mayDecideExtensions={hasRole(user, 'admin')}
        forms={forms}
      />,
      forms ? 400 : 200,
    );
  };
  const back = (c: Context) => `/admin/appeals/${idParam(c)}`;
  /** The request, when it is still in a status the action needs (another user may have moved it on). */
  const openIn = async (c: Context<ConsoleEnv>, ...statuses: AppealStatus[]) => {
    const item = await found(c);
    if (!statuses.includes(item.status)) throw new AppError(400, 'bad_request', `这项诉求现在是“${APPEAL_STATUS_NAMES[item.status]}”,不能再做这一步。`);
    return item;
  };
  /** After an action: back to `to`, a 404 or 400 saying why nothing was done, or the form again with its problem. */
  const after = async (c: Context<ConsoleEnv>, outcome: DeskOutcome, to: string, problemIn: { form: keyof AppealForms; field: string; values: FormValues }) => {
    if (outcome === 'not_found') throw notFound('没有这项诉求,或它不在您负责的频道。');
    if (outcome === 'already_moved') throw new AppError(400, 'bad_request', '这项诉求刚被他人处理过,状态已变化,请返回查看后再操作。');
    if (typeof outcome === 'object') {
      return detail(c, await found(c), { [problemIn.form]: { values: problemIn.values, errors: { [problemIn.field]: outcome.problem } } });
    }
    return c.redirect(to, 303);
  };
  const names = () => accountNames(db);

  /** 分办 and 复核 choose a handler the same way. */
  const assignment = (from: 'received' | 'reopened') => async (c: Context<ConsoleEnv>) => {
    const item = await openIn(c, from);
    const values = await formValues(c);
    const form = from === 'received' ? 'assign' : 'review';
    const handler = (await handlersFor(db, item.channel)).find((candidate) => String(candidate.id) === values.handler);
    if (!handler) return detail(c, item, { [form]: { values, errors: { handler: '请选择承办人。' } } });
    const days = ctx.appealWorkingDays[item.category];
    const ask = await askFirst(c, kit, {
      title: from === 'received' ? '确认分办' : '确认复核并重新分办',
      consequence: `诉求《${item.title}》将交由 ${handler.name} 办理,办理期限为今天起 ${days} 个工作日(遇法定节假日顺延)。`,
      confirmLabel: from === 'received' ? '确认分办' : '确认重新分办',
      back: back(c),
      fields: { handler: values.handler ?? '' },
    });
    if (ask) return ask;
    const act = from === 'received' ? assignAppeal : reviewAppeal;
    return after(c, await act(db, rules, c.get('user'), kit.actor(c), item.id, handler.id), back(c), { form, field: 'handler', values });
  };

  /** An admin's decision on a pending extension request. */
  const extensionDecision = (approve: boolean) => async (c: Context<ConsoleEnv>) => {
    const item = await openIn(c, 'assigned');
    const extensionId = parseId(c.req.param('extensionId') ?? '') ?? 0;
    const extension = item.extensions.find((request) => request.id === extensionId && request.status === 'pending');
    if (!extension) throw new AppError(400, 'bad_request', '这项延期申请已经处理过了。');
    const ask = await askFirst(c, kit, {
      title: approve ? '确认批准延期' : '确认驳回延期',
      consequence: approve
        ? `诉求《${item.title}》的办理期限将从 ${item.dueOn} 起顺延 ${extension.workingDays} 个工作日。`
        : `诉求《${item.title}》的延期申请将被驳回,办理期限仍为 ${item.dueOn}。`,
      confirmLabel: approve ? '确认批准' : '确认驳回',
      back: back(c),
    });
    if (ask) return ask;
    const outcome = await decideExtensionRequest(db, rules, c.get('user'), kit.actor(c), item.id, extension.id, approve);
    return after(c, outcome, back(c), { form: 'extension', field: 'workingDays', values: {} });
  };

  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor', 'reviewer'))
    .get('/', async (c) => {
      const filter = { status: c.req.query('status') ?? '', category: c.req.query('category') ?? '' };
      if (filter.status && !Object.hasOwn(APPEAL_STATUS_NAMES, filter.status)) throw new AppError(400, 'bad_request', '没有这个状态。');
      if (filter.category && !(APPEAL_CATEGORIES as readonly string[]).includes(filter.category)) throw new AppError(400, 'bad_request', '没有这个诉求类别。');
      const items = await appealQueue(db, c.get('user'), {
        status: (filter.status || undefined) as AppealStatus | undefined,
        category: (filter.category || undefined) as AppealCategory | undefined,
      });
      return kit.page(c, <AppealQueuePage console={await kit.chrome(c)} filter={filter} items={items} channelName={ctx.navChannel} names={await names()} />);
    })
    .get('/mine', async (c) =>
      kit.page(
        c,
        <MyAppealsPage console={await kit.chrome(c)} items={await myAppeals(db, c.get('user'))} channelName={ctx.navChannel} names={await names()} />,
      ),
    )
    .get('/:id', async (c) => detail(c, await found(c)))
    .post('/:id/assign', assignment('received'))
    .post('/:id/review', assignment('reopened'))
    .post('/:id/transfer', async (c) => {
      const item = await openIn(c, 'received', 'assigned', 'reopened');
      const values = await formValues(c);
      const to = channels.all.find((channel) => channel.slug === values.to && channel.slug !== item.channel);
      if (!to) return detail(c, item, { transfer: { values, errors: { to: '请选择转办的单位。' } } });
      const ask = await askFirst(c, kit, {
        title: '确认转办',
        consequence: `诉求《${item.title}》将移出本单位,转至${to.name}重新分办,现有承办人和办理期限随之取消。`,
        confirmLabel: '确认转办',
        back: back(c),
        fields: { to: to.slug },
      });
      if (ask) return ask;
      // The request is now in another office, which this user may not see: back to the queue.
      return after(c, await transferAppeal(db, c.get('user'), kit.actor(c), item.id, to.slug), '/admin/appeals', { form: 'transfer', field: 'to', values });
    })
    .post('/:id/note', async (c) => {
      const item = await openIn(c, 'assigned');
      const values = await formValues(c);
      const note = requiredText(values, 'note', '办理进展', NOTE_MAX);
      if ('problem' in note) return detail(c, item, { note: { values, errors: { note: note.problem } } });
      const ask = await askFirst(c, kit, {
        title: '确认记录办理进展',
        consequence: `记录后不能修改,企业可在进度查询中看到。诉求《${item.title}》的办理进展:${note.value}`,
        confirmLabel: '确认记录',
        back: back(c),
        fields: { note: note.value },
      });
      if (ask) return ask;
      return after(c, await addProgressNote(db, c.get('user'), kit.actor(c), item.id, note.value), back(c), { form: 'note', field: 'note', values });
    })
    .post('/:id/extension', async (c) => {
      const item = await openIn(c, 'assigned');
      const values = await formValues(c);
      const text = (values.workingDays ?? '').normalize('NFKC').trim();
      const workingDays = /^\d{1,2}$/u.test(text) ? Number(text) : 0;
      const reason = requiredText(values, 'reason', '延期原因', REASON_MAX);
      const errors: Record<string, string> = {};
      if (workingDays < 1 || workingDays > EXTENSION_MAX_DAYS) errors.workingDays = `延期工作日请填写 1 至 ${EXTENSION_MAX_DAYS} 之间的整数。`;
      if ('problem' in reason) errors.reason = reason.problem;
      if (!('value' in reason) || Object.keys(errors).length > 0) return detail(c, item, { extension: { values, errors } });
      const ask = await askFirst(c, kit, {
        title: '确认申请延期',
        consequence: `诉求《${item.title}》将申请延期 ${workingDays} 个工作日,由管理员审批。原因:${reason.value}`,
        confirmLabel: '确认申请',
        back: back(c),
        fields: { workingDays: String(workingDays), reason: reason.value },
      });
      if (ask) return ask;
      const outcome = await requestExtension(db, c.get('user'), kit.actor(c), item.id, { workingDays, reason: reason.value });
      return after(c, outcome, back(c), { form: 'extension', field: 'workingDays', values });
    })
    .post('/:id/extensions/:extensionId/approve', requireRole('admin'), extensionDecision(true))
    .post('/:id/extensions/:extensionId/reject', requireRole('admin'), extensionDecision(false))
    .post('/:id/resolve', async (c) => {
      const item = await openIn(c, 'assigned');
      const values = await formValues(c);
      const resolution = requiredText(values, 'resolution', '办理结果', RESOLUTION_MAX);
      if ('problem' in resolution) return detail(c, item, { resolve: { values, errors: { resolution: resolution.problem } } });
      const ask = await askFirst(c, kit, {
        title: '确认办结',
        consequence: `诉求《${item.title}》将办结,企业将看到办理结果并进行评价。办理结果:${resolution.value}`,
        confirmLabel: '确认办结',
        back: back(c),
        fields: { resolution: resolution.value },
      });
      if (ask) return ask;
      return after(c, await resolveAppeal(db, c.get('user'), kit.actor(c), item.id, resolution.value), back(c), {
        form: 'resolve',
        field: 'resolution',
        values,
      });
    });
}
