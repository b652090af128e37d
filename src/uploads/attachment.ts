// Attachments as the rest of the site sees them: the domain type, its addresses, the cleaning of
// uploaders' file names, and the size as readers read it.
import type { AttachmentRow, AttachmentVariantTable } from './attachment.table.ts';
import { FILE_TYPES, type FileType } from './file-type.ts';

/** What an owner kind tells the uploads about one of its items (each owner's service answers it). */
export interface AttachmentOwner {
  title: string;
  /** Editors of this channel (and admins) may attach to it and remove from it. */
  channel: string;
  /** Whether readers may see it, and so its files (a draft article's are console-only). */
  isPublic: boolean;
  /** The item's public page and its console editor. */
  publicPath: string;
  editorPath: string;
}

/** A web copy of an attached image: WebP, `width` pixels wide. */
export interface AttachmentVariant {
  width: number;
  hash: string;
  size: number;
}

/** A file attached to an item. */
export interface Attachment {
  id: number;
  ownerKind: string;
  ownerId: number;
  hash: string;
  /** The uploader's file name, cleaned, with the extension of what the bytes are. */
  name: string;
  fileType: FileType;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  sortOrder: number;
  uploadedBy: string;
  uploadedAt: string;
  /** Web copies of an image, narrowest first; none for documents. */
  variants: AttachmentVariant[];
}

/** The row and its variants as an Attachment. */
export function rowToAttachment(row: AttachmentRow, variants: readonly AttachmentVariantTable[]): Attachment {
  const fileType = row.file_type as FileType;
  return {
    id: Number(row.id),
    ownerKind: row.owner_kind,
    ownerId: Number(row.owner_id),
    hash: row.blob_hash,
    name: row.display_name,
    fileType,
    contentType: FILE_TYPES[fileType].mime,
    size: Number(row.size),
    width: row.width === null ? null : Number(row.width),
    height: row.height === null ? null : Number(row.height),
    sortOrder: Number(row.sort_order),
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
    variants: variants
      .map((variant) => ({ width: Number(variant.width), hash: variant.blob_hash, size: Number(variant.size) }))
      .sort((a, b) => a.width - b.width),
  };
}

/** True for pictures, which pages show and browsers open in place; documents are downloaded. */
export const isImage = (attachment: Pick<Attachment, 'fileType'>) => FILE_TYPES[attachment.fileType].image;

/** The public address of the file as uploaded. */
export function fileUrl(attachment: Pick<Attachment, 'hash' | 'name'>): string {
  return `/files/${attachment.hash}/${encodeURIComponent(attachment.name)}`;
}

/** The name of a web copy: the file's name with its width, as WebP. */
export function variantName(name: string, width: number): string {
  return `${name.replace(/\.[^.]+$/u, '')}-${width}.webp`;
}

/** The public address of a web copy. */
export function variantUrl(attachment: Pick<Attachment, 'name'>, variant: AttachmentVariant): string {
  return `/files/${variant.hash}/${encodeURIComponent(variantName(attachment.name, variant.width))}`;
}

/** The longest file name kept, in characters, extension included. */
export const NAME_MAX = 100;

/**
 * The uploader's file name made safe to show and to send in Content-Disposition: no folders, no
 * control or direction-changing characters, none of the characters Windows forbids, at most
 * NAME_MAX characters, and the extension of what the file is (a `报告.pdf.exe` that is a PDF is
 * kept as `报告.pdf.pdf`, never as an .exe).
 */
export function cleanFileName(uploaded: string, type: FileType): string {
  const base = uploaded.split(/[/\\]/u).at(-1) ?? '';
  const stem = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"|?*]/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/\.(?:pdf|docx?|xlsx?|pptx?|png|jpe?g|webp|gif)$/iu, '')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  const extension = `.${FILE_TYPES[type].extension}`;
  const kept = Array.from(stem)
    .slice(0, NAME_MAX - extension.length)
    .join('')
    .trim();
  return `${kept === '' ? '附件' : kept}${extension}`;
}

/** A size as readers read it: 812 B, 35 KB, 1.2 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What the audit log keeps of an attachment added or removed. */
export const auditedAttachment = (attachment: Pick<Attachment, 'name' | 'fileType' | 'size' | 'hash'>) => ({
  name: attachment.name,
  fileType: attachment.fileType,
  size: attachment.size,
  hash: attachment.hash,
});
