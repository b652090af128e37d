// Queries of the attachment tables; only the uploads feature reads or writes them.
import type { Insertable } from 'kysely';
import type { Db } from '../db/database.ts';
import { rowToAttachment, type Attachment } from './attachment.ts';
import type { AttachmentRow, AttachmentTable, AttachmentVariantTable } from './attachment.table.ts';

async function withVariants(db: Db, rows: AttachmentRow[]): Promise<Attachment[]> {
  if (rows.length === 0) return [];
  const variants = await db
    .selectFrom('attachment_variant')
    .selectAll()
    .where(
      'attachment_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return rows.map((row) =>
    rowToAttachment(
      row,
      variants.filter((variant) => Number(variant.attachment_id) === Number(row.id)),
    ),
  );
}

/** The attachments of one item, in their order. */
export async function attachmentsOf(db: Db, ownerKind: string, ownerId: number): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachment')
    .selectAll()
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', '=', ownerId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return withVariants(db, rows);
}

/** One attachment by id. */
export async function attachmentById(db: Db, id: number): Promise<Attachment | undefined> {
  const row = await db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withVariants(db, [row]))[0];
}

/** The attachments whose file, or one of whose web copies, is the blob `hash`. */
export async function attachmentsByBlob(db: Db, hash: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachment')
    .selectAll()
    .where((eb) =>
      eb.or([eb('blob_hash', '=', hash), eb('id', 'in', eb.selectFrom('attachment_variant').select('attachment_id').where('blob_hash', '=', hash))]),
    )
    .orderBy('id')
    .execute();
  return withVariants(db, rows);
}

/** The next place at the end of an item's list. */
export async function nextSortOrder(db: Db, ownerKind: string, ownerId: number): Promise<number> {
  const row = await db
    .selectFrom('attachment')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('last'))
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  return row.last === null ? 1 : Number(row.last) + 1;
}

/** Inserts an attachment and its web copies; returns its id. */
export async function insertAttachment(
  db: Db,
  row: Insertable<AttachmentTable>,
  variants: ReadonlyArray<Omit<AttachmentVariantTable, 'attachment_id'>>,
): Promise<number> {
  const { id } = await db.insertInto('attachment').values(row).returning('id').executeTakeFirstOrThrow();
  if (variants.length > 0)
    await db
      .insertInto('attachment_variant')
      .values(variants.map((variant) => ({ ...variant, attachment_id: Number(id) })))
      .execute();
  return Number(id);
}

/** Deletes an attachment and its web copies. */
export async function deleteAttachment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('attachment_variant').where('attachment_id', '=', id).execute();
  await db.deleteFrom('attachment').where('id', '=', id).execute();
}

/** Sets an attachment's place in its item's list. */
export async function setSortOrder(db: Db, id: number, sortOrder: number): Promise<void> {
  await db.updateTable('attachment').set({ sort_order: sortOrder }).where('id', '=', id).execute();
}

/** Every blob the attachments name, files and web copies, each once (for backups). */
export async function referencedBlobs(db: Db): Promise<string[]> {
  const files = await db.selectFrom('attachment').select('blob_hash').distinct().execute();
  const copies = await db.selectFrom('attachment_variant').select('blob_hash').distinct().execute();
  return [...new Set([...files, ...copies].map((row) => row.blob_hash))].sort();
}
