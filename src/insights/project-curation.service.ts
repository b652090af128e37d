// Editors' work on the project library: projects added by hand, stage changes and planned
// milestone dates, with 红黄灯预警 for milestones missed or near.
import { canActOn, channelScope, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { projectMergeKey } from './insight.service.ts';
import { milestoneWarnings, STAGE_ORDER, type Milestone, type Warning } from './milestones.ts';
import type { ProjectStage } from './projects.ts';

/** A project as the console shows it. */
export interface ProjectForCuration {
  id: number;
  name: string;
  amount: number | null;
  unit: string | null;
  channel: string;
  industry: string | null;
  stage: ProjectStage | null;
  manual: boolean;
  /** An editor added, confirmed or corrected it: public pages show it as the portal's own. */
  verified: boolean;
  /** The sentences of the articles that name it. */
  sources: Array<{ articleId: number; sentence: string }>;
  milestones: Milestone[];
  warnings: Warning[];
}

const isStage = (value: string | null): value is ProjectStage => value !== null && (STAGE_ORDER as readonly string[]).includes(value);

/** Projects of the user's channels with their milestones and warnings at `today`, most urgent first. */
export async function projectsForCuration(db: Db, user: ConsoleUser, today: string): Promise<ProjectForCuration[]> {
  const scope = channelScope(user);
  if (scope?.length === 0) return [];
  let query = db.selectFrom('project').selectAll().where((eb) => eb.or([eb('curation', 'is', null), eb('curation', '!=', 'deleted')]));
  if (scope) query = query.where('channel', 'in', scope);
  const [projects, milestones, sources] = await Promise.all([
    query.orderBy('name').execute(),
    db.selectFrom('project_milestone').selectAll().orderBy('planned_on').execute(),
    db.selectFrom('project_source').selectAll().execute(),
  ]);
  return projects
    .map((p) => {
      const planned = milestones.filter((m) => Number(m.project_id) === Number(p.id) && isStage(m.stage)).map((m) => ({ stage: m.stage as ProjectStage, plannedOn: m.planned_on }));
      const stage = isStage(p.stage) ? p.stage : null;
      const named = sources.filter((s) => Number(s.project_id) === Number(p.id)).map((s) => ({ articleId: Number(s.article_id), sentence: s.sentence }));
      return { id: Number(p.id), name: p.name, amount: p.amount === null ? null : Number(p.amount), unit: p.unit, channel: p.channel, industry: p.industry, stage, manual: p.origin === 'manual', verified: p.curation === 'confirmed' || p.curation === 'corrected', sources: named, milestones: planned, warnings: milestoneWarnings(stage, planned, today) };
    })
    .sort((a, b) => (a.warnings[0]?.days ?? Infinity) - (b.warnings[0]?.days ?? Infinity));
}

/** Adds a project by hand; a problem in Chinese when the name is taken or the channel is not the user's. */
export async function addManualProject(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  input: { name: string; amountYi: number | null; channel: string; industry: string | null; stage: ProjectStage },
  now = new Date(),
): Promise<{ id: number } | { problem: string }> {
  if (!canActOn(user, input.channel)) return { problem: '只能在您负责的地区添加项目。' };
  const key = projectMergeKey(input.name);
  if (await db.selectFrom('project').select('id').where('merge_key', '=', key).executeTakeFirst()) return { problem: `项目“${input.name}”已在项目库中。` };
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('project')
      .values({ merge_key: key, name: input.name, amount: input.amountYi, unit: input.amountYi === null ? null : '亿元', qualifier: null, channel: input.channel, industry: input.industry, stage: input.stage, updated_at: now.toISOString(), origin: 'manual', curation: 'corrected' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpContentVersion(trx);
    await recordAudit(trx, actor, { action: 'project.create', targetType: 'project', targetId: Number(id), after: input, channel: input.channel }, now);
    return { id: Number(id) };
  });
}

/** Sets a project's current stage, or the planned date of a stage (null removes it). */
export async function updateProjectPlan(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  change: { stage: ProjectStage } | { milestone: ProjectStage; plannedOn: string | null },
  now = new Date(),
): Promise<'done' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const project = await trx.selectFrom('project').select(['channel', 'stage']).where('id', '=', id).executeTakeFirst();
    if (!project || !canActOn(user, project.channel)) return 'not_found';
    if ('stage' in change) {
      await trx.updateTable('project').set({ stage: change.stage, updated_at: now.toISOString() }).where('id', '=', id).execute();
      await bumpContentVersion(trx);
      await recordAudit(trx, actor, { action: 'project.stage', targetType: 'project', targetId: id, before: { stage: project.stage }, after: { stage: change.stage }, channel: project.channel }, now);
      return 'done';
    }
    const before = await trx.selectFrom('project_milestone').select('planned_on').where('project_id', '=', id).where('stage', '=', change.milestone).executeTakeFirst();
    await trx.deleteFrom('project_milestone').where('project_id', '=', id).where('stage', '=', change.milestone).execute();
    if (change.plannedOn !== null) await trx.insertInto('project_milestone').values({ project_id: id, stage: change.milestone, planned_on: change.plannedOn }).execute();
    await recordAudit(trx, actor, { action: 'project.milestone', targetType: 'project', targetId: id, before: { [change.milestone]: before?.planned_on ?? null }, after: { [change.milestone]: change.plannedOn }, channel: project.channel }, now);
    return 'done';
  });
}

/**
 * Confirms a project as read, corrects its name, amount (亿元) and industry, or deletes it. Re-extraction
 * leaves a corrected or deleted one alone; a confirmed one it changes is unreviewed again.
 */
export async function curateProject(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  action: { kind: 'confirm' } | { kind: 'delete' } | { kind: 'correct'; name: string; amountYi: number | null; industry: string | null },
  now = new Date(),
): Promise<'done' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('project').select(['channel', 'name', 'amount', 'unit', 'industry', 'curation']).where('id', '=', id).executeTakeFirst();
    if (!before || !canActOn(user, before.channel)) return 'not_found';
    const changes =
      action.kind === 'confirm'
        ? { curation: 'confirmed' as const }
        : action.kind === 'delete'
        ? { curation: 'deleted' as const }
        : { curation: 'corrected' as const, name: action.name, amount: action.amountYi, unit: action.amountYi === null ? null : '亿元', qualifier: null, industry: action.industry };
    await trx.updateTable('project').set({ ...changes, updated_at: now.toISOString() }).where('id', '=', id).execute();
    await bumpContentVersion(trx);
    await recordAudit(trx, actor, { action: `project.${action.kind}`, targetType: 'project', targetId: id, before, after: changes, channel: before.channel }, now);
    return 'done';
  });
}
