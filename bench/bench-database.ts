// The database a benchmark runs on: SQLite or the PostgreSQL server, kept when named on the
// command line (--db PATH, --database-url URL) so a later run reuses it, else a temporary one.
import { join } from 'node:path';
import { parseDatabaseTarget, testEnvironment, type DatabaseTarget } from '../src/config.ts';
import type { OpenDb } from '../src/db/connect.ts';
import { compactSearchIndexes } from '../src/search/index-compaction.ts';
import { writingFor } from '../test/helpers/seed.ts';
import { createPostgresSchema } from '../test/helpers/server-db.ts';
import { tempDir } from '../test/helpers/test-db.ts';

/** Where a benchmark's articles live, and how to delete them when it was a temporary database. */
export interface BenchDatabase {
  target: DatabaseTarget;
  /** The value a server process takes as DATABASE_URL. */
  url: string;
  remove(): Promise<void>;
}

/** The benchmark database the options name; `engine` is `sqlite` (default) or `postgres`. */
export async function benchDatabase(options: {
  engine: string;
  db?: string | undefined;
  databaseUrl?: string | undefined;
  tempPrefix: string;
}): Promise<BenchDatabase> {
  if (options.engine === 'sqlite') {
    if (options.databaseUrl) throw new Error('--database-url is for --engine postgres; SQLite takes --db PATH');
    if (options.db) return kept(options.db);
    const dir = tempDir(options.tempPrefix);
    const url = join(dir.path, 'bench.db');
    return { target: parseDatabaseTarget(url), url, remove: async () => dir.remove() };
  }
  if (options.engine !== 'postgres') throw new Error(`--engine must be sqlite or postgres, got "${options.engine}"`);
  if (options.db) throw new Error('--db is for SQLite; PostgreSQL takes --database-url URL');
  if (options.databaseUrl) return kept(options.databaseUrl);
  const server = testEnvironment.postgresUrl;
  if (!server) throw new Error('--engine postgres needs --database-url URL (or ZHAOSHANG_TEST_PG_URL for a temporary schema)');
  return temporarySchema(server);
}

function kept(url: string): BenchDatabase {
  return { target: parseDatabaseTarget(url), url, remove: async () => undefined };
}

async function temporarySchema(server: string): Promise<BenchDatabase> {
  const { url, remove } = await createPostgresSchema(server, 'bench');
  return { target: parseDatabaseTarget(url), url, remove };
}

/**
 * What the server's background passes would otherwise do during the measurement, done first: the
 * related-article lists an import leaves pending (as `zhaoshang reindex` computes them), then the
 * full-text indexes merged (search/index-compaction.ts). Nothing to do on a database done before.
 */
export async function settleBackgroundWork(opened: OpenDb): Promise<void> {
  let started = performance.now();
  const lists = await writingFor(opened).searchIndex.completeRelated(opened.db);
  if (lists > 0) process.stderr.write(`computed ${lists} related-article lists in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  started = performance.now();
  const steps = await compactSearchIndexes(opened.db, opened.dialect, opened.contentVersion);
  if (steps > 0) process.stderr.write(`merged the search indexes in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
