// Editors confirm, correct or delete extracted facts; a curated fact replaces what extraction
// finds for the same sentence, so corrections survive re-extraction.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('indicator_fact').addColumn('extracted_key', 'text').execute();
  await db.schema.alterTable('indicator_fact').addColumn('curation', 'text').execute();
  await db.schema.alterTable('indicator_fact').addColumn('curated_by', 'text').execute();
  await db.schema.alterTable('indicator_fact').addColumn('curated_at', 'text').execute();
}
