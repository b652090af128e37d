// `zhaoshang export --format ndjson [--output FILE]`: every published article, for another portal
// or a later import (standard output by default).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { openDb } from '../db/connect.ts';
import { progressBar } from '../lib/progress.ts';
import { exportNdjson } from './ndjson-export.ts';

export const EXPORT_USAGE = 'Usage: zhaoshang export --format ndjson [--output FILE]\n';

/** Runs the export; returns the process exit code. */
export async function runExportCommand(
  config: Config,
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  errors: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  let values: { format?: string; output?: string };
  try {
    ({ values } = parseArgs({ args, options: { format: { type: 'string' }, output: { type: 'string' } } }));
  } catch (error) {
    errors.write(`zhaoshang export: ${(error as Error).message}\n${EXPORT_USAGE}`);
    return 2;
  }
  if (values.format !== 'ndjson') {
    errors.write(`zhaoshang export: ${values.format === undefined ? '--format is required' : `unknown format "${values.format}"`}\n${EXPORT_USAGE}`);
    return 2;
  }
  // Not migrated: an export never changes the database it reads.
  const opened = await openDb(config.database);
  try {
    const target = values.output === undefined ? { stream: out } : { path: resolve(values.output) };
    const count = await exportNdjson(opened.db, target, (total) => progressBar('exporting', total));
    if ('path' in target) errors.write(`exported ${count} articles to ${target.path}\n`);
    return 0;
  } finally {
    await opened.close();
  }
}
