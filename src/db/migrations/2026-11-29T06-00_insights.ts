// Facts read out of articles: economic indicators per article, and projects merged across articles.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('indicator_fact')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('article_id', 'integer', (col) => col.notNull().references('article.id').onDelete('cascade'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('indicator', 'text', (col) => col.notNull())
    .addColumn('year', 'integer')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('value', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('growth', 'double precision')
    .addColumn('stretch', 'double precision')
    .addColumn('sentence', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('indicator_fact_article').on('indicator_fact').column('article_id').execute();
  await db.schema.createIndex('indicator_fact_channel').on('indicator_fact').columns(['channel', 'indicator', 'year']).execute();

  await db.schema
    .createTable('project')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('merge_key', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('amount', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('qualifier', 'text')
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('industry', 'text')
    .addColumn('stage', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('project_source')
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (col) => col.notNull().references('article.id').onDelete('cascade'))
    .addColumn('sentence', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('project_source_pk', ['project_id', 'article_id'])
    .execute();
}
