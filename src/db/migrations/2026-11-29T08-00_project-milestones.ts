// Projects editors add by hand, and the planned date by which a project should reach each stage.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('project')
    .addColumn('origin', 'text', (col) => col.notNull().defaultTo('extracted'))
    .execute();
  await db.schema
    .createTable('project_milestone')
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id').onDelete('cascade'))
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('planned_on', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('project_milestone_pk', ['project_id', 'stage'])
    .execute();
}
