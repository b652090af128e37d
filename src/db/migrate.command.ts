// `zhaoshang migrate`: brings the database up to this version before any instance of it serves,
// as deploy/systemd/zhaoshang-migrate.service runs it ahead of the instances.
import type { Config } from '../config.ts';
import { prepareDatabase } from '../prepare.ts';
import { openDb } from './connect.ts';

/** Applies the pending migrations and rebuilds the search index if the dictionary changed; returns the exit code. */
export async function runMigrateCommand(config: Config, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const opened = await openDb(config.database);
  try {
    const { migrations, reindexed } = await prepareDatabase(opened);
    if (migrations.length > 0) out.write(`applied ${migrations.length} migrations: ${migrations.join(', ')}\n`);
    if (reindexed) out.write('rebuilt the search index for the current dictionary\n');
    if (migrations.length === 0 && !reindexed) out.write('the database is up to date\n');
    return 0;
  } finally {
    await opened.close();
  }
}
