// What the public sends: contributions (投稿), enterprise applications (企业入驻) and contact
// messages (联系我们). Personal data sits in its own columns so that purging can blank them.
import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('submission')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('tracking_code', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('author_name', 'text')
    .addColumn('author_contact', 'text')
    .addColumn('consented_at', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('article_id', 'integer')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('purged_at', 'text')
    .execute();
  await db.schema.createIndex('submission_queue').on('submission').columns(['status', 'channel', 'created_at']).execute();

  await db.schema
    .createTable('enterprise_application')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('company_name', 'text', (col) => col.notNull())
    .addColumn('credit_code', 'text', (col) => col.notNull())
    .addColumn('industry', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('planned_investment', 'double precision', (col) => col.notNull())
    .addColumn('contact_person', 'text')
    .addColumn('contact_mobile', 'text')
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('purged_at', 'text')
    .execute();
  // One open application per company: the database enforces it even against simultaneous posts.
  await db.schema
    .createIndex('enterprise_application_one_open')
    .on('enterprise_application')
    .column('credit_code')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('enterprise_application_queue').on('enterprise_application').columns(['status', 'channel', 'created_at']).execute();

  await db.schema
    .createTable('contact_message')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('sender_name', 'text')
    .addColumn('sender_contact', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('reply_note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('purged_at', 'text')
    .execute();
  await db.schema.createIndex('contact_message_queue').on('contact_message').columns(['status', 'channel', 'created_at']).execute();
}
