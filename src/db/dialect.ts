// The few SQL fragments that differ between SQLite and PostgreSQL, chosen once at connect.
// Everything else in the code base is engine-neutral Kysely (STYLE.md convention 5).
import { sql, type ColumnDefinitionBuilder, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { announceContentVersionChanges } from './content-version-listener.ts';
import type { Db } from './database.ts';
import { fts5PolicyWords } from './policy-words-fts5.ts';
import { likePolicyWords, type PolicyWordsSql } from './policy-words-sql.ts';
import { fts5Search, type WithShadowTablesWritable } from './search-fts5.ts';
import type { SearchSql } from './search-sql.ts';
import { tsvectorSearch } from './search-tsvector.ts';

export type Engine = 'sqlite' | 'postgres';

/** Engine-specific pieces of SQL, handed to migrations and stores that need them. */
export interface SqlDialect {
  engine: Engine;
  /** Makes `col` an auto-numbered primary key. */
  autoIncrementPrimaryKey(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Full-text search: FTS5 on SQLite, tsvector on PostgreSQL. */
  search: SearchSql;
  /** Keyword search over policies: a character-pair index on SQLite, LIKE on PostgreSQL. */
  policyWords: PolicyWordsSql;
  /** Beijing calendar days and months of stored instants, for figures counted in SQL. */
  chinaCalendar: ChinaCalendarSql;
  /**
   * The schema the connection works in (PostgreSQL's first schema on the search path), so the
   * migrator keeps its own tables there; undefined where the engine has no schemas.
   */
  currentSchema(db: Db): Promise<string | undefined>;
  /**
   * Runs `work` while holding the installation's preparation lock, so that instances starting at
   * the same moment take turns migrating and importing instead of doing it twice. `work` gets the
   * connection to use.
   */
  exclusively<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `work` on a consistent read-only view of the whole database as it was when it began,
   * while other connections go on writing (what a backup reads).
   */
  readSnapshot: ReadSnapshot;
  /** The number the auto-numbered `column` of `table` gives next; numbers of deleted rows count as used. */
  nextAutoNumber(db: Db, table: string, column: string): Promise<number>;
  /** Makes the auto-numbered `column` of `table` give `next` next (a restore, after inserting rows with their numbers). */
  setNextAutoNumber(db: Db, table: string, column: string, next: number): Promise<void>;
  /**
   * Makes every change of the content version announce itself to other instances at commit
   * (LISTEN/NOTIFY on PostgreSQL); nothing on SQLite, where each request reads the version.
   */
  announceContentVersionChanges(db: Kysely<unknown>): Promise<void>;
}

/**
 * Beijing calendar dates (UTC+8, no daylight saving, as lib/china-time.ts) of instants stored as
 * ISO-8601 UTC text, so that statistics group and measure in SQL the way pages show dates.
 */
export interface ChinaCalendarSql {
  /** The Beijing calendar day of `instant` as a count of days: one day number minus another is whole calendar days. */
  dayNumber(instant: Expression<string | null>): RawBuilder<number | null>;
  /** The Beijing calendar month of `instant`: 2026-03. */
  month(instant: Expression<string>): RawBuilder<string>;
}

// The shift to Beijing time is written into the SQL, not bound: PostgreSQL only accepts a grouped
// expression that repeats the selected one exactly, which two placeholders of one value do not.
const sqliteChinaCalendar: ChinaCalendarSql = {
  // julianday of a date is its noon minus half a day (N.5): the whole part counts the days.
  dayNumber: (instant) => sql<number | null>`cast(julianday(date(${instant}, '+8 hours')) as integer)`,
  month: (instant) => sql<string>`strftime('%Y-%m', ${instant}, '+8 hours')`,
};

const postgresChinaCalendar: ChinaCalendarSql = {
  dayNumber: (instant) => sql<number | null>`((cast(${instant} as timestamptz) at time zone 'UTC' + interval '8 hours')::date - date '1970-01-01')`,
  month: (instant) => sql<string>`to_char(cast(${instant} as timestamptz) at time zone 'UTC' + interval '8 hours', 'YYYY-MM')`,
};

/** See SqlDialect.readSnapshot. */
export type ReadSnapshot = <T>(db: Db, work: (snapshot: Db) => Promise<T>) => Promise<T>;

/**
 * SQLite's fragments for one connection: `withShadowTablesWritable` as search-fts5.ts needs it,
 * `readSnapshot` as connect.ts begins it on the connection.
 */
export function sqliteDialect(withShadowTablesWritable: WithShadowTablesWritable, readSnapshot: ReadSnapshot): SqlDialect {
  return {
    engine: 'sqlite',
    autoIncrementPrimaryKey: (col) => col.primaryKey().autoIncrement(),
    search: fts5Search(withShadowTablesWritable),
    policyWords: fts5PolicyWords,
    chinaCalendar: sqliteChinaCalendar,
    currentSchema: async () => undefined,
    // No lock: SQLite is served by one instance, whose primary prepares the file before it forks
    // workers. Several instances need PostgreSQL (README, "More instances").
    exclusively: (db, work) => work(db),
    readSnapshot,
    // AUTOINCREMENT keeps the highest number ever given in sqlite_sequence, and never gives it again.
    async nextAutoNumber(db, table) {
      const { rows } = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db);
      return Number(rows[0]?.seq ?? 0) + 1;
    },
    async setNextAutoNumber(db, table, _column, next) {
      await sql`delete from sqlite_sequence where name = ${table}`.execute(db);
      await sql`insert into sqlite_sequence (name, seq) values (${table}, ${next - 1})`.execute(db);
    },
    announceContentVersionChanges: async () => undefined,
  };
}

// The first key of the preparation lock (pg_advisory_lock's two-key form); the second is the
// schema's hash, so that installations in different schemas of one database do not wait for each other.
const PREPARATION_LOCK = 0x7a73;

export const postgresDialect: SqlDialect = {
  engine: 'postgres',
  autoIncrementPrimaryKey: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  search: tsvectorSearch,
  policyWords: likePolicyWords,
  chinaCalendar: postgresChinaCalendar,
  async currentSchema(db) {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    return rows[0]?.schema ?? undefined;
  },
  // A session advisory lock on one connection, and `work` runs on that connection: PGlite has only
  // one, which the lock would otherwise keep from `work`. A lost connection releases it.
  exclusively: (db, work) =>
    db.connection().execute(async (connection) => {
      const key = sql`${PREPARATION_LOCK}, hashtext(current_schema())`;
      await sql`select pg_advisory_lock(${key})`.execute(connection);
      try {
        return await work(connection);
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(connection);
      }
    }),
  // One REPEATABLE READ transaction sees one snapshot from its first statement to its end.
  readSnapshot: (db, work) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work),
  async nextAutoNumber(db, table, column) {
    // Null while the sequence has given no number yet.
    const { rows } = await sql<{ last: number | null }>`
      select pg_sequence_last_value(pg_get_serial_sequence(${table}, ${column})::regclass) as last`.execute(db);
    return Number(rows[0]?.last ?? 0) + 1;
  },
  async setNextAutoNumber(db, table, column, next) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), ${next}, false)`.execute(db);
  },
  announceContentVersionChanges,
};
