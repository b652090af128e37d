// Articles written in the console: a status (draft, scheduled, published), a publication time for
// scheduled ones, Markdown bodies, and every saved version kept as a revision.
import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .alterTable('article')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('published'))
    .execute();
  await db.schema.alterTable('article').addColumn('publish_at', 'text').execute();
  await db.schema
    .alterTable('article')
    .addColumn('body_format', 'text', (col) => col.notNull().defaultTo('text'))
    .execute();
  await db.schema.createIndex('article_scheduled').on('article').columns(['status', 'publish_at']).execute();

  await db.schema
    .createTable('article_revision')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('article_id', 'integer', (col) => col.notNull().references('article.id').onDelete('cascade'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('published_on', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('edited_by', 'text', (col) => col.notNull())
    .addColumn('edited_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('article_revision_article').on('article_revision').columns(['article_id', 'id']).execute();
  // Existing rows are imported, published articles.
  await sql`update article set status = 'published' where status is null`.execute(db);
}
