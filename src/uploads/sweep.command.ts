// `zhaoshang sweep-files`: runs the sweep of stored files once (the server runs it every hour),
// on the database named by DATABASE_URL and the store named by UPLOAD_DIR or UPLOAD_S3_*.
import type { Config } from '../config.ts';
import { openMigratedDb } from '../prepare.ts';
import { sweepUnattachedBlobs } from './blob-sweep.ts';
import { openBlobStore } from './open-blob-store.ts';

/** Runs the sweep once; returns the process exit code. */
export async function runSweepFilesCommand(
  config: Config,
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  errors: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  if (args.length > 0) {
    errors.write('Usage: zhaoshang sweep-files   (takes no arguments)\n');
    return 2;
  }
  const opened = await openMigratedDb(config);
  const blobs = openBlobStore(config.uploads.store);
  try {
    const report = await sweepUnattachedBlobs(opened.db, blobs);
    if ('skipped' in report) {
      errors.write('a backup is running: no file was deleted; try again when it is done\n');
      return 1;
    }
    out.write(`deleted ${report.deleted} files no attachment names (last put more than 24 h ago); kept ${report.kept}\n`);
    return 0;
  } finally {
    await opened.close();
  }
}
