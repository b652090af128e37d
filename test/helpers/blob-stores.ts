// Blob stores for tests: a folder in a temporary directory, and a bucket on a real S3 server
// (s3rver, in this process). When s3rver cannot start, the S3 tests are skipped loudly, except
// under CI, where that fails the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { testEnvironment } from '../../src/config.ts';
import type { BlobStore } from '../../src/uploads/blob-store.ts';
import { localBlobStore } from '../../src/uploads/local-blob-store.ts';
import { openBlobStore } from '../../src/uploads/open-blob-store.ts';
import { s3BlobStore } from '../../src/uploads/s3-blob-store.ts';

/** A store for one test, and how to remove it and everything in it. */
export interface TestBlobStore {
  store: BlobStore;
  /** The folder of a local store (to check files and modes). */
  dir?: string;
  close(): Promise<void>;
}

/** A fresh local store in a temporary folder. */
export function openLocalTestStore(): TestBlobStore {
  const dir = mkdtempSync(join(tmpdir(), 'zs-blobs-'));
  return { store: localBlobStore(join(dir, 'uploads')), dir: join(dir, 'uploads'), close: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh bucket on an s3rver of its own, or the reason none could start (outside CI only).
 * `configured`: the store as the server opens it from the configuration, its module loaded on first use.
 */
export async function openS3TestStore(configured = false): Promise<TestBlobStore | { skipped: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'zs-s3-'));
  const bucket = 'zhaoshang-test';
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
  let port: number;
  try {
    ({ port } = await server.run());
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    if (testEnvironment.ci) throw error;
    const reason = `S3 store tests SKIPPED: s3rver could not start (${error instanceof Error ? error.message : String(error)})`;
    console.warn(reason);
    return { skipped: reason };
  }
  const settings = {
    kind: 's3' as const,
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    prefix: 'uploads/',
  };
  const store = configured ? (openBlobStore(settings) as BlobStore & { close(): void }) : s3BlobStore(settings);
  return {
    store,
    close: async () => {
      store.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every store kind the store suite runs on. */
export const TEST_STORE_KINDS = [
  { name: 'local', open: async () => openLocalTestStore() },
  { name: 's3', open: () => openS3TestStore() },
  { name: 's3, opened from the configuration', open: () => openS3TestStore(true) },
] as const;
