// Editors correct or delete projects found in articles; re-extraction then leaves them as they set.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('project').addColumn('curation', 'text').execute();
}
