// Where uploaded files' bytes live, by the SHA-256 of their content: the same bytes uploaded twice
// are kept once, and a name can never point at other bytes than it was made from.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** A blob's name: the lower-case hex SHA-256 of its bytes. */
export type BlobHash = string;

const HASH = /^[0-9a-f]{64}$/u;

/** True when `text` has the shape of a blob's name (so it is safe in a path or a key). */
export function isBlobHash(text: string): text is BlobHash {
  return HASH.test(text);
}

/** The SHA-256 of `bytes` in lower-case hex. */
export function blobHashOf(bytes: Uint8Array): BlobHash {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes `start` to `end` inclusive, as an HTTP Range names them. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A content-addressed store of files: a folder on this machine or an S3-compatible bucket. */
export interface BlobStore {
  /** `local` or `s3`, for logs and the operator. */
  readonly kind: string;
  /** Keeps `bytes` under their hash, which it returns; keeping the same bytes again changes nothing. */
  put(bytes: Uint8Array): Promise<BlobHash>;
  /** The blob's bytes (or a range of them) as a stream, or undefined when the store has no such blob. */
  get(hash: BlobHash, range?: ByteRange): Promise<Readable | undefined>;
  /** Whether the store holds the blob. */
  has(hash: BlobHash): Promise<boolean>;
  /** Removes the blob; removing one that is not there is no error. */
  delete(hash: BlobHash): Promise<void>;
  /** Every blob's hash, in no particular order. */
  list(): AsyncIterable<BlobHash>;
}

/** The whole of a blob in memory, or undefined; for the backup and for tests. */
export async function readBlob(store: BlobStore, hash: BlobHash): Promise<Buffer | undefined> {
  const stream = await store.get(hash);
  if (!stream) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
