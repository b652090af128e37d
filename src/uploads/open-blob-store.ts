// The blob store the configuration names (UPLOAD_DIR, or UPLOAD_S3_BUCKET and its settings).
import type { UploadStoreSettings } from '../config.ts';
import type { BlobStore } from './blob-store.ts';
import { localBlobStore } from './local-blob-store.ts';
import type { S3StoreSettings } from './s3-blob-store.ts';

/** Opens the store `settings` describe; nothing is contacted until the first use. */
export function openBlobStore(settings: UploadStoreSettings): BlobStore {
  return settings.kind === 'local' ? localBlobStore(settings.dir) : s3OnFirstUse(settings);
}

/**
 * The S3 store, its module loaded on the first use: the AWS SDK, imported alone, takes 0.26 s and
 * adds 37 MB resident, which every worker paid at start, though most installations keep files on disk.
 */
function s3OnFirstUse(settings: S3StoreSettings): BlobStore & { close(): void } {
  let store: Promise<BlobStore & { close(): void }> | undefined;
  const opened = () => (store ??= import('./s3-blob-store.ts').then(({ s3BlobStore }) => s3BlobStore(settings)));
  return {
    kind: 's3',
    put: async (bytes) => (await opened()).put(bytes),
    get: async (hash, range) => (await opened()).get(hash, range),
    has: async (hash) => (await opened()).has(hash),
    storedAt: async (hash) => (await opened()).storedAt(hash),
    delete: async (hash) => (await opened()).delete(hash),
    async *list() {
      yield* (await opened()).list();
    },
    close: () => void store?.then((client) => client.close()),
  };
}
