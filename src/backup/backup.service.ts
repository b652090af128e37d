// Backups that restore on either engine: `zhaoshang backup` reads every table from one snapshot
// of a serving database, and every file its attachments name from the file store, into a backup
// file; `zhaoshang restore` loads one into an empty database of either engine and its files into
// a store of either kind, migrates it to this version's schema and rebuilds the search index.
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { BackupTable } from '../db/backup-table.ts';
import type { OpenDb } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { appliedMigrationNames, migrateToLatest, migrationNames } from '../db/migrate.ts';
import type { Progress } from '../lib/progress.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { rebuildSearchIndex } from '../search/search.service.ts';
import { referencedBlobs } from '../uploads/attachment.service.ts';
import { readBlob, type BlobStore } from '../uploads/blob-store.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupRefused,
  readBackupFile,
  writeBackupFile,
  type BackupHeader,
  type BackupItem,
  type TableSection,
} from './backup-file.ts';
import { BACKUP_TABLES } from './backup-tables.ts';

/** Starts a progress display for `total` units of a task; the command line passes progressBar. */
export type ProgressFor = (task: string, total: number) => Progress;

/** Rows per table, in the order the backup holds them. */
export type RowCounts = Record<string, number>;

// Rows read per query when backing up.
const READ_BATCH = 1000;
// Rows per insert when restoring: SQLite takes at most 32,766 values in one statement.
const INSERT_ROWS = 500;
const INSERT_VALUES = 30_000;

const PRODUCT = (() => {
  const { name, version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return `${name} ${version}`;
})();

/** The tables are read and written by name, so the query builder cannot know their row types. */
const untyped = (db: Db) => db as unknown as Kysely<Record<string, Record<string, unknown>>>;

/**
 * Writes a backup of every table to `path`, read from one snapshot: writes that go on meanwhile
 * are either wholly in it (committed before it began) or not at all. Returns the rows per table.
 */
export async function backupDatabase(
  opened: OpenDb,
  path: string,
  options: { overwrite?: boolean; progress?: ProgressFor; batchSize?: number; blobs?: BlobStore } = {},
): Promise<RowCounts> {
  const { db, dialect } = opened;
  const applied = await appliedMigrationNames(db, dialect);
  if (applied.length === 0) throw new BackupRefused('the database has no tables: is DATABASE_URL the one the site serves?');
  if (applied.join() !== migrationNames.join()) {
    throw new BackupRefused(
      `the database's schema (${applied.length} migrations) is not this version's (${migrationNames.length}): back it up with the version that serves it`,
    );
  }
  return dialect.readSnapshot(db, async (snapshot) => {
    const totals = await Promise.all(BACKUP_TABLES.map((table) => rowCount(snapshot, table)));
    const bar = options.progress?.(
      'backing up',
      totals.reduce((sum, n) => sum + n, 0),
    );
    let done = 0;
    async function* items(): AsyncGenerator<BackupItem> {
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        product: PRODUCT,
        createdAt: new Date().toISOString(),
        engine: dialect.engine,
        migrations: applied,
      };
      yield { kind: 'header', header };
      for (const table of BACKUP_TABLES) {
        const section: TableSection = { table: table.name, columns: Object.entries(table.columns) };
        if (table.autoIncrement) section.nextId = await dialect.nextAutoNumber(snapshot, table.name, table.autoIncrement);
        yield { kind: 'table', section };
        for await (const rows of tableRows(snapshot, table, options.batchSize ?? READ_BATCH)) {
          yield { kind: 'rows', rows };
          done += rows.length;
          bar?.update(done, table.name);
        }
      }
      yield* blobItems(snapshot, options.blobs);
    }
    const counts = await writeBackupFile(path, items(), { overwrite: options.overwrite });
    bar?.finish();
    return counts;
  });
}

/** The files the snapshot's attachments name, each read whole from the store. */
async function* blobItems(snapshot: Db, blobs: BlobStore | undefined): AsyncGenerator<BackupItem> {
  const hashes = await referencedBlobs(snapshot);
  if (hashes.length === 0) return;
  if (!blobs) throw new BackupRefused(`the attachments name ${hashes.length} files, but no file store was given to read them from`);
  for (const hash of hashes) {
    const bytes = await readBlob(blobs, hash);
    if (!bytes)
      throw new BackupRefused(
        `the file ${hash} that an attachment names is missing from the ${blobs.kind} store: are UPLOAD_DIR or UPLOAD_S3_* the ones the site serves?`,
      );
    yield { kind: 'blob', hash, bytes };
  }
}

/** Rows of `table` the backup copies (those of another feature's derived data left out). */
function copiedRows(db: Db, table: BackupTable) {
  const query = untyped(db).selectFrom(table.name);
  const { leaveOut } = table;
  return leaveOut && leaveOut.values.length > 0 ? query.where(leaveOut.column, 'not in', leaveOut.values) : query;
}

async function rowCount(db: Db, table: BackupTable): Promise<number> {
  const row = await copiedRows(db, table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The rows of `table` in key order, a batch at a time (keyset paging: each query starts after the last key). */
async function* tableRows(db: Db, table: BackupTable, batchSize: number): AsyncGenerator<unknown[][]> {
  const columns = Object.keys(table.columns);
  const keyOf = (row: Record<string, unknown>) => table.key.map((column) => row[column]);
  let after: unknown[] | undefined;
  for (;;) {
    let query = copiedRows(db, table).select(columns);
    if (after) query = query.where(sql<boolean>`(${sql.join(table.key.map((column) => sql.ref(column)))}) > (${sql.join(after)})`);
    for (const column of table.key) query = query.orderBy(column);
    const rows = await query.limit(batchSize).execute();
    if (rows.length > 0) yield rows.map((row) => columns.map((column) => row[column]));
    if (rows.length < batchSize) return;
    after = keyOf(rows.at(-1)!);
  }
}

/** What a restore did. */
export interface RestoreReport {
  rows: RowCounts;
  /** Files put into the store. */
  blobs: number;
  indexedArticles: number;
}

/**
 * Loads the backup at `path` into `opened`, which must hold no data. The whole file is checked
 * before anything is written; the rows are then inserted in one transaction, so a database error
 * leaves the target as it was. Then the schema is migrated to this version's and the search index
 * built (it is not in backups: each engine has its own).
 */
export async function restoreDatabase(
  opened: OpenDb,
  path: string,
  searchIndex: SearchIndex,
  progress?: ProgressFor,
  blobs?: BlobStore,
): Promise<RestoreReport> {
  const { db, dialect } = opened;
  const checked = await checkBackupFile(path);
  const { header } = checked;
  if (!startsWith(migrationNames, header.migrations)) {
    const unknown = header.migrations.find((name) => !migrationNames.includes(name));
    throw new BackupRefused(
      `${path} was made by a version with migrations this one does not have (${unknown ?? 'in another order'}): restore it with that version or a newer one`,
    );
  }
  const applied = await appliedMigrationNames(db, dialect);
  if (!startsWith(header.migrations, applied)) {
    throw new BackupRefused('the target database has a newer schema than the backup: restore into a new, empty database (the restore migrates it)');
  }
  if (checked.blobs > 0 && !blobs) throw new BackupRefused(`${path} holds ${checked.blobs} files, but no file store was given to restore them into`);
  if (header.migrations.length > 0) await migrateToLatest(db, dialect, header.migrations.at(-1));
  await refuseUnlessEmpty(db, checked.sections);

  const total = Object.values(checked.rows).reduce((sum, n) => sum + n, 0);
  const bar = progress?.('restoring', total);
  await db.transaction().execute(async (trx) => {
    let done = 0;
    let section: TableSection | undefined;
    let pending: Record<string, unknown>[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      await untyped(trx).insertInto(section!.table).values(pending).execute();
      done += pending.length;
      pending = [];
      bar?.update(done, section!.table);
    };
    const finishTable = async () => {
      await flush();
      const autoIncrement = section && BACKUP_TABLES.find((table) => table.name === section!.table)?.autoIncrement;
      if (section && autoIncrement) await setNextNumber(trx, opened, section, autoIncrement);
    };
    for await (const item of readBackupFile(path)) {
      if (item.kind === 'table') {
        await finishTable();
        section = item.section;
        if (registered(section.table).createdByMigrations) await untyped(trx).deleteFrom(section.table).execute();
      } else if (item.kind === 'blob') {
        // Before the rows commit: a restored attachment never names a file the store lacks.
        await blobs!.put(item.bytes);
      } else if (item.kind === 'rows') {
        const names = section!.columns.map(([name]) => name);
        for (const row of item.rows) pending.push(Object.fromEntries(names.map((name, c) => [name, row[c]])));
        if (pending.length >= Math.min(INSERT_ROWS, Math.floor(INSERT_VALUES / names.length))) await flush();
      }
    }
    await finishTable();
  });
  bar?.finish();
  await migrateToLatest(db, dialect);
  const indexedArticles = await rebuildSearchIndex(db, searchIndex, progress && ((count) => progress('indexing', count)));
  return { rows: checked.rows, blobs: checked.blobs, indexedArticles };
}

/** Sets the next auto-number past both the source's next number and the rows restored. */
async function setNextNumber(db: Db, { dialect }: OpenDb, section: TableSection, column: string): Promise<void> {
  const row = await untyped(db)
    .selectFrom(section.table)
    .select((eb) => eb.fn.max<number | null>(column).as('highest'))
    .executeTakeFirstOrThrow();
  const next = Math.max(section.nextId ?? 1, Number(row.highest ?? 0) + 1);
  await dialect.setNextAutoNumber(db, section.table, column, next);
}

/** Reads the whole file once, checking it, before anything is written; returns what it holds. */
async function checkBackupFile(path: string): Promise<{ header: BackupHeader; sections: TableSection[]; rows: RowCounts; blobs: number }> {
  let header: BackupHeader | undefined;
  const sections: TableSection[] = [];
  const rows: RowCounts = {};
  let blobs = 0;
  for await (const item of readBackupFile(path)) {
    if (item.kind === 'header') header = item.header;
    else if (item.kind === 'blob') blobs += 1;
    else if (item.kind === 'table') {
      registered(item.section.table);
      sections.push(item.section);
      rows[item.section.table] = 0;
    } else rows[sections.at(-1)!.table]! += item.rows.length;
  }
  return { header: header!, sections, rows, blobs };
}

function registered(name: string): BackupTable {
  const table = BACKUP_TABLES.find((candidate) => candidate.name === name);
  if (!table) throw new BackupRefused(`the backup holds a table this version does not know (${name})`);
  return table;
}

async function refuseUnlessEmpty(db: Db, sections: readonly TableSection[]): Promise<void> {
  const filled: string[] = [];
  for (const { table } of sections) {
    const declared = registered(table);
    if (declared.createdByMigrations) continue;
    const n = await rowCount(db, declared);
    if (n > 0) filled.push(`${table}: ${n} rows`);
  }
  if (filled.length > 0) {
    throw new BackupRefused(`the target database is not empty (${filled.join(', ')}); a restore never overwrites: restore into a new, empty database`);
  }
}

function startsWith(list: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= list.length && prefix.every((name, i) => list[i] === name);
}
