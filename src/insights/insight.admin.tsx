// Console routes for the facts read from articles (editors of their channels, and admins):
// indicators under /admin/facts, projects under /admin/projects.
import { Hono, type Context } from 'hono';
import { canActOn } from '../accounts/account.ts';
import type { RouteContext } from '../http/app-deps.ts';
import type { ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { formValues } from '../http/form.ts';
import { htmlDocument } from '../http/layout.tsx';
import { parseId } from '../http/request-params.ts';
import { articleReview, confirmArticleFacts, curateFact, FACT_QUALIFIERS as QUALIFIERS, factsForCuration, type FactCorrection } from './fact-curation.service.ts';
import { isCalendarDate } from '../articles/article.ts';
import { ArticleReviewPage, FactCurationPage } from './views/fact-curation-page.tsx';
import { ProjectCurationPage } from './views/project-curation-page.tsx';
import { STAGE_ORDER } from './milestones.ts';
import { addManualProject, curateProject, projectsForCuration, updateProjectPlan } from './project-curation.service.ts';
import type { ProjectStage } from './projects.ts';
import { figureProblem, INDICATOR_FIGURE, PROJECT_AMOUNT } from './figure-rules.ts';

const KINDS = ['actual', 'target', 'period_average', 'period_total'] as const;
const UNITS = ['元', '万元', '亿元', '万亿元', '美元', '万美元', '亿美元'];

/** The corrected figures from the form, or a 400 naming the field. */
function correctionOf(values: Record<string, string>): FactCorrection {
  const number = (name: string, label: string) => {
    const text = (values[name] ?? '').trim();
    if (text === '') return null;
    const problem = figureProblem(text, label, INDICATOR_FIGURE);
    if (problem) throw new AppError(400, 'bad_request', problem);
    return Number(text);
  };
  const year = number('year', '年份');
  if (year !== null && (year < 1949 || year > 2100 || !Number.isInteger(year))) throw new AppError(400, 'bad_request', '年份不正确。');
  const kind = KINDS.find((k) => k === values.kind);
  if (!kind) throw new AppError(400, 'bad_request', '请选择类型。');
  const period = (values.period ?? '').trim() || null;
  const perPeriod = kind === 'period_average' || kind === 'period_total';
  if (perPeriod && (period === null || !/^(\d{4})-(\d{4})$/u.test(period) || Number(period.slice(5)) <= Number(period.slice(0, 4)))) throw new AppError(400, 'bad_request', '年均或累计数据须填写期间,如 2021-2025。');
  if (!perPeriod && period !== null) throw new AppError(400, 'bad_request', '只有年均或累计数据填写期间;实际或目标数据请填写年份。');
  if (perPeriod && year !== null) throw new AppError(400, 'bad_request', '年均或累计数据填写期间,不填年份。');
  const unit = (values.unit ?? '').trim() || null;
  const value = number('value', '数值');
  if (unit !== null && !UNITS.includes(unit)) throw new AppError(400, 'bad_request', `单位须为 ${UNITS.join('、')} 之一。`);
  if ((value === null) !== (unit === null)) throw new AppError(400, 'bad_request', '数值和单位须同时填写或同时留空。');
  const place = (values.place ?? '').trim() || null;
  if (place !== null && Array.from(place).length > 20) throw new AppError(400, 'bad_request', '地区不超过 20 个字,留空表示本频道。');
  const qualifierText = (values.qualifier ?? '').trim();
  const qualifier = QUALIFIERS.find((q) => q === qualifierText) ?? null;
  if (qualifierText !== '' && qualifier === null) throw new AppError(400, 'bad_request', `限定词须为 ${QUALIFIERS.join('、')} 之一,或留空。`);
  return { year, period, kind, value, unit, growth: number('growth', '增长'), stretch: number('stretch', '力争'), place, qualifier };
}

/** Routes: `/` (the queue), `/:id/confirm|delete|correct`, `/articles/:id` (beside the text) and `/articles/:id/confirm` (all of it). */
export function factAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { chrome, actor } = kit;
  const { db } = ctx;
  const done = (c: Context<ConsoleEnv>, outcome: 'done' | 'not_found', id: number) => {
    if (outcome === 'not_found') throw notFound('没有这条数据,或它不在您负责的频道。');
    return c.redirect(`/admin/facts#fact-${id}`, 303);
  };
  const idOf = (c: Context) => parseId(c.req.param('id') ?? '') ?? 0;
  const reviewPage = async (c: Context<ConsoleEnv>, problem?: string) => {
    const review = await articleReview(db, c.get('user'), idOf(c));
    if (!review) throw notFound('这篇文章没有待审核的数据,或它不在您负责的频道。');
    return c.html(htmlDocument(<ArticleReviewPage console={await chrome(c)} review={review} problem={problem} />), problem ? 409 : 200);
  };
  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor'))
    .get('/', async (c) => c.html(htmlDocument(<FactCurationPage console={await chrome(c)} facts={await factsForCuration(db, c.get('user'))} />)))
    .get('/articles/:id', (c) => reviewPage(c))
    .post('/articles/:id/confirm', async (c) => {
      const result = await confirmArticleFacts(db, c.get('user'), actor(c), idOf(c), (await formValues(c)).version ?? '');
      if (result.outcome === 'not_found') throw notFound('这篇文章没有待审核的数据,或它不在您负责的频道。');
      if (result.outcome === 'changed') return reviewPage(c, '您打开本页后,本文数据已有变化(文章重新识别,或他人已审核)。未作任何确认,请对照下方最新数据重新核对后再确认。');
      return c.redirect(`/admin/facts/articles/${idOf(c)}`, 303);
    })
    .post('/:id/confirm', async (c) => done(c, await curateFact(db, c.get('user'), actor(c), idOf(c), { kind: 'confirm' }), idOf(c)))
    .post('/:id/delete', async (c) => done(c, await curateFact(db, c.get('user'), actor(c), idOf(c), { kind: 'delete' }), idOf(c)))
    .post('/:id/correct', async (c) => {
      const correction = correctionOf(await formValues(c));
      return done(c, await curateFact(db, c.get('user'), actor(c), idOf(c), { kind: 'correct', correction }), idOf(c));
    });
}

/** Routes: `/` (list and add), `/:id/stage`, `/:id/milestone`. Mounted under /admin/projects. */
export function projectAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { chrome, actor } = kit;
  const { db } = ctx;
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const channelsOf = (c: Context<ConsoleEnv>) =>
    ctx.channels.all.filter((channel) => canActOn(c.get('user'), channel.slug)).map((channel) => ({ value: channel.slug, label: channel.name }));
  const page = async (c: Context<ConsoleEnv>, problem?: string) =>
    c.html(htmlDocument(<ProjectCurationPage console={await chrome(c)} projects={await projectsForCuration(db, c.get('user'), today())} channels={channelsOf(c)} channelName={ctx.navChannel} problem={problem} />), problem ? 400 : 200);
  const stageOf = (value: string | undefined): ProjectStage => {
    if (!value || !(STAGE_ORDER as readonly string[]).includes(value)) throw new AppError(400, 'bad_request', '请选择项目阶段。');
    return value as ProjectStage;
  };
  const idOf = (c: Context) => parseId(c.req.param('id') ?? '') ?? 0;
  const done = (c: Context<ConsoleEnv>, outcome: 'done' | 'not_found') => {
    if (outcome === 'not_found') throw notFound('没有这个项目,或它不在您负责的地区。');
    return c.redirect(`/admin/projects#project-${idOf(c)}`, 303);
  };
  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor'))
    .get('/', (c) => page(c))
    .post('/', async (c) => {
      const values = await formValues(c);
      const name = (values.name ?? '').trim();
      if (name === '' || Array.from(name).length > 60) return page(c, '请填写项目名称(不超过 60 个字)。');
      const amountText = (values.amount ?? '').trim();
      const amountProblem = amountText === '' ? undefined : figureProblem(amountText, '总投资（亿元）', PROJECT_AMOUNT);
      if (amountProblem) return page(c, amountProblem);
      const channel = ctx.channels.bySlug(values.channel ?? '');
      if (!channel) return page(c, '没有这个地区,请从列表中选择。');
      const result = await addManualProject(db, c.get('user'), actor(c), {
        name,
        amountYi: amountText === '' ? null : Number(amountText),
        channel: channel.slug,
        industry: (values.industry ?? '').trim().slice(0, 20) || null,
        stage: stageOf(values.stage),
      });
      if ('problem' in result) return page(c, result.problem);
      return c.redirect(`/admin/projects#project-${result.id}`, 303);
    })
    .post('/:id/confirm', async (c) => done(c, await curateProject(db, c.get('user'), actor(c), idOf(c), { kind: 'confirm' })))
    .post('/:id/delete', async (c) => done(c, await curateProject(db, c.get('user'), actor(c), idOf(c), { kind: 'delete' })))
    .post('/:id/correct', async (c) => {
      const values = await formValues(c);
      const name = (values.name ?? '').trim();
      const amountText = (values.amount ?? '').trim();
      if (name === '' || Array.from(name).length > 60) throw new AppError(400, 'bad_request', '请填写项目名称(不超过 60 个字)。');
      const amountProblem = amountText === '' ? undefined : figureProblem(amountText, '总投资（亿元）', PROJECT_AMOUNT);
      if (amountProblem) throw new AppError(400, 'bad_request', amountProblem);
      const industry = (values.industry ?? '').trim().slice(0, 20) || null;
      return done(c, await curateProject(db, c.get('user'), actor(c), idOf(c), { kind: 'correct', name, amountYi: amountText === '' ? null : Number(amountText), industry }));
    })
    .post('/:id/stage', async (c) => done(c, await updateProjectPlan(db, c.get('user'), actor(c), idOf(c), { stage: stageOf((await formValues(c)).stage) })))
    .post('/:id/milestone', async (c) => {
      const values = await formValues(c);
      const plannedOn = (values.plannedOn ?? '').trim();
      if (plannedOn !== '' && !isCalendarDate(plannedOn)) throw new AppError(400, 'bad_request', '计划日期不正确,请按 2026-03-31 的格式填写。');
      return done(c, await updateProjectPlan(db, c.get('user'), actor(c), idOf(c), { milestone: stageOf(values.milestone), plannedOn: plannedOn || null }));
    });
}
