// Opens the database named by the configuration and returns a typed Kysely instance.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.ts';
import type { Db } from './database.ts';
import { ContentVersionMirror } from './content-version-mirror.ts';
import { listenOnPglite, listenOnServer, type ContentVersionListener } from './content-version-listener.ts';
import { postgresDialect, sqliteDialect, type SqlDialect } from './dialect.ts';
import { currentContentVersion } from './site-state.store.ts';
import { pgliteModules } from './pglite-modules.ts';
import { pglitePool } from './pglite-pool.ts';
import { SharingSqliteDialect, type LockWaitStats } from './sqlite-driver.ts';
import { LongTextAsBytes } from './sqlite-long-text.ts';
import { registerPolicyWordFunctions } from './policy-words-fts5.ts';

/** What this process's connections to the database are doing, as far as its engine tells. */
export type DatabaseLoad =
  | { engine: 'postgres'; connections: number; idle: number; waiting: number }
  | { engine: 'sqlite'; lockWaits: LockWaitStats }
  // PGlite runs inside the process, one session, nothing to wait for but its own queue.
  | { engine: 'pglite' };

/** An open database: the query builder, its engine's SQL fragments, and how to close it. */
export interface OpenDb {
  db: Db;
  dialect: SqlDialect;
  /** The content version (see site-state.store.ts), read on every page request. */
  contentVersion(): Promise<number>;
  /** The connections' load now, for the metrics. */
  load(): DatabaseLoad;
  close(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Opens (creating if needed) the database; does not migrate. */
export async function openDb(target: DatabaseTarget): Promise<OpenDb> {
  switch (target.engine) {
    case 'sqlite':
      return openSqlite(target.path);
    case 'postgres':
      return openPostgres({ connectionString: target.url, max: 10 });
    case 'pglite':
      return openPglite(target.path);
  }
}

function openSqlite(path: string): OpenDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  // WAL lets the server's workers read while an import writes. A second writer (a CLI import while
  // the server runs) waits for the lock in our driver, not in SQLite: see sqlite-driver.ts.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  registerPolicyWordFunctions(database);
  const lockWaits: LockWaitStats = { waits: 0, waitedSeconds: 0, timeouts: 0 };
  const db = new Kysely({ dialect: new SharingSqliteDialect(database, { lockWaits }), plugins: [new LongTextAsBytes()] }) as Db;
  // Read on every request, so it skips the query builder: a prepared statement costs about 1 µs,
  // the same query through Kysely about 13 µs (bench:pages shows the difference in requests/s).
  // Prepared lazily: the table exists only once migrations have run.
  let versionStatement: SQLite.Statement<[], number> | undefined;
  const contentVersion = async () => {
    versionStatement ??= database.prepare<[], number>('select version from content_version where id = 1').pluck();
    return Number(versionStatement.get());
  };
  // better-sqlite3 runs with defensive mode on, which keeps SQL from writing FTS5's internal tables;
  // only the search index switch needs it off, inside its own transaction (search-fts5.ts).
  const withShadowTablesWritable = async <T>(work: () => Promise<T>): Promise<T> => {
    database.unsafeMode(true);
    try {
      return await work();
    } finally {
      database.unsafeMode(false);
    }
  };
  // A deferred transaction takes no lock; from its first read to its end it sees the database as
  // of that read (WAL snapshot isolation), while other processes go on committing. Begun by hand:
  // Kysely's transactions here begin IMMEDIATE (sqlite-driver.ts), which would hold every writer
  // of the site off for as long as a backup reads.
  const readSnapshot = async <T>(snapshotDb: Db, work: (snapshot: Db) => Promise<T>): Promise<T> => {
    database.exec('begin deferred');
    try {
      database.prepare('select count(*) from sqlite_master').get();
      return await work(snapshotDb);
    } finally {
      database.exec('rollback');
    }
  };
  return {
    db,
    dialect: sqliteDialect(withShadowTablesWritable, readSnapshot),
    contentVersion,
    load: () => ({ engine: 'sqlite', lockWaits: { ...lockWaits } }),
    close: () => db.destroy(),
  };
}

/** Counts and sums come back from PostgreSQL as strings; we want numbers like SQLite gives. */
function postgresTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID || oid === NUMERIC_OID ? Number : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** Connects to a PostgreSQL server (tests pass options that pick a schema per run). */
export function openPostgres(poolConfig: pg.PoolConfig): OpenDb {
  const pool = new pg.Pool({ ...poolConfig, types: postgresTypes() });
  // A connection the server ends while it idles in the pool (a restart, a failover) is reported
  // here with no query waiting on it; the pool has already discarded it and the next query opens
  // a new one. Unheard, the error would end the process.
  pool.on('error', () => undefined);
  const listenerConfig = { ...poolConfig, types: postgresTypes(), application_name: `${poolConfig.application_name ?? 'zhaoshang'} content version listener` };
  const load = (): DatabaseLoad => ({ engine: 'postgres', connections: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  return openListened(new Kysely({ dialect: new PostgresDialect({ pool }) }) as Db, load, (mirror) => listenOnServer(listenerConfig, mirror));
}

async function openPglite(path: string | undefined): Promise<OpenDb> {
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite(path, { ...(await pgliteModules()), parsers: { [INT8_OID]: Number, [NUMERIC_OID]: Number } });
  const db = new Kysely({ dialect: new PostgresDialect({ pool: pglitePool(client) }) }) as Db;
  return openListened(
    db,
    () => ({ engine: 'pglite' }),
    (mirror) => listenOnPglite(client, db, mirror),
  );
}

/**
 * A PostgreSQL database whose content version is mirrored in memory from notifications instead of
 * read on every page request (a round trip to the server). Listening starts at the first
 * contentVersion() call, once the schema has been migrated, so commands that serve no pages never
 * open the listening connection.
 */
function openListened(
  base: Db,
  load: () => DatabaseLoad,
  listen: (mirror: ContentVersionMirror) => ContentVersionListener | Promise<ContentVersionListener>,
): OpenDb {
  const mirror = new ContentVersionMirror(() => currentContentVersion(base));
  let listener: Promise<ContentVersionListener | undefined> | undefined;
  const contentVersion = () => {
    // A listener that fails to start leaves the mirror reading, as before listening.
    listener ??= Promise.resolve(listen(mirror)).catch(() => undefined);
    return mirror.current();
  };
  const close = async () => {
    await (await listener)?.stop();
    await base.destroy();
  };
  return { db: base.withPlugin(mirror.ownBumps), dialect: postgresDialect, contentVersion, load, close };
}
