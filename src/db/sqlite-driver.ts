// Kysely's SQLite driver, changed so that processes sharing one database file (the server's
// workers, a CLI import) take turns writing without ever blocking an event loop.
//
// better-sqlite3 is synchronous: with SQLite's own busy timeout, a writer waiting for another
// process's lock sleeps inside SQLite and stalls every request of its worker. So the busy timeout
// is 0 and a writer that finds the lock taken waits here, on a timer, with the connection free for
// this process's reads meanwhile. Transactions begin IMMEDIATE: a deferred one that reads and then
// writes fails with SQLITE_BUSY_SNAPSHOT in WAL mode if another process wrote in between, and no
// waiting can save it.
//
// Polling alone is not fair: an import that commits every 100 ms and begins again at once would
// win the lock nearly every time. So a writer that finds the lock taken marks a file beside the
// database (`<db>-wanted`, its modification time), and a connection that has just held the lock
// for long stays out while waiters keep marking it, so they get in first.
import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type SQLite from 'better-sqlite3';
import { CompiledQuery, SelectQueryNode, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/** How long a writer waits for the lock before giving up, unless told otherwise. */
export const BUSY_DEADLINE_MS = 10_000;

// A waiting writer tries again after 1, 2, 4, 4, 4 … ms (±50 % so that waiters do not march in
// step), marking the wish file each time.
const FIRST_RETRY_MS = 1;
const LONGEST_RETRY_MS = 4;
// A connection that held the lock for LONG_HOLD_MS or more (an import's transaction), and was
// wished for meanwhile, stays out in steps of YIELD_STEP_MS until nobody has marked the wish for
// WISH_FRESH_MS, but no longer than LONGEST_YIELD_MS, so that a stream of posts cannot stop it.
const LONG_HOLD_MS = 20;
const YIELD_STEP_MS = 5;
const WISH_FRESH_MS = 30;
const LONGEST_YIELD_MS = 1000;

/** The database stayed locked by another connection for longer than the deadline. */
export class DatabaseBusyError extends Error {
  constructor(waitedMs: number, options: { cause: unknown }) {
    super(`the SQLite database stayed locked by another writer for ${(waitedMs / 1000).toFixed(1)} s; try again later`, options);
    this.name = 'DatabaseBusyError';
  }
}

/** Running totals of this process's waits for another connection's write lock, for the metrics. */
export interface LockWaitStats {
  /** Statements and transactions that found the lock taken and waited. */
  waits: number;
  /** Seconds spent waiting, all waits together. */
  waitedSeconds: number;
  /** Waits that gave up at the deadline (DatabaseBusyError). */
  timeouts: number;
}

export interface SharingSqliteOptions {
  busyDeadlineMs?: number;
  /** Counted into as writers wait. */
  lockWaits?: LockWaitStats;
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
    const lockWaits = this.#options.lockWaits ?? { waits: 0, waitedSeconds: 0, timeouts: 0 };
    return new SharingSqliteDriver(this.#database, this.#options.busyDeadlineMs ?? BUSY_DEADLINE_MS, lockWaits);
  }
}

// Commit, rollback and savepoints are Kysely's own; they run on the connection given to them.
class SharingSqliteDriver extends SqliteDriver implements Driver {
  readonly #database: SQLite.Database;
  readonly #turn = new Turn();
  readonly #connection: SharingSqliteConnection;
  readonly #wish: LockWish;
  #lockTakenAt = 0;
  #heldLong = false;

  constructor(database: SQLite.Database, busyDeadlineMs: number, lockWaits: LockWaitStats) {
    super({ database });
    this.#database = database;
    this.#wish = new LockWish(database.memory ? undefined : `${database.name}-wanted`);
    this.#connection = new SharingSqliteConnection(database, this.#turn, this.#wish, busyDeadlineMs, lockWaits);
  }

  override async init(): Promise<void> {}

  override async acquireConnection(): Promise<DatabaseConnection> {
    // One connection per process: queries take turns on it, as in Kysely's driver.
    await this.#turn.take();
    return this.#connection;
  }

  override async beginTransaction(): Promise<void> {
    if (this.#heldLong && this.#wish.markedAt() >= this.#lockTakenAt) await this.#letWaitersIn();
    await this.#connection.whenUnlocked(() => this.#database.exec('begin immediate'));
    this.#lockTakenAt = Date.now();
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
    this.#heldLong = Date.now() - this.#lockTakenAt >= LONG_HOLD_MS;
  }

  async #letWaitersIn(): Promise<void> {
    const until = Date.now() + LONGEST_YIELD_MS;
    do await this.#turn.awayFor(YIELD_STEP_MS);
    while (Date.now() - this.#wish.markedAt() < WISH_FRESH_MS && Date.now() < until);
  }
}

// Statements kept prepared, by SQL text: preparing was 2-3 % of a page rendered on a miss, and the
// site runs the same few hundred queries. SQLite prepares a kept statement again by itself when
// the schema changed. Least recently used first out, as lists of ids make SQL texts of their own.
const KEPT_STATEMENTS = 500;

class SharingSqliteConnection implements DatabaseConnection {
  private readonly waitingWriters = new Turn();
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(
    private readonly database: SQLite.Database,
    private readonly turn: Turn,
    private readonly wish: LockWish,
    private readonly busyDeadlineMs: number,
    private readonly lockWaits: LockWaitStats,
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
   * turn on the connection, and holds it again when this returns; while waiting, the turn goes to
   * other queries, so reads go on. Writers that find the lock taken line up, and only the first
   * polls: hundreds of posts each polling would take the CPU from everything else.
   */
  async whenUnlocked<T>(attempt: () => T): Promise<T> {
    const started = performance.now();
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
    }
    this.lockWaits.waits += 1;
    this.wish.mark();
    this.turn.give();
    await this.waitingWriters.take();
    try {
      for (let retry = 0; ; retry += 1) {
        // The first in line tries at once: the writer before it may just have got in and out.
        if (retry > 0) await sleep(Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (retry - 1)) * (0.5 + Math.random()));
        await this.turn.take();
        try {
          return attempt();
        } catch (error) {
          if (!isBusy(error)) throw error;
          const waited = performance.now() - started;
          if (waited >= this.busyDeadlineMs) {
            this.lockWaits.timeouts += 1;
            throw new DatabaseBusyError(waited, { cause: error });
          }
        }
        this.wish.mark();
        this.turn.give();
      }
    } finally {
      this.lockWaits.waitedSeconds += (performance.now() - started) / 1000;
      // Writers still in line behind this one keep the wish fresh until they are through.
      if (this.waitingWriters.queued) this.wish.mark();
      this.waitingWriters.give();
    }
  }

  private run<R>({ sql, parameters }: CompiledQuery): QueryResult<R> {
    const statement = this.prepared(sql);
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  private prepared(sql: string): SQLite.Statement {
    let statement = this.statements.get(sql);
    if (statement) this.statements.delete(sql);
    else statement = this.database.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > KEPT_STATEMENTS) this.statements.delete(this.statements.keys().next().value!);
    return statement;
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY');
}

/** A file whose modification time says when a writer last found the lock taken (ms since 1970). */
class LockWish {
  constructor(private readonly path: string | undefined) {}

  mark(): void {
    if (!this.path) return;
    const now = new Date();
    try {
      utimesSync(this.path, now, now);
    } catch {
      writeFileSync(this.path, '');
    }
  }

  markedAt(): number {
    if (!this.path) return 0;
    try {
      return statSync(this.path).mtimeMs;
    } catch {
      return 0;
    }
  }
}

/** Turns on the one connection, first come first served. */
class Turn {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  /** Whether anyone is waiting for the turn. */
  get queued(): boolean {
    return this.waiting.length > 0;
  }

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
