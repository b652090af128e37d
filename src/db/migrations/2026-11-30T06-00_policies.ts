// Issue #16: the policy library (政策文件库). Each policy with its 文号 (and the key any spelling
// of it folds to), dates, validity decided by editors, the folded text keyword search reads, and
// the 政策解读 articles linked to it.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('policy')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('doc_number_key', 'text')
    .addColumn('issuer', 'text', (col) => col.notNull())
    .addColumn('level', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('topic', 'text', (col) => col.notNull())
    .addColumn('written_on', 'text', (col) => col.notNull())
    .addColumn('published_on', 'text', (col) => col.notNull())
    .addColumn('effective_on', 'text', (col) => col.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('replaced_by', 'integer')
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // The public list, newest 发布日期 first; a search by 文号.
  await db.schema.createIndex('policy_published').on('policy').columns(['published_on', 'id']).execute();
  await db.schema.createIndex('policy_doc_number').on('policy').column('doc_number_key').execute();
  await db.schema
    .createTable('policy_interpretation')
    .addColumn('policy_id', 'integer', (col) => col.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (col) => col.notNull().references('article.id').onDelete('cascade'))
    .addColumn('linked_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('policy_interpretation_pkey', ['policy_id', 'article_id'])
    .execute();
  await db.schema.createIndex('policy_interpretation_article').on('policy_interpretation').column('article_id').execute();
}
