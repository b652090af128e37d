// Blobs in a folder of this machine (UPLOAD_DIR): `ab/cd/abcd…` by hash, so no folder grows past
// 65,536 entries. Each is written to a temporary file, flushed, then renamed into place: a crash
// never leaves half a file under a hash. Files are 0644 and nothing here is ever executable.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, opendir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { blobHashOf, isBlobHash, type BlobHash, type BlobStore, type ByteRange } from './blob-store.ts';

// Beside the blobs, so that the rename stays on one file system.
const TEMPORARY = '.incoming';

/** Blobs under `dir`, created when first written to. */
export function localBlobStore(dir: string): BlobStore {
  const pathOf = (hash: BlobHash) => {
    if (!isBlobHash(hash)) throw new Error(`not a blob hash: ${hash}`);
    return join(dir, hash.slice(0, 2), hash.slice(2, 4), hash);
  };
  const exists = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() === true;
  return {
    kind: 'local',
    async put(bytes) {
      const hash = blobHashOf(bytes);
      const path = pathOf(hash);
      if (await exists(path)) return hash;
      await mkdir(join(dir, TEMPORARY), { recursive: true });
      await mkdir(join(dir, hash.slice(0, 2), hash.slice(2, 4)), { recursive: true });
      const partial = join(dir, TEMPORARY, `${hash}.${randomUUID()}`);
      try {
        await writeFile(partial, bytes, { mode: 0o644, flush: true });
        // The mode given at creation is reduced by the umask; the blob's is set whatever it was.
        await chmod(partial, 0o644);
        await rename(partial, path);
      } finally {
        await rm(partial, { force: true });
      }
      return hash;
    },
    async get(hash, range?: ByteRange) {
      const path = pathOf(hash);
      if (!(await exists(path))) return undefined;
      return createReadStream(path, range) as Readable;
    },
    has: async (hash) => exists(pathOf(hash)),
    async delete(hash) {
      await rm(pathOf(hash), { force: true });
    },
    async *list() {
      const entries = async (path: string) => (await readdir(path).catch(() => [] as string[])).filter((name) => /^[0-9a-f]{2}$/u.test(name)).sort();
      for (const first of await entries(dir))
        for (const second of await entries(join(dir, first))) {
          for await (const entry of await opendir(join(dir, first, second))) if (entry.isFile() && isBlobHash(entry.name)) yield entry.name;
        }
    },
  };
}
