// Rules of attachments: editors attach files to the items of their channels and remove or reorder
// them, each change audited and making cached pages stale; readers get the files of public items
// only. The bytes are checked for what they are, images get web copies, and every blob is written
// to the store before the row that names it, so a row never names a missing blob. No HTTP here.
import { canActOn, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { findOwner } from './attachment-owners.ts';
import { auditedAttachment as audited, cleanFileName, formatFileSize, variantName, type Attachment, type AttachmentOwner } from './attachment.ts';
import * as store from './attachment.store.ts';
import type { BlobStore } from './blob-store.ts';
import { detectFileType, FILE_TYPES } from './file-type.ts';
import { processImage } from './image-variants.ts';

/** What the uploads need: the store of blobs and the largest file taken (UPLOAD_MAX_BYTES). */
export interface Uploads {
  blobs: BlobStore;
  maxBytes: number;
}

/** What a multipart upload form adds to its file: boundaries, part headers and the CSRF field. */
export const UPLOAD_FORM_OVERHEAD = 16 * 1024;

/** A file as the form delivered it. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Why an upload was not taken: `too_large` (413) or `refused` (415) with a Chinese message, and the item it was for. */
export type UploadRefusal = { refused: 'too_large' | 'refused'; message: string; owner: AttachmentOwner };

/** The attachments of an item, in their order (the caller shows them only where the item may be seen). */
export function attachmentsOf(db: Db, ownerKind: string, ownerId: number): Promise<Attachment[]> {
  return store.attachmentsOf(db, ownerKind, ownerId);
}

/** The item, when the user may change its attachments. */
async function ownerForEditing(db: Db, user: ConsoleUser, ownerKind: string, ownerId: number): Promise<AttachmentOwner | undefined> {
  const owner = await findOwner(db, ownerKind, ownerId);
  return owner && canActOn(user, owner.channel) ? owner : undefined;
}

/**
 * Attaches a file to an item of the user's channels, at the end of its list; audited. Returns the
 * attachment's id and where the item is edited, 'not_found' for an unknown item or one outside the
 * user's channels, or why the file is refused.
 */
export async function uploadAttachment(
  db: Db,
  uploads: Uploads,
  user: ConsoleUser,
  actor: Actor,
  target: { ownerKind: string; ownerId: number },
  file: UploadedFile,
  now = new Date(),
): Promise<{ id: number; owner: AttachmentOwner } | 'not_found' | UploadRefusal> {
  const owner = await ownerForEditing(db, user, target.ownerKind, target.ownerId);
  if (!owner) return 'not_found';
  if (file.bytes.length > uploads.maxBytes)
    return { refused: 'too_large', owner, message: `文件过大(${formatFileSize(file.bytes.length)}),每个附件不能超过 ${formatFileSize(uploads.maxBytes)}。` };
  const detected = detectFileType(file.bytes);
  if (!detected.ok) return { refused: 'refused', owner, message: `「${file.name}」${detected.reason}` };
  const type = FILE_TYPES[detected.type];
  const image = type.image ? await processImage(file.bytes, detected.type) : undefined;
  if (image && 'refused' in image) return { refused: 'refused', owner, message: `「${file.name}」${image.refused}` };
  const name = cleanFileName(file.name, detected.type);
  // A picture is kept without its metadata (no GPS position, no camera serial): its hash is of those bytes.
  const bytes = image?.original ?? file.bytes;
  const hash = await uploads.blobs.put(bytes);
  const variants: Array<{ width: number; blob_hash: string; size: number }> = [];
  for (const variant of image?.variants ?? []) {
    variants.push({ width: variant.width, blob_hash: await uploads.blobs.put(variant.bytes), size: variant.bytes.length });
  }
  const id = await db.transaction().execute(async (trx) => {
    const attachmentId = await store.insertAttachment(
      trx,
      {
        owner_kind: target.ownerKind,
        owner_id: target.ownerId,
        blob_hash: hash,
        display_name: name,
        file_type: detected.type,
        size: bytes.length,
        width: image?.width ?? null,
        height: image?.height ?? null,
        sort_order: await store.nextSortOrder(trx, target.ownerKind, target.ownerId),
        uploaded_by: actor.userName,
        uploaded_at: now.toISOString(),
      },
      variants,
    );
    await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      {
        action: 'attachment.upload',
        targetType: target.ownerKind,
        targetId: target.ownerId,
        after: audited({ name, fileType: detected.type, size: bytes.length, hash }),
        channel: owner.channel,
      },
      now,
    );
    return attachmentId;
  });
  return { id, owner };
}

/** An attachment with its item, when the user may change it. */
async function attachmentForEditing(db: Db, user: ConsoleUser, id: number): Promise<{ attachment: Attachment; owner: AttachmentOwner } | undefined> {
  const attachment = await store.attachmentById(db, id);
  const owner = attachment && (await ownerForEditing(db, user, attachment.ownerKind, attachment.ownerId));
  return owner && attachment && { attachment, owner };
}

/**
 * Removes an attachment from an item of the user's channels; audited. Its blobs stay in the store
 * (the same bytes may be attached elsewhere, or be attached again while this runs). Returns the
 * item, or 'not_found'.
 */
export async function removeAttachment(db: Db, user: ConsoleUser, actor: Actor, id: number, now = new Date()): Promise<AttachmentOwner | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const found = await attachmentForEditing(trx, user, id);
    if (!found) return 'not_found';
    const { attachment, owner } = found;
    await store.deleteAttachment(trx, id);
    await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      { action: 'attachment.remove', targetType: attachment.ownerKind, targetId: attachment.ownerId, before: audited(attachment), channel: owner.channel },
      now,
    );
    return owner;
  });
}

/** Moves an attachment one place up or down its item's list; audited. Returns the item, or 'not_found'. */
export async function moveAttachment(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  direction: 'up' | 'down',
  now = new Date(),
): Promise<AttachmentOwner | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const found = await attachmentForEditing(trx, user, id);
    if (!found) return 'not_found';
    const { attachment, owner } = found;
    const list = await store.attachmentsOf(trx, attachment.ownerKind, attachment.ownerId);
    const at = list.findIndex((item) => item.id === id);
    const other = list[direction === 'up' ? at - 1 : at + 1];
    if (!other) return owner;
    // Renumbered 1…n in the new order, so that equal numbers (from a restore, say) cannot stall a move.
    const order = list.map((item) => item.id);
    [order[at], order[order.indexOf(other.id)]] = [other.id, id];
    for (const [index, itemId] of order.entries()) await store.setSortOrder(trx, itemId, index + 1);
    await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      {
        action: 'attachment.reorder',
        targetType: attachment.ownerKind,
        targetId: attachment.ownerId,
        before: { name: attachment.name, position: at + 1 },
        after: { name: attachment.name, position: order.indexOf(id) + 1 },
        channel: owner.channel,
      },
      now,
    );
    return owner;
  });
}

/** A file as it is served: its blob, type, size, name and whether browsers show it in place. */
export interface ServedFile {
  hash: string;
  contentType: string;
  size: number;
  name: string;
  inline: boolean;
}

const servedFile = (attachment: Attachment, hash: string): ServedFile | undefined => {
  if (attachment.hash === hash)
    return { hash, contentType: attachment.contentType, size: attachment.size, name: attachment.name, inline: FILE_TYPES[attachment.fileType].image };
  const variant = attachment.variants.find((candidate) => candidate.hash === hash);
  return variant && { hash, contentType: 'image/webp', size: variant.size, name: variantName(attachment.name, variant.width), inline: true };
};

/** The blob `hash` as readers may have it: only when attached to, or a web copy for, a public item. */
export async function publicFile(db: Db, hash: string): Promise<ServedFile | undefined> {
  for (const attachment of await store.attachmentsByBlob(db, hash)) {
    const owner = await findOwner(db, attachment.ownerKind, attachment.ownerId);
    if (owner?.isPublic) return servedFile(attachment, hash);
  }
  return undefined;
}

/** An attachment's file (or its web copy `width` wide) for a console user of its item's channel, drafts' included. */
export async function consoleFile(db: Db, user: ConsoleUser, id: number, width?: number): Promise<ServedFile | undefined> {
  const found = await attachmentForEditing(db, user, id);
  if (!found) return undefined;
  const { attachment } = found;
  const hash = width === undefined ? attachment.hash : attachment.variants.find((variant) => variant.width === width)?.hash;
  return hash === undefined ? undefined : servedFile(attachment, hash);
}

/** Every blob the attachments name (for backups). */
export function referencedBlobs(db: Db): Promise<string[]> {
  return store.referencedBlobs(db);
}
