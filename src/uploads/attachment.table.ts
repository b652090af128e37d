// The attachment rows exactly as the database stores them, and how backups copy them.
import type { Generated, Selectable } from 'kysely';
import { backupTable } from '../db/backup-table.ts';

/** A file attached to an item (a policy, an article, …): its blob and what readers are told of it. */
export interface AttachmentTable {
  id: Generated<number>;
  /** What the file belongs to: a kind of OWNER_KINDS (attachment-owners.ts) and that item's id. */
  owner_kind: string;
  owner_id: number;
  /** The SHA-256 of the bytes as uploaded: the blob's name in the store. */
  blob_hash: string;
  /** The uploader's file name, cleaned (file-name.ts), its extension the detected type's. */
  display_name: string;
  /** A key of FILE_TYPES (file-type.ts): what the bytes were found to be. */
  file_type: string;
  size: number;
  /** Upright pixels of an image; null for documents. */
  width: number | null;
  height: number | null;
  /** Readers see the attachments of an item in this order, smallest first. */
  sort_order: number;
  uploaded_by: string;
  uploaded_at: string;
}

/** An attachment row as queries return it. */
export type AttachmentRow = Selectable<AttachmentTable>;

/** A web copy of an attached image (WebP, `width` pixels wide). */
export interface AttachmentVariantTable {
  attachment_id: number;
  width: number;
  blob_hash: string;
  size: number;
}

/** The attachment tables as backups copy them; the blobs they name travel with them (backup.service.ts). */
export const attachmentBackups = [
  backupTable<AttachmentTable>(
    'attachment',
    {
      id: 'integer',
      owner_kind: 'text',
      owner_id: 'integer',
      blob_hash: 'text',
      display_name: 'text',
      file_type: 'text',
      size: 'integer',
      width: 'integer',
      height: 'integer',
      sort_order: 'integer',
      uploaded_by: 'text',
      uploaded_at: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<AttachmentVariantTable>(
    'attachment_variant',
    { attachment_id: 'integer', width: 'integer', blob_hash: 'text', size: 'integer' },
    { key: ['attachment_id', 'width'] },
  ),
];
