// Issue #15: a request keeps the working days it was granted (its category's days at assignment plus
// approved extensions), so that a deadline counted Monday to Friday into a year whose holiday file
// was missing can be counted again, exactly, once the file is there.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('appeal').addColumn('working_days', 'integer').execute();
}
