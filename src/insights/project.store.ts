// Queries on the project library: project, project_source and project_milestone.
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { InsightsPublic } from '../config.ts';
import type { ArticleIds } from './indicator-fact.store.ts';
import type { ProjectMilestoneTable, ProjectSourceTable, ProjectTable } from './insight.table.ts';

/** Removes the record of which projects an article names. */
export async function deleteArticleSources(db: Db, articleId: number): Promise<void> {
  await db.deleteFrom('project_source').where('article_id', '=', articleId).execute();
}

/** The project with this merge key, or undefined. */
export async function projectByMergeKey(db: Db, mergeKey: string) {
  return db.selectFrom('project').selectAll().where('merge_key', '=', mergeKey).executeTakeFirst();
}

/** Stores a project and returns its id. */
export async function insertProject(db: Db, row: Insertable<ProjectTable>): Promise<number> {
  const { id } = await db.insertInto('project').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Changes a project. */
export async function updateProject(db: Db, id: number, changes: Updateable<ProjectTable>): Promise<void> {
  await db.updateTable('project').set(changes).where('id', '=', id).execute();
}

/** Records that an article names a project (once per pair). */
export async function insertProjectSource(db: Db, row: Insertable<ProjectSourceTable>): Promise<void> {
  await db
    .insertInto('project_source')
    .values(row)
    .onConflict((oc) => oc.columns(['project_id', 'article_id']).doNothing())
    .execute();
}

/** Projects not deleted, filtered; `confirmed` only the curated ones. */
export async function listedProjects(
  db: Db,
  show: InsightsPublic,
  filter: { channel?: string | undefined; industry?: string | undefined; stage?: string | undefined },
) {
  let query = db.selectFrom('project').selectAll();
  query =
    show === 'confirmed'
      ? query.where('curation', 'in', ['confirmed', 'corrected'])
      : query.where((eb) => eb.or([eb('curation', 'is', null), eb('curation', '!=', 'deleted')]));
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.industry) query = query.where('industry', '=', filter.industry);
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  return query.execute();
}

/** Which articles in `articles` name which project, by article id. */
export async function sourcesAmong(db: Db, articles: ArticleIds) {
  return db.selectFrom('project_source').select(['project_id', 'article_id', 'sentence']).where('article_id', 'in', articles).orderBy('article_id').execute();
}

/** Projects not deleted of the channels in `scope` (all when undefined), by name. */
export async function projectsInScope(db: Db, scope: readonly string[] | undefined) {
  let query = db
    .selectFrom('project')
    .selectAll()
    .where((eb) => eb.or([eb('curation', 'is', null), eb('curation', '!=', 'deleted')]));
  if (scope) query = query.where('channel', 'in', scope);
  return query.orderBy('name').execute();
}

/** Every planned milestone, earliest first. */
export async function allMilestones(db: Db) {
  return db.selectFrom('project_milestone').selectAll().orderBy('planned_on').execute();
}

/** Every project source. */
export async function allProjectSources(db: Db) {
  return db.selectFrom('project_source').selectAll().execute();
}

/** A project's channel and current stage, or undefined. */
export async function projectById(db: Db, id: number) {
  return db.selectFrom('project').select(['channel', 'name', 'amount', 'unit', 'industry', 'stage', 'curation']).where('id', '=', id).executeTakeFirst();
}

/** The planned date of a project's stage, or undefined. */
export async function plannedOn(db: Db, projectId: number, stage: string): Promise<string | undefined> {
  const row = await db.selectFrom('project_milestone').select('planned_on').where('project_id', '=', projectId).where('stage', '=', stage).executeTakeFirst();
  return row?.planned_on;
}

/** Sets (or with `plannedOn` null removes) the planned date of a project's stage. */
export async function setMilestone(db: Db, row: Omit<ProjectMilestoneTable, 'planned_on'> & { planned_on: string | null }): Promise<void> {
  await db.deleteFrom('project_milestone').where('project_id', '=', row.project_id).where('stage', '=', row.stage).execute();
  if (row.planned_on !== null)
    await db
      .insertInto('project_milestone')
      .values({ ...row, planned_on: row.planned_on })
      .execute();
}
