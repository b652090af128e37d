// The backup file, the same for both engines: gzip'd JSON lines.
//
//   {"format":"zhaoshang-backup","version":1,"product":"zhaoshang 0.1.0","createdAt":"…","engine":"sqlite","migrations":["…"]}
//   {"table":"article","columns":[["id","integer"],["title","text"],…],"nextId":124}
//   [1,"标题",…]                                  one array per row, values in column order
//   …                                             the next table, its rows, and so on
//   {"blob":"<sha256>","data":"<base64>"}         version 2: after the tables, each attached file, in
//   …                                             parts of at most 1 MiB, all of a blob's parts together
//   {"rows":{"article":123,…},"blobs":2,"sha256":"…"}  the trailer: rows per table, blobs (version 2),
//                                                 SHA-256 of every line above
//
// Values are JSON: integers and reals as numbers, text as strings, null; a real that JSON cannot
// write (NaN, ±Infinity) as its name in a string. Reading checks every line, the counts and the
// checksum, so a file cut short or changed is found out, and says so, before its end is trusted;
// each blob's bytes must have the SHA-256 that names it. Version 1 files (no blobs) are still read.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pipeline as pipelineWithCallback } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { ColumnKind } from '../db/backup-table.ts';
import type { Engine } from '../db/dialect.ts';

export const BACKUP_FORMAT = 'zhaoshang-backup';
export const BACKUP_FORMAT_VERSION = 2;
/** The versions this one reads: 1 (tables only) and 2 (tables and the attached files). */
const READABLE_VERSIONS: readonly number[] = [1, 2];
/** The largest part of a blob on one line, before base64. */
const BLOB_PART_BYTES = 1024 * 1024;

/** The first line: what made the file, when, and the schema its rows fit. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  /** BACKUP_FORMAT_VERSION when written; an older readable version when read. */
  version: number;
  product: string;
  createdAt: string;
  engine: Engine;
  /** The migrations applied to the database the rows come from, in order. */
  migrations: string[];
}

/** The line that begins a table's rows. */
export interface TableSection {
  table: string;
  columns: Array<[name: string, kind: ColumnKind]>;
  /** The number its auto-numbered column gives next, where it has one. */
  nextId?: number;
}

/** What a backup file holds, line by line (the trailer is written and checked here). */
export type BackupItem =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; section: TableSection }
  | { kind: 'rows'; rows: unknown[][] }
  /** A stored file (version 2), after every table; read back only once its bytes match its hash. */
  | { kind: 'blob'; hash: string; bytes: Buffer };

interface Trailer {
  rows: Record<string, number>;
  /** Version 2: how many blobs the file holds. */
  blobs?: number;
  sha256: string;
}

/** A backup or restore refused for a reason the operator can act on; the message says which. */
export class BackupRefused extends Error {}

const KINDS: readonly ColumnKind[] = ['integer', 'real', 'text'];
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

/** A value as the file holds it; throws when the column's kind cannot carry it. */
function encodeValue(kind: ColumnKind, value: unknown, where: () => string): unknown {
  if (value === null) return null;
  if (kind === 'text' && typeof value === 'string') return value;
  if (kind === 'integer' && Number.isSafeInteger(value)) return value;
  if (kind === 'real' && typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  throw new BackupRefused(`${where()}: the ${kind} column holds ${JSON.stringify(value) ?? String(value)}, which a restore could not write back`);
}

/** A value as the database takes it, or undefined when the file's value does not fit the kind. */
function decodeValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null) return null;
  if (kind === 'text' && typeof value === 'string') return value;
  if (kind === 'integer' && Number.isSafeInteger(value)) return value;
  if (kind === 'real' && typeof value === 'number') return value;
  if (kind === 'real' && typeof value === 'string' && NON_FINITE.has(value)) return Number(value);
  return undefined;
}

/**
 * Writes `items` to `path` (mode 0600: it holds personal data and password hashes), through a
 * `.partial` file renamed at the end, so `path` never holds half a backup; returns the rows per table.
 */
export async function writeBackupFile(path: string, items: AsyncIterable<BackupItem>, { overwrite = false } = {}): Promise<Record<string, number>> {
  if (!overwrite && existsSync(path)) throw new BackupRefused(`${path} already exists; choose another name, or pass --force to replace it`);
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  let blobs = 0;
  async function* lines(): AsyncGenerator<string> {
    let section: TableSection | undefined;
    for await (const item of items) {
      let text: string;
      if (item.kind === 'header') text = `${JSON.stringify(item.header)}\n`;
      else if (item.kind === 'blob') {
        blobs += 1;
        const parts: string[] = [];
        for (let at = 0; at === 0 || at < item.bytes.length; at += BLOB_PART_BYTES)
          parts.push(`${JSON.stringify({ blob: item.hash, data: item.bytes.subarray(at, at + BLOB_PART_BYTES).toString('base64') })}\n`);
        text = parts.join('');
      } else if (item.kind === 'table') {
        section = item.section;
        counts[section.table] = 0;
        text = `${JSON.stringify(section)}\n`;
      } else {
        const { table, columns } = section!;
        text = item.rows
          .map((row, r) => {
            const where = () => `${table} row ${counts[table]! + r + 1}`;
            return `${JSON.stringify(row.map((value, c) => encodeValue(columns[c]![1], value, () => `${where()}, column ${columns[c]![0]}`)))}\n`;
          })
          .join('');
        counts[table]! += item.rows.length;
      }
      hash.update(text);
      yield text;
    }
    yield `${JSON.stringify({ rows: counts, blobs, sha256: hash.digest('hex') } satisfies Trailer)}\n`;
  }
  const partial = `${path}.partial`;
  try {
    // flush: the data is on disk (fsync) before the rename makes it the backup.
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600, flush: true }));
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return counts;
}

/** The lines of a gzip'd text file, read as needed (never the whole file in memory). */
async function* gzipLines(path: string): AsyncGenerator<string> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new BackupRefused(`${path}: no such file`);
  const text = pipelineWithCallback(createReadStream(path), createGunzip(), () => {});
  text.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
  } catch (error) {
    throw new BackupRefused(`${path} is damaged or cut short (${error instanceof Error ? error.message : String(error)}); nothing was restored from it`);
  }
  if (rest !== '') yield rest;
}

/**
 * Reads a backup file, checking each line as it goes; throws BackupRefused for anything amiss,
 * at the latest after the last row, when the trailer's counts and checksum are compared.
 */
export async function* readBackupFile(path: string): AsyncGenerator<BackupItem> {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  let section: TableSection | undefined;
  let trailer: Trailer | undefined;
  let lineNumber = 0;
  let version = 0;
  // The blob being read: its hash and the parts so far; yielded when the next line is not one of its parts.
  let blob: { hash: string; parts: Buffer[] } | undefined;
  const blobsSeen = new Set<string>();
  const fail = (message: string): never => {
    throw new BackupRefused(`${path}, line ${lineNumber}: ${message}; nothing was restored from it`);
  };
  const finishBlob = (): BackupItem | undefined => {
    if (!blob) return undefined;
    const bytes = Buffer.concat(blob.parts);
    if (createHash('sha256').update(bytes).digest('hex') !== blob.hash) fail(`the file ${blob.hash} does not have the content its name says`);
    const item: BackupItem = { kind: 'blob', hash: blob.hash, bytes };
    blob = undefined;
    return item;
  };
  for await (const line of gzipLines(path)) {
    lineNumber += 1;
    if (trailer) fail('text after the trailer');
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      fail(lineNumber === 1 ? 'not a zhaoshang backup (the first line is not JSON)' : 'not a JSON line');
    }
    const continuesBlob = isObject(value) && 'blob' in value && value.blob === blob?.hash;
    if (!continuesBlob) {
      const finished = finishBlob();
      if (finished) yield finished;
    }
    if (lineNumber === 1) {
      const header = checkedHeader(value, fail);
      version = header.version;
      yield { kind: 'header', header };
    } else if (isObject(value) && 'blob' in value) {
      if (version < 2) fail('a file in a version 1 backup');
      if (typeof value.blob !== 'string' || !/^[0-9a-f]{64}$/u.test(value.blob) || typeof value.data !== 'string') fail('a file line that is not well formed');
      if (!continuesBlob) {
        if (blobsSeen.has(value.blob as string)) fail(`the file ${value.blob as string} a second time`);
        blobsSeen.add(value.blob as string);
        blob = { hash: value.blob as string, parts: [] };
      }
      blob!.parts.push(Buffer.from(value.data as string, 'base64'));
    } else if (Array.isArray(value)) {
      if (!section) fail('a row before any table');
      if (blobsSeen.size > 0) fail('a row after the files');
      const columns = section!.columns;
      if (value.length !== columns.length) fail(`a row of ${value.length} values in ${section!.table}, which has ${columns.length} columns`);
      const row = value.map((cell: unknown, c) => {
        const decoded = decodeValue(columns[c]![1], cell);
        return decoded === undefined ? fail(`${section!.table}.${columns[c]![0]} is ${columns[c]![1]}, the row has ${JSON.stringify(cell)}`) : decoded;
      });
      counts[section!.table]! += 1;
      yield { kind: 'rows', rows: [row] };
    } else if (isObject(value) && 'table' in value) {
      if (blobsSeen.size > 0) fail('a table after the files');
      section = checkedSection(value, fail);
      if (section.table in counts) fail(`table ${section.table} a second time`);
      counts[section.table] = 0;
      yield { kind: 'table', section };
    } else if (isObject(value) && 'sha256' in value) {
      trailer = value as unknown as Trailer;
      if (JSON.stringify(trailer.rows) !== JSON.stringify(counts))
        fail(`the row counts do not match: the trailer says ${JSON.stringify(trailer.rows)}, the file has ${JSON.stringify(counts)}`);
      if (version >= 2 && trailer.blobs !== blobsSeen.size) fail(`the trailer says ${JSON.stringify(trailer.blobs)} files, the backup holds ${blobsSeen.size}`);
      if (trailer.sha256 !== hash.digest('hex')) fail('the checksum does not match: the file was changed or damaged');
      continue;
    } else {
      fail('not a line of a zhaoshang backup');
    }
    hash.update(`${line}\n`);
  }
  if (lineNumber === 0) throw new BackupRefused(`${path} is empty; nothing was restored from it`);
  if (!trailer) throw new BackupRefused(`${path} ends before its trailer: it was cut short; nothing was restored from it`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkedHeader(value: unknown, fail: (message: string) => never): BackupHeader {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) return fail('not a zhaoshang backup');
  if (typeof value.version !== 'number' || !READABLE_VERSIONS.includes(value.version))
    return fail(
      `backup format version ${JSON.stringify(value.version)}, this version reads ${READABLE_VERSIONS.join(' and ')}: restore it with the version that made it, or a newer one`,
    );
  const migrations = value.migrations;
  if (!Array.isArray(migrations) || !migrations.every((name) => typeof name === 'string')) return fail('the header has no list of migrations');
  if (value.engine !== 'sqlite' && value.engine !== 'postgres') return fail('the header names no engine');
  return value as unknown as BackupHeader;
}

function checkedSection(value: Record<string, unknown>, fail: (message: string) => never): TableSection {
  const { table, columns, nextId } = value;
  const wellFormed =
    typeof table === 'string' &&
    Array.isArray(columns) &&
    columns.every((column) => Array.isArray(column) && column.length === 2 && typeof column[0] === 'string' && KINDS.includes(column[1])) &&
    (nextId === undefined || Number.isSafeInteger(nextId));
  return wellFormed ? (value as unknown as TableSection) : fail('a table line that is not well formed');
}
