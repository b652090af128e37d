// Databases for a server started as a process (DATABASE_URL): an SQLite file, or a schema of its
// own on the PostgreSQL server. The test opens the same database directly to check what was stored.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { testEnvironment } from '../../src/config.ts';
import { openDb, type OpenDb } from '../../src/db/connect.ts';
import { tempDir } from './test-db.ts';

/** A database a server process can be pointed at. */
export interface ServerDatabase {
  /** The value for the server's DATABASE_URL. */
  url: string;
  /** Opens it directly, as the server does (not migrated: the server migrates at start). */
  open(): Promise<OpenDb>;
  /** Deletes it. */
  remove(): Promise<void>;
}

/** An engine for process tests; `skip` says why it cannot run here. */
export interface ServerEngine {
  name: 'sqlite' | 'postgres';
  skip: string | false;
  create(): Promise<ServerDatabase>;
}

/**
 * SQLite always; the PostgreSQL server when ZHAOSHANG_TEST_PG_URL is set. Without it the
 * PostgreSQL half is skipped with a notice, except under CI=true, where it must run.
 */
export function serverEngines(): ServerEngine[] {
  const url = testEnvironment.postgresUrl;
  if (!url) {
    const message = 'ZHAOSHANG_TEST_PG_URL is not set, so the PostgreSQL server half of the process tests is skipped';
    if (testEnvironment.ci) throw new Error(`${message}; CI=true requires it to run.`);
    process.stderr.write(`\n!!!!!!!! ${message} !!!!!!!!\n\n`);
  }
  return [
    { name: 'sqlite', skip: false, create: createSqlite },
    { name: 'postgres', skip: url ? false : 'ZHAOSHANG_TEST_PG_URL is not set', create: () => createPostgresSchema(url!) },
  ];
}

async function createSqlite(): Promise<ServerDatabase> {
  const dir = tempDir();
  const path = join(dir.path, 'portal.db');
  return { url: path, open: () => openDb({ engine: 'sqlite', path }), remove: async () => dir.remove() };
}

/** A schema of its own on the PostgreSQL server at `url` (named `<prefix>_<random>`), dropped by remove(). */
export async function createPostgresSchema(url: string, prefix = 'test'): Promise<ServerDatabase> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  // Every connection of the server's pool starts with the schema as its search path.
  const withSchema = new URL(url);
  withSchema.search = `options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url: withSchema.toString(),
    open: () => openDb({ engine: 'postgres', url: withSchema.toString() }),
    remove: () => adminQuery(url, `drop schema ${schema} cascade`),
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
