// Deletes the blobs no attachment names any more (removed attachments, deleted articles, replaced
// files). An upload writes its blobs before the row that names them commits, so a blob with no row
// may be one in flight: only blobs last put more than a grace period ago (24 h, by the store's own
// clock: a file's mtime, an object's LastModified) are candidates, and putting the same bytes again
// makes their time now. Each candidate is checked again, time and rows, just before it goes. While
// a backup reads blobs from its snapshot (whose rows may name blobs removed since), nothing goes.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { deleteSiteMetaValue, setSiteMetaValue, siteMetaValue } from '../db/site-state.store.ts';
import * as store from './attachment.store.ts';
import type { BlobStore } from './blob-store.ts';

/** How long a blob no row names is kept after it was last put: longer than any upload or restore takes. */
export const SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

/** The site_meta key a running backup holds ("<ISO time> <token>"); absent when none runs. */
export const BACKUP_RUNNING_KEY = 'uploads.backup_running_since';

/** What a sweep did: blobs deleted and kept, or that it did nothing because a backup is running. */
export type SweepReport = { deleted: number; kept: number } | { skipped: 'backup_running' };

/** Whether a backup said it is running, less than the grace period ago (a crashed one stops counting then). */
async function backupRunning(db: Db, now: Date, graceMs: number): Promise<boolean> {
  const since = Date.parse((await siteMetaValue(db, BACKUP_RUNNING_KEY))?.split(' ')[0] ?? '');
  return Number.isFinite(since) && now.getTime() - since < graceMs;
}

/** Deletes the blobs no attachment or web copy names that were last put more than `graceMs` before `now`. */
export async function sweepUnattachedBlobs(db: Db, blobs: BlobStore, now = new Date(), graceMs = SWEEP_GRACE_MS): Promise<SweepReport> {
  if (await backupRunning(db, now, graceMs)) return { skipped: 'backup_running' };
  const cutoff = now.getTime() - graceMs;
  // Listed before the rows are read: a blob put after this is either named by then or newer on the re-check.
  const old: string[] = [];
  let kept = 0;
  for await (const blob of blobs.list()) {
    if (blob.storedAt.getTime() < cutoff) old.push(blob.hash);
    else kept += 1;
  }
  const named = new Set(await store.referencedBlobs(db));
  let deleted = 0;
  for (const hash of old) {
    if (named.has(hash)) {
      kept += 1;
      continue;
    }
    const storedAt = await blobs.storedAt(hash);
    if (storedAt === undefined) continue;
    if (storedAt.getTime() >= cutoff || (await store.attachmentsByBlob(db, hash)).length > 0 || (await backupRunning(db, now, graceMs))) {
      kept += 1;
      continue;
    }
    await blobs.delete(hash);
    deleted += 1;
  }
  return { deleted, kept };
}

/** Runs `backup` with the sweep held off: no blob is deleted while it reads them. */
export async function holdingBlobs<T>(db: Db, backup: () => Promise<T>, now = new Date()): Promise<T> {
  const mark = `${now.toISOString()} ${randomUUID()}`;
  await setSiteMetaValue(db, BACKUP_RUNNING_KEY, mark);
  try {
    return await backup();
  } finally {
    // Another backup that began meanwhile holds the mark now: it clears its own.
    if ((await siteMetaValue(db, BACKUP_RUNNING_KEY)) === mark) await deleteSiteMetaValue(db, BACKUP_RUNNING_KEY);
  }
}
