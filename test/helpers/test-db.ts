// A fresh, migrated database per test on every engine: SQLite in a temp file and PGlite always,
// the PostgreSQL server too when ZHAOSHANG_TEST_PG_URL is set (STYLE.md convention 6).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { testEnvironment } from '../../src/config.ts';
import { openDb, openPostgres, type OpenDb } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export interface TestDialect {
  name: 'sqlite' | 'pglite' | 'postgres';
  /**
   * A new empty database with the schema applied, or with no schema at all (`{ migrate: false }`,
   * as an operator creates one); close() also deletes it.
   */
  open(options?: { migrate?: boolean }): Promise<TestDb>;
}

/** A test database; `another()` opens a second instance on it, as another server process would. */
export type TestDb = OpenDb & {
  sqlitePath?: string;
  /** Absent for PGlite: its database lives inside one process. The caller closes what it opens. */
  another?: () => Promise<OpenDb>;
};

/** Every engine the suite runs store tests on. */
export function testDialects(): TestDialect[] {
  const dialects: TestDialect[] = [
    { name: 'sqlite', open: openSqliteTestDb },
    { name: 'pglite', open: openPgliteTestDb },
  ];
  const url = testEnvironment.postgresUrl;
  if (url) dialects.push({ name: 'postgres', open: (options) => openPostgresTestDb(url, options) });
  return dialects;
}

/** Runs `test` on a fresh database of `dialect`, removed afterwards whatever happens. */
export async function withTestDb(dialect: TestDialect, test: (opened: OpenDb) => Promise<void>, options?: { migrate?: boolean }): Promise<void> {
  const opened = await dialect.open(options);
  try {
    await test(opened);
  } finally {
    await opened.close();
  }
}

/** A temp folder removed by the returned cleanup. */
export function tempDir(prefix = 'zhaoshang-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

async function migrated(opened: OpenDb, { migrate = true } = {}): Promise<OpenDb> {
  if (migrate) await migrateToLatest(opened.db, opened.dialect);
  return opened;
}

async function openSqliteTestDb(options?: { migrate?: boolean }): Promise<TestDb> {
  const dir = tempDir();
  const sqlitePath = join(dir.path, 'test.db');
  const opened = await migrated(await openDb({ engine: 'sqlite', path: sqlitePath }), options);
  return { ...opened, sqlitePath, another: () => openDb({ engine: 'sqlite', path: sqlitePath }), close: async () => (await opened.close(), dir.remove()) };
}

async function openPgliteTestDb(options?: { migrate?: boolean }) {
  return migrated(await openDb({ engine: 'pglite', path: undefined }), options);
}

async function openPostgresTestDb(url: string, options?: { migrate?: boolean }): Promise<TestDb> {
  // Each test gets its own schema, so tests never see each other's rows.
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const dropSchema = async () => {
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`drop schema ${schema} cascade`);
    await cleanup.end();
  };
  const connect = () => openPostgres({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  const connected = connect();
  try {
    await migrated(connected, options);
  } catch (error) {
    // Not even a failed start may leave its schema behind on the shared server.
    await connected.close();
    await dropSchema();
    throw error;
  }
  return { ...connected, another: async () => connect(), close: async () => (await connected.close(), await dropSchema()) };
}
