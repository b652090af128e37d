// Console routes for the facts read from articles (editors of their channels, and admins):
// indicators under /admin/facts, projects under /admin/projects.
import { Hono, type Context } from 'hono';
import { canActOn } from '../accounts/account.ts';
import type { RouteContext } from '../http/app-deps.ts';
import type { ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { askFirst } from '../http/console-confirm.tsx';
import { notFound } from '../http/errors.tsx';
import { characterCount, formValues, type FieldErrors, type FormValues } from '../http/form.ts';
import { parseId } from '../http/request-params.ts';
import { chinaDate } from '../lib/china-time.ts';
import { isProjectStage, type ProjectStage } from '../lib/project-stages.ts';
import {
  articleReview,
  confirmArticleFacts,
  curateFact,
  FACT_QUALIFIERS as QUALIFIERS,
  factForCuration,
  factsForCuration,
  type FactCorrection,
} from './fact-curation.service.ts';
import { INDICATOR_NAMES } from './insight.service.ts';
import { isCalendarDate } from '../articles/article.ts';
import { ArticleReviewPage, FactCurationPage, type FactEditing } from './views/fact-curation-page.tsx';
import { ProjectCurationPage, type PostedProjectForm } from './views/project-curation-page.tsx';
import { addManualProject, curateProject, projectForCuration, projectsForCuration, updateProjectPlan } from './project-curation.service.ts';
import { figureProblem, INDICATOR_FIGURE, PROJECT_AMOUNT } from './figure-rules.ts';

const KINDS = ['actual', 'target', 'period_average', 'period_total'] as const;
const UNITS = ['元', '万元', '亿元', '万亿元', '美元', '万美元', '亿美元'];

/** The corrected figures from the form, or a message for each field that is wrong. */
function correctionOf(values: FormValues): { correction: FactCorrection } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const text = (name: string) => (values[name] ?? '').trim();
  const number = (name: string, label: string) => {
    if (text(name) === '') return null;
    const problem = figureProblem(text(name), label, INDICATOR_FIGURE);
    if (problem) errors[name] ??= problem;
    return problem ? null : Number(text(name));
  };
  const year = number('year', '年份');
  if (year !== null && (year < 1949 || year > 2100 || !Number.isInteger(year))) errors.year ??= '年份不正确。';
  const kind = KINDS.find((k) => k === values.kind);
  if (!kind) errors.kind = '请选择类型。';
  const period = text('period') || null;
  const perPeriod = kind === 'period_average' || kind === 'period_total';
  if (perPeriod && (period === null || !/^(\d{4})-(\d{4})$/u.test(period) || Number(period.slice(5)) <= Number(period.slice(0, 4))))
    errors.period = '年均或累计数据须填写期间,如 2021-2025。';
  if (kind && !perPeriod && period !== null) errors.period = '只有年均或累计数据填写期间;实际或目标数据请填写年份。';
  if (perPeriod && year !== null) errors.year ??= '年均或累计数据填写期间,不填年份。';
  const unit = text('unit') || null;
  const value = number('value', '数值');
  if (unit !== null && !UNITS.includes(unit)) errors.unit = `单位须为 ${UNITS.join('、')} 之一。`;
  if ((text('value') === '') !== (unit === null)) errors.value ??= '数值和单位须同时填写或同时留空。';
  const place = text('place') || null;
  if (place !== null && characterCount(place) > 20) errors.place = '地区不超过 20 个字,留空表示本频道。';
  const qualifier = QUALIFIERS.find((q) => q === text('qualifier')) ?? null;
  if (text('qualifier') !== '' && qualifier === null) errors.qualifier = `限定词须为 ${QUALIFIERS.join('、')} 之一,或留空。`;
  const growth = number('growth', '增长');
  const stretch = number('stretch', '力争');
  if (!kind || Object.keys(errors).length > 0) return { errors };
  return { correction: { year, period, kind, value, unit, growth, stretch, place, qualifier } };
}

/** Routes: `/` (the queue), `/:id/confirm|delete|correct` (delete confirmed first), `/articles/:id` (beside the text) and `/articles/:id/confirm` (all of it). */
export function factAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { chrome, actor } = kit;
  const { db } = ctx;
  const done = (c: Context<ConsoleEnv>, outcome: 'done' | 'not_found', id: number) => {
    if (outcome === 'not_found') throw notFound('没有这条数据,或它不在您负责的频道。');
    return c.redirect(`/admin/facts#fact-${id}`, 303);
  };
  const idOf = (c: Context) => parseId(c.req.param('id') ?? '') ?? 0;
  /** The queue; with `editing`, one fact's correction form as posted, with its problems (a 400). */
  const queuePage = async (c: Context<ConsoleEnv>, editing?: FactEditing) =>
    kit.page(c, <FactCurationPage console={await chrome(c)} facts={await factsForCuration(db, c.get('user'))} editing={editing} />, editing ? 400 : 200);
  const reviewPage = async (c: Context<ConsoleEnv>, problem?: string) => {
    const review = await articleReview(db, c.get('user'), idOf(c));
    if (!review) throw notFound('这篇文章没有待审核的数据,或它不在您负责的频道。');
    return kit.page(c, <ArticleReviewPage console={await chrome(c)} review={review} problem={problem} />, problem ? 409 : 200);
  };
  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor'))
    .get('/', (c) => queuePage(c))
    .get('/articles/:id', (c) => reviewPage(c))
    .post('/articles/:id/confirm', async (c) => {
      const result = await confirmArticleFacts(db, c.get('user'), actor(c), idOf(c), (await formValues(c)).version ?? '');
      if (result.outcome === 'not_found') throw notFound('这篇文章没有待审核的数据,或它不在您负责的频道。');
      if (result.outcome === 'changed')
        return reviewPage(c, '您打开本页后,本文数据已有变化(文章重新识别,或他人已审核)。未作任何确认,请对照下方最新数据重新核对后再确认。');
      return c.redirect(`/admin/facts/articles/${idOf(c)}`, 303);
    })
    .post('/:id/confirm', async (c) => done(c, await curateFact(db, c.get('user'), actor(c), idOf(c), { kind: 'confirm' }), idOf(c)))
    .post('/:id/delete', async (c) => {
      const fact = await factForCuration(db, c.get('user'), idOf(c));
      if (!fact) throw notFound('没有这条数据,或它不在您负责的频道。');
      const ask = await askFirst(c, kit, {
        title: '确认删除数据',
        consequence: `删除后,文章《${fact.articleTitle}》中识别的“${INDICATOR_NAMES[fact.indicator]}”数据将不再在公开页面显示,文章再次识别时也不会恢复。原句:${fact.sentence}`,
        confirmLabel: '确认删除',
        back: `/admin/facts#fact-${fact.id}`,
      });
      if (ask) return ask;
      return done(c, await curateFact(db, c.get('user'), actor(c), idOf(c), { kind: 'delete' }), idOf(c));
    })
    .post('/:id/correct', async (c) => {
      const values = await formValues(c);
      const result = correctionOf(values);
      if ('errors' in result) {
        if (!(await factForCuration(db, c.get('user'), idOf(c)))) throw notFound('没有这条数据,或它不在您负责的频道。');
        return queuePage(c, { id: idOf(c), values, errors: result.errors });
      }
      return done(c, await curateFact(db, c.get('user'), actor(c), idOf(c), { kind: 'correct', correction: result.correction }), idOf(c));
    });
}

const NAME_MAX = 60;
const INDUSTRY_MAX = 20;

/** Routes: `/` (list and add), `/:id/confirm|delete|correct` (delete confirmed first), `/:id/stage`, `/:id/milestone`. Mounted under /admin/projects. */
export function projectAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { chrome, actor } = kit;
  const { db } = ctx;
  const today = () => chinaDate(new Date());
  const channelsOf = (c: Context<ConsoleEnv>) =>
    ctx.channels.all.filter((channel) => canActOn(c.get('user'), channel.slug)).map((channel) => ({ value: channel.slug, label: channel.name }));
  /** The library; with `posted`, the form as posted with its problems beside the fields (a 400). */
  const page = async (c: Context<ConsoleEnv>, posted?: PostedProjectForm) =>
    kit.page(
      c,
      <ProjectCurationPage
        console={await chrome(c)}
        projects={await projectsForCuration(db, c.get('user'), today())}
        channels={channelsOf(c)}
        channelName={ctx.navChannel}
        posted={posted}
      />,
      posted ? 400 : 200,
    );
  const idOf = (c: Context) => parseId(c.req.param('id') ?? '') ?? 0;
  const found = async (c: Context<ConsoleEnv>) => {
    const project = await projectForCuration(db, c.get('user'), idOf(c));
    if (!project) throw notFound('没有这个项目,或它不在您负责的地区。');
    return project;
  };
  const done = (c: Context<ConsoleEnv>, outcome: 'done' | 'not_found') => {
    if (outcome === 'not_found') throw notFound('没有这个项目,或它不在您负责的地区。');
    return c.redirect(`/admin/projects#project-${idOf(c)}`, 303);
  };
  /** Re-renders the project's form `form` with the problems found, after checking the project is the user's. */
  const refused = async (c: Context<ConsoleEnv>, form: PostedProjectForm['form'], values: FormValues, errors: FieldErrors) => {
    await found(c);
    return page(c, { project: idOf(c), form, values, errors });
  };
  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor'))
    .get('/', (c) => page(c))
    .post('/', async (c) => {
      const values = await formValues(c);
      const errors = projectFieldErrors(values);
      const channel = ctx.channels.bySlug(values.channel ?? '');
      if (!channel) errors.channel = '没有这个地区,请从列表中选择。';
      const stage = stageOf(values.stage);
      if (!stage) errors.stage = '请选择项目阶段。';
      if (!channel || !stage || Object.keys(errors).length > 0) return page(c, { project: 'new', form: 'add', values, errors });
      const result = await addManualProject(db, c.get('user'), actor(c), { ...projectFields(values), channel: channel.slug, stage });
      if ('problem' in result) return page(c, { project: 'new', form: 'add', values, errors: { [result.field]: result.problem } });
      return c.redirect(`/admin/projects#project-${result.id}`, 303);
    })
    .post('/:id/confirm', async (c) => done(c, await curateProject(db, c.get('user'), actor(c), idOf(c), { kind: 'confirm' })))
    .post('/:id/delete', async (c) => {
      const project = await found(c);
      const ask = await askFirst(c, kit, {
        title: '确认删除项目',
        consequence: `删除后,项目“${project.name}”(${ctx.navChannel(project.channel).name})将从项目库和公开页面移除,文章再次识别时也不会恢复。`,
        confirmLabel: '确认删除',
        back: `/admin/projects#project-${idOf(c)}`,
      });
      if (ask) return ask;
      return done(c, await curateProject(db, c.get('user'), actor(c), idOf(c), { kind: 'delete' }));
    })
    .post('/:id/correct', async (c) => {
      const values = await formValues(c);
      const errors = projectFieldErrors(values);
      if (Object.keys(errors).length > 0) return refused(c, 'correct', values, errors);
      return done(c, await curateProject(db, c.get('user'), actor(c), idOf(c), { kind: 'correct', ...projectFields(values) }));
    })
    .post('/:id/stage', async (c) => {
      const values = await formValues(c);
      const stage = stageOf(values.stage);
      if (!stage) return refused(c, 'stage', values, { stage: '请选择项目阶段。' });
      return done(c, await updateProjectPlan(db, c.get('user'), actor(c), idOf(c), { stage }));
    })
    .post('/:id/milestone', async (c) => {
      const values = await formValues(c);
      const milestone = stageOf(values.milestone);
      const plannedOn = (values.plannedOn ?? '').trim();
      const errors: FieldErrors = {};
      if (!milestone) errors.milestone = '请选择项目阶段。';
      if (plannedOn !== '' && !isCalendarDate(plannedOn)) errors.plannedOn = '计划日期不正确,请按 2026-03-31 的格式填写。';
      if (!milestone || Object.keys(errors).length > 0) return refused(c, 'milestone', values, errors);
      return done(c, await updateProjectPlan(db, c.get('user'), actor(c), idOf(c), { milestone, plannedOn: plannedOn || null }));
    });
}

/** A stage from a form, or undefined when it is not one. */
function stageOf(value: string | undefined): ProjectStage | undefined {
  return isProjectStage(value) ? value : undefined;
}

/** What is wrong with the name and amount of an added or corrected project. */
function projectFieldErrors(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  const name = (values.name ?? '').trim();
  if (name === '' || characterCount(name) > NAME_MAX) errors.name = `请填写项目名称(不超过 ${NAME_MAX} 个字)。`;
  const amount = (values.amount ?? '').trim();
  const amountProblem = amount === '' ? undefined : figureProblem(amount, '总投资（亿元）', PROJECT_AMOUNT);
  if (amountProblem) errors.amount = amountProblem;
  return errors;
}

/** The name, amount (亿元) and industry of a project form already checked. */
function projectFields(values: FormValues) {
  const amount = (values.amount ?? '').trim();
  return {
    name: (values.name ?? '').trim(),
    amountYi: amount === '' ? null : Number(amount),
    industry: (values.industry ?? '').trim().slice(0, INDUSTRY_MAX) || null,
  };
}
