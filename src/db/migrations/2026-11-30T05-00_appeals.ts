// Issue #15: the enterprise request desk (企业诉求). A request carries its deadline as a Beijing
// date so that the lights and the 按期办结率 are plain comparisons; its history and extension
// requests are rows of their own. Personal data sits in its own columns so that purging can blank them.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('appeal')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('tracking_code', 'text', (col) => col.notNull().unique())
    .addColumn('credit_code', 'text', (col) => col.notNull())
    .addColumn('enterprise_name', 'text', (col) => col.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('handler_id', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('assigned_at', 'text')
    .addColumn('due_on', 'text')
    .addColumn('due_provisional', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('resolution', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_on_time', 'integer')
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('purged_at', 'text')
    .execute();
  // The desk's queues by office, a handler's own list by deadline, and the statistics by month.
  await db.schema.createIndex('appeal_queue').on('appeal').columns(['status', 'channel', 'created_at']).execute();
  await db.schema.createIndex('appeal_handler').on('appeal').columns(['handler_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('appeal_due').on('appeal').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('appeal_created').on('appeal').column('created_at').execute();
  await db.schema
    .createTable('appeal_event')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('appeal_id', 'integer', (col) => col.notNull().references('appeal.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('text', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('appeal_event_appeal').on('appeal_event').column('appeal_id').execute();
  await db.schema
    .createTable('appeal_extension')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('appeal_id', 'integer', (col) => col.notNull().references('appeal.id').onDelete('cascade'))
    .addColumn('requested_by', 'integer', (col) => col.notNull().references('app_user.id'))
    .addColumn('working_days', 'integer', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('requested_at', 'text', (col) => col.notNull())
    .addColumn('decided_by', 'integer', (col) => col.references('app_user.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('appeal_extension_pending').on('appeal_extension').columns(['status', 'appeal_id']).execute();
}
