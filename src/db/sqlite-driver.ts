// Kysely's SQLite driver, changed so that processes sharing one database file (the server's
// workers, a CLI import) take turns writing without ever blocking an event loop.
//
// better-sqlite3 is synchronous: with SQLite's own busy timeout, a writer waiting for another
// process's lock sleeps inside SQLite and stalls every request of its worker. So the busy timeout
// is 0 and a writer that finds the lock taken waits here, on a timer, with the connection free for
// this process's reads meanwhile. Transactions begin IMMEDIATE: a deferred one that reads and then
// writes fails with SQLITE_BUSY_SNAPSHOT in WAL mode if another process wrote in between, and no
// waiting can save it.
import { setTimeout as sleep } from 'node:timers/promises';
import type SQLite from 'better-sqlite3';
import { CompiledQuery, SelectQueryNode, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/** How long a writer waits for the lock before giving up, unless told otherwise. */
export const BUSY_DEADLINE_MS = 10_000;

// A waiting writer tries again after 1, 2, 4, 4, 4 … ms (±50 % so that waiters do not march in
// step). The longest pause must stay well under HANDOVER_MS, or a waiter could sleep through the
// moment a long writer leaves the lock free for it.
const FIRST_RETRY_MS = 1;
const LONGEST_RETRY_MS = 4;
// A connection that held the lock for LONG_HOLD_MS or more (an import's transaction) leaves it free
// this long before taking it again, so that writers of other processes get their turn.
const LONG_HOLD_MS = 20;
const HANDOVER_MS = 10;

/** The database stayed locked by another connection for longer than the deadline. */
export class DatabaseBusyError extends Error {
  constructor(waitedMs: number, options: { cause: unknown }) {
    super(`the SQLite database stayed locked by another writer for ${(waitedMs / 1000).toFixed(1)} s; try again later`, options);
    this.name = 'DatabaseBusyError';
  }
}

export interface SharingSqliteOptions {
  busyDeadlineMs?: number;
}

/** Kysely's SQLite dialect over a better-sqlite3 database, with the waiting described above. */
export class SharingSqliteDialect extends SqliteDialect {
  readonly #database: SQLite.Database;
  readonly #options: SharingSqliteOptions;

  constructor(database: SQLite.Database, options: SharingSqliteOptions = {}) {
    super({ database });
    database.pragma('busy_timeout = 0');
    this.#database = database;
    this.#options = options;
  }

  override createDriver(): Driver {
    return new SharingSqliteDriver(this.#database, this.#options.busyDeadlineMs ?? BUSY_DEADLINE_MS);
  }
}

// Commit, rollback and savepoints are Kysely's own; they run on the connection given to them.
class SharingSqliteDriver extends SqliteDriver implements Driver {
  readonly #database: SQLite.Database;
  readonly #turn = new Turn();
  readonly #connection: SharingSqliteConnection;
  #lockTakenAt = 0;
  #longHoldEndedAt = -Infinity;

  constructor(database: SQLite.Database, busyDeadlineMs: number) {
    super({ database });
    this.#database = database;
    this.#connection = new SharingSqliteConnection(database, this.#turn, busyDeadlineMs);
  }

  override async init(): Promise<void> {}

  override async acquireConnection(): Promise<DatabaseConnection> {
    // One connection per process: queries take turns on it, as in Kysely's driver.
    await this.#turn.take();
    return this.#connection;
  }

  override async beginTransaction(): Promise<void> {
    const rest = this.#longHoldEndedAt + HANDOVER_MS - performance.now();
    if (rest > 0) await this.#turn.awayFor(rest);
    await this.#connection.whenUnlocked(() => this.#database.exec('begin immediate'));
    this.#lockTakenAt = performance.now();
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await super.commitTransaction(connection);
    this.#lockFreed();
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await super.rollbackTransaction(connection);
    this.#lockFreed();
  }

  override async releaseConnection(): Promise<void> {
    this.#turn.give();
  }

  override async destroy(): Promise<void> {
    this.#database.close();
  }

  #lockFreed(): void {
    const now = performance.now();
    if (now - this.#lockTakenAt >= LONG_HOLD_MS) this.#longHoldEndedAt = now;
  }
}

class SharingSqliteConnection implements DatabaseConnection {
  constructor(
    private readonly database: SQLite.Database,
    private readonly turn: Turn,
    private readonly busyDeadlineMs: number,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    // Inside a transaction the lock is already ours (BEGIN IMMEDIATE); outside, a statement is
    // its own transaction and may find the lock taken.
    if (this.database.inTransaction) return this.run<R>(compiledQuery);
    return this.whenUnlocked(() => this.run<R>(compiledQuery));
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) throw new Error('Sqlite driver only supports streaming of select queries');
    for (const row of this.database.prepare(compiledQuery.sql).iterate(compiledQuery.parameters)) yield { rows: [row as R] };
  }

  /**
   * Runs `attempt` until it does not find the database locked. The caller holds this process's
   * turn on the connection; while waiting, the turn goes to other queries, so reads go on.
   */
  async whenUnlocked<T>(attempt: () => T): Promise<T> {
    const started = performance.now();
    for (let retry = 0; ; retry += 1) {
      try {
        return attempt();
      } catch (error) {
        if (!isBusy(error)) throw error;
        const waited = performance.now() - started;
        if (waited >= this.busyDeadlineMs) throw new DatabaseBusyError(waited, { cause: error });
      }
      const pause = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** retry) * (0.5 + Math.random());
      await this.turn.awayFor(pause);
    }
  }

  private run<R>({ sql, parameters }: CompiledQuery): QueryResult<R> {
    const statement = this.database.prepare(sql);
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY');
}

/** Turns on the one connection, first come first served. */
class Turn {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  async take(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  /** Gives the turn away for `ms`, then waits to get it back. */
  async awayFor(ms: number): Promise<void> {
    this.give();
    await sleep(ms);
    await this.take();
  }
}
