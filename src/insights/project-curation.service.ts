// Editors' work on the project library: projects added by hand, stage changes and planned
// milestone dates, with 红黄灯预警 for milestones missed or near.
import { canActOn, channelScope, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { projectMergeKey } from './insight.service.ts';
import { isProjectStage, type ProjectStage } from '../lib/project-stages.ts';
import { milestoneWarnings, type Milestone, type Warning } from './milestones.ts';
import * as store from './project.store.ts';

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

/** Projects of the user's channels with their milestones and warnings at `today`, most urgent first. */
export async function projectsForCuration(db: Db, user: ConsoleUser, today: string): Promise<ProjectForCuration[]> {
  const scope = channelScope(user);
  if (scope?.length === 0) return [];
  const [projects, milestones, sources] = await Promise.all([store.projectsInScope(db, scope), store.allMilestones(db), store.allProjectSources(db)]);
  return projects
    .map((p) => {
      const planned = milestones
        .filter((m) => Number(m.project_id) === Number(p.id) && isProjectStage(m.stage))
        .map((m) => ({ stage: m.stage as ProjectStage, plannedOn: m.planned_on }));
      const stage = isProjectStage(p.stage) ? p.stage : null;
      const named = sources.filter((s) => Number(s.project_id) === Number(p.id)).map((s) => ({ articleId: Number(s.article_id), sentence: s.sentence }));
      return {
        id: Number(p.id),
        name: p.name,
        amount: p.amount === null ? null : Number(p.amount),
        unit: p.unit,
        channel: p.channel,
        industry: p.industry,
        stage,
        manual: p.origin === 'manual',
        verified: p.curation === 'confirmed' || p.curation === 'corrected',
        sources: named,
        milestones: planned,
        warnings: milestoneWarnings(stage, planned, today),
      };
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
): Promise<{ id: number } | { field: 'channel' | 'name'; problem: string }> {
  if (!canActOn(user, input.channel)) return { field: 'channel', problem: '只能在您负责的地区添加项目。' };
  const key = projectMergeKey(input.name);
  if (await store.projectByMergeKey(db, key)) return { field: 'name', problem: `项目“${input.name}”已在项目库中。` };
  return db.transaction().execute(async (trx) => {
    const id = await store.insertProject(trx, {
      merge_key: key,
      name: input.name,
      amount: input.amountYi,
      unit: input.amountYi === null ? null : '亿元',
      qualifier: null,
      channel: input.channel,
      industry: input.industry,
      stage: input.stage,
      updated_at: now.toISOString(),
      origin: 'manual',
      curation: 'corrected',
    });
    await bumpContentVersion(trx);
    await recordAudit(trx, actor, { action: 'project.create', targetType: 'project', targetId: id, after: input, channel: input.channel }, now);
    return { id };
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
    const project = await store.projectById(trx, id);
    if (!project || !canActOn(user, project.channel)) return 'not_found';
    if ('stage' in change) {
      await store.updateProject(trx, id, { stage: change.stage, updated_at: now.toISOString() });
      await bumpContentVersion(trx);
      await recordAudit(
        trx,
        actor,
        {
          action: 'project.stage',
          targetType: 'project',
          targetId: id,
          before: { stage: project.stage },
          after: { stage: change.stage },
          channel: project.channel,
        },
        now,
      );
      return 'done';
    }
    const before = await store.plannedOn(trx, id, change.milestone);
    await store.setMilestone(trx, { project_id: id, stage: change.milestone, planned_on: change.plannedOn });
    await recordAudit(
      trx,
      actor,
      {
        action: 'project.milestone',
        targetType: 'project',
        targetId: id,
        before: { [change.milestone]: before ?? null },
        after: { [change.milestone]: change.plannedOn },
        channel: project.channel,
      },
      now,
    );
    return 'done';
  });
}

/** The name and district of a project of the user's districts not deleted; undefined when there is none. */
export async function projectForCuration(db: Db, user: ConsoleUser, id: number): Promise<{ name: string; channel: string } | undefined> {
  const row = await store.projectById(db, id);
  return row && row.curation !== 'deleted' && canActOn(user, row.channel) ? { name: row.name, channel: row.channel } : undefined;
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
    const found = await store.projectById(trx, id);
    if (!found || !canActOn(user, found.channel)) return 'not_found';
    const before = { channel: found.channel, name: found.name, amount: found.amount, unit: found.unit, industry: found.industry, curation: found.curation };
    const changes =
      action.kind === 'confirm'
        ? { curation: 'confirmed' as const }
        : action.kind === 'delete'
          ? { curation: 'deleted' as const }
          : {
              curation: 'corrected' as const,
              name: action.name,
              amount: action.amountYi,
              unit: action.amountYi === null ? null : '亿元',
              qualifier: null,
              industry: action.industry,
            };
    await store.updateProject(trx, id, { ...changes, updated_at: now.toISOString() });
    await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      { action: `project.${action.kind}`, targetType: 'project', targetId: id, before, after: changes, channel: before.channel },
      now,
    );
    return 'done';
  });
}
