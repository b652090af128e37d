// Blobs in a bucket of an S3-compatible server (MinIO, Ceph, a cloud's object storage), keyed
// `<prefix>ab/cd/abcd…` like the local store's paths. An object appears whole or not at all, so
// no temporary name is needed.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { UploadStoreSettings } from '../config.ts';
import { blobHashOf, isBlobHash, type BlobHash, type BlobStore } from './blob-store.ts';

/** The S3 settings of config.ts. */
export type S3StoreSettings = Extract<UploadStoreSettings, { kind: 's3' }>;

const missing = (error: unknown) =>
  error instanceof NoSuchKey || error instanceof NotFound || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** Blobs in the bucket the settings name. */
export function s3BlobStore(settings: S3StoreSettings): BlobStore & { close(): void } {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint !== undefined && { endpoint: settings.endpoint, forcePathStyle: true }),
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Checksums only where the protocol needs them: not every S3-compatible server knows the newer ones.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = settings.bucket;
  const keyOf = (hash: BlobHash) => {
    if (!isBlobHash(hash)) throw new Error(`not a blob hash: ${hash}`);
    return `${settings.prefix}${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;
  };
  const has = async (hash: BlobHash) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(hash) }));
      return true;
    } catch (error) {
      if (missing(error)) return false;
      throw error;
    }
  };
  return {
    kind: 's3',
    async put(bytes) {
      const hash = blobHashOf(bytes);
      if (await has(hash)) return hash;
      await client.send(new PutObjectCommand({ Bucket, Key: keyOf(hash), Body: bytes, ContentType: 'application/octet-stream' }));
      return hash;
    },
    async get(hash, range) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(hash), ...(range && { Range: `bytes=${range.start}-${range.end}` }) }));
        return answer.Body as Readable;
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    has,
    async delete(hash) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(hash) }));
    },
    async *list() {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: settings.prefix, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          const name = object.Key?.slice(object.Key.lastIndexOf('/') + 1) ?? '';
          if (isBlobHash(name)) yield name;
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    close: () => client.destroy(),
  };
}
