// Issue #12: a fact names the place it describes, a plan period (年均 / 累计 kinds), the qualifier
// of its headline number and how sure the reader was; a project can be confirmed by an editor.
// Rows read before this carry no place (null: the article's channel, which is what the old reader
// assumed) and are rated `low`, with the reason that they were never rated, so they lead the
// review queue. kind and curation are text columns already: the wider sets need no change.
import { sql, type Kysely } from 'kysely';

/** The reason recorded on facts read before the reader rated its figures. */
export const LEGACY_CONFIDENCE_REASON = '升级前识别的数据,未评估把握程度';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('indicator_fact').addColumn('place', 'text').execute();
  await db.schema.alterTable('indicator_fact').addColumn('period', 'text').execute();
  await db.schema.alterTable('indicator_fact').addColumn('qualifier', 'text').execute();
  await db.schema
    .alterTable('indicator_fact')
    .addColumn('confidence', 'text', (col) => col.notNull().defaultTo('low'))
    .execute();
  // A JSON array of the stated rules that made the reader unsure.
  await db.schema
    .alterTable('indicator_fact')
    .addColumn('confidence_reasons', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();
  await sql`update indicator_fact set confidence_reasons = ${JSON.stringify([LEGACY_CONFIDENCE_REASON])}`.execute(db);
}
