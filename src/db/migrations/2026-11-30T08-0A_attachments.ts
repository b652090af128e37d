// Issue #16: files attached to policies and articles (and later other items). Each row names a
// blob by its SHA-256; images have web copies, each a blob too. Owners are named by kind and id,
// not by a foreign key, so that a new kind of owner needs no migration.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('attachment')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('owner_kind', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'integer', (col) => col.notNull())
    .addColumn('blob_hash', 'text', (col) => col.notNull())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('file_type', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('sort_order', 'integer', (col) => col.notNull())
    .addColumn('uploaded_by', 'text', (col) => col.notNull())
    .addColumn('uploaded_at', 'text', (col) => col.notNull())
    .execute();
  // An item's list; the file route's look-up by hash.
  await db.schema.createIndex('attachment_owner').on('attachment').columns(['owner_kind', 'owner_id', 'sort_order']).execute();
  await db.schema.createIndex('attachment_blob').on('attachment').column('blob_hash').execute();
  await db.schema
    .createTable('attachment_variant')
    .addColumn('attachment_id', 'integer', (col) => col.notNull().references('attachment.id').onDelete('cascade'))
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('blob_hash', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('attachment_variant_pkey', ['attachment_id', 'width'])
    .execute();
  await db.schema.createIndex('attachment_variant_blob').on('attachment_variant').column('blob_hash').execute();
}
