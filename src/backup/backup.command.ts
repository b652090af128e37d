// `zhaoshang backup FILE` and `zhaoshang restore FILE`: the database named by DATABASE_URL and the
// file store named by UPLOAD_DIR or UPLOAD_S3_*.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { openDb } from '../db/connect.ts';
import { progressBar } from '../lib/progress.ts';
import { articleWriting } from '../prepare.ts';
import { openBlobStore } from '../uploads/open-blob-store.ts';
import { BackupRefused } from './backup-file.ts';
import { backupDatabase, restoreDatabase, type ProgressFor } from './backup.service.ts';

const showProgress: ProgressFor = (task, total) => progressBar(task, total);

/** Backs up the serving database to FILE; returns the process exit code. */
export async function runBackupCommand(
  config: Config,
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  errors: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) {
    errors.write('Usage: zhaoshang backup FILE [--force]   (e.g. zhaoshang backup zhaoshang-2026-11-29.jsonl.gz)\n');
    return 2;
  }
  const path = resolve(positionals[0]!);
  // Not migrated: a backup never changes the database it reads.
  const opened = await openDb(config.database);
  try {
    const started = performance.now();
    const counts = await backupDatabase(opened, path, { overwrite: values.force, progress: showProgress, blobs: openBlobStore(config.uploads.store) });
    out.write(`backed up ${summary(counts)} to ${path} (${megabytes(statSync(path).size)}) in ${seconds(started)}\n`);
    return 0;
  } catch (error) {
    return refused(error, 'backup', errors);
  } finally {
    await opened.close();
  }
}

/** Restores FILE into the empty database named by DATABASE_URL; returns the process exit code. */
export async function runRestoreCommand(
  config: Config,
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  errors: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    errors.write('Usage: zhaoshang restore FILE   (into the empty database named by DATABASE_URL)\n');
    return 2;
  }
  const path = resolve(positionals[0]!);
  // Before opening the target, which would create an SQLite file for a mistyped backup name.
  if (!existsSync(path)) {
    errors.write(`zhaoshang restore: ${path}: no such file\n`);
    return 1;
  }
  const opened = await openDb(config.database);
  try {
    const started = performance.now();
    const report = await restoreDatabase(opened, path, articleWriting(opened).searchIndex, showProgress, openBlobStore(config.uploads.store));
    out.write(
      `restored ${summary(report.rows)} and ${report.blobs} files from ${path} and indexed ${report.indexedArticles} articles in ${seconds(started)}\n`,
    );
    return 0;
  } catch (error) {
    return refused(error, 'restore', errors);
  } finally {
    await opened.close();
  }
}

/** A refusal the operator can act on is told plainly (exit code 1); anything else is thrown on. */
function refused(error: unknown, command: string, errors: NodeJS.WritableStream): number {
  if (!(error instanceof BackupRefused)) throw error;
  errors.write(`zhaoshang ${command}: ${error.message}\n`);
  return 1;
}

function summary(counts: Record<string, number>): string {
  const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return `${rows} rows of ${Object.keys(counts).length} tables (${counts.article ?? 0} articles)`;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
