// Issue #15: public questions and answers (公开问答). A question sits in one office's queue (its
// channel) until answered or declined; each 转办 keeps a history row. Personal data sits in its
// own columns so that purging can blank them.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('question')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('tracking_code', 'text', (col) => col.notNull().unique())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('asker_name', 'text')
    .addColumn('asker_contact', 'text')
    .addColumn('publish_consent', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('purged_at', 'text')
    .execute();
  // The offices' queues, and the public list: answered questions newest answered first.
  await db.schema.createIndex('question_queue').on('question').columns(['status', 'channel', 'created_at']).execute();
  await db.schema.createIndex('question_answered').on('question').columns(['status', 'answered_at']).execute();
  await db.schema
    .createTable('question_transfer')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('question_id', 'integer', (col) => col.notNull().references('question.id').onDelete('cascade'))
    .addColumn('from_channel', 'text', (col) => col.notNull())
    .addColumn('to_channel', 'text', (col) => col.notNull())
    .addColumn('transferred_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('question_transfer_question').on('question_transfer').column('question_id').execute();
}
