// The blob store the configuration names (UPLOAD_DIR, or UPLOAD_S3_BUCKET and its settings).
import type { UploadStoreSettings } from '../config.ts';
import type { BlobStore } from './blob-store.ts';
import { localBlobStore } from './local-blob-store.ts';
import { s3BlobStore } from './s3-blob-store.ts';

/** Opens the store `settings` describe; nothing is contacted until the first use. */
export function openBlobStore(settings: UploadStoreSettings): BlobStore {
  return settings.kind === 'local' ? localBlobStore(settings.dir) : s3BlobStore(settings);
}
