// Issue #16 part 4: English pages. Articles and policies get an optional English version written
// by editors (one row each, deleted with the original), flagged when it came from a machine
// translation; a 企业入驻 application records the language of the form it came in.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, subject] of [
    ['article_english', 'article'],
    ['policy_english', 'policy'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn(`${subject}_id`, 'integer', (col) => col.primaryKey().references(`${subject}.id`).onDelete('cascade'))
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('summary', 'text', (col) => col.notNull())
      .addColumn('body', 'text', (col) => col.notNull())
      .addColumn('machine_translated', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('updated_by', 'text', (col) => col.notNull())
      .execute();
  }
  await db.schema
    .alterTable('enterprise_application')
    .addColumn('language', 'text', (col) => col.notNull().defaultTo('zh-CN'))
    .execute();
}
