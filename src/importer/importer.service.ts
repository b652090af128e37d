// Imports articles from a seed-format, NDJSON, RSS 2.0 or Atom file into the article table,
// idempotently and never half-writing an article. Each format's parser yields entries; validation,
// channels, --strict, progress and the report are one code path for all of them.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { draftProblem, type ArticleDraft } from '../articles/article.ts';
import { prepareDraftIndexing, saveArticleDraft, type ArticleWriting, type SaveOutcome } from '../articles/article.service.ts';
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import type { Db } from '../db/database.ts';
import { setSiteMetaValue, siteMetaValue } from '../db/site-state.store.ts';
import type { Progress } from '../lib/progress.ts';
import { parseFeedText } from './feed-format.ts';
import { importItemOfSeed, type ImportEntry, type ImportItem, type ImportRejection } from './import-entry.ts';
import { DETECTION_HEAD_BYTES, detectImportFormat, type ImportFormat } from './import-format.ts';
import { NdjsonParser, parseNdjsonText } from './ndjson-format.ts';
import { parseSeedText, SeedFormatParser, type SeedStrayText } from './seed-format.ts';

/** A file that is none of the formats the importer reads, or a feed that cannot be parsed; nothing was written. */
export class UnreadableImportError extends Error {}

/** What an import did, article by article. */
export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  /** The format the file was read as. */
  format: ImportFormat;
  rejected: ImportRejection[];
  strayText: SeedStrayText[];
  /** True when --strict stopped the import because of rejections; then nothing was written. */
  aborted: boolean;
}

export interface ImportOptions {
  strict?: boolean;
  /** Progress over the file's bytes while reading, then over the articles while writing. */
  readProgress?: (total: number) => Progress;
  writeProgress?: (total: number) => Progress;
}

// Articles commit in transactions of about TRANSACTION_MS of writing: a crash loses at most one
// of them, never half an article (a rerun completes the rest, imports being idempotent), and other
// writers (the public's posts while the server runs) wait at most about that long for the lock.
const TRANSACTION_MS = 100;
// The words of the next batch are cut on a worker thread while this one is written.
const BATCH_SIZE = 250;

/** Imports the articles of a file in any of the formats, told apart by content. */
export async function importFile(db: Db, content: ArticleWriting, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const format = formatOrThrow(await readHead(path));
  const items =
    format === 'rss' || format === 'atom' ? feedItems(await readFile(path, 'utf8'), format) : await readLineFile(path, format, options.readProgress);
  return importItems(db, content, format, items, options);
}

/** Imports text already in memory in any of the formats (the same rules as a file). */
export function importText(db: Db, content: ArticleWriting, text: string, options: { strict?: boolean } = {}): Promise<ImportReport> {
  const format = formatOrThrow(text.slice(0, DETECTION_HEAD_BYTES));
  const items =
    format === 'rss' || format === 'atom' ? feedItems(text, format) : format === 'ndjson' ? parseNdjsonText(text) : parseSeedText(text).map(importItemOfSeed);
  return importItems(db, content, format, items, options);
}

/** Imports the articles of a seed-format file. */
export async function importSeedFile(db: Db, content: ArticleWriting, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importItems(db, content, 'seed', await readLineFile(path, 'seed', options.readProgress), options);
}

/** Imports seed-format text already in memory (the same rules as a file). */
export function importSeedText(db: Db, content: ArticleWriting, text: string, options: { strict?: boolean } = {}): Promise<ImportReport> {
  return importItems(db, content, 'seed', parseSeedText(text).map(importItemOfSeed), options);
}

async function importItems(db: Db, content: ArticleWriting, format: ImportFormat, items: ImportItem[], options: ImportOptions): Promise<ImportReport> {
  const { drafts, rejected, strayText } = collect(items, content.channels);
  const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, format, rejected, strayText, aborted: false };
  if (options.strict && rejected.length > 0) return { ...report, aborted: true };
  await writeDrafts(db, content, drafts, report, options.writeProgress?.(drafts.length));
  return report;
}

function formatOrThrow(head: string): ImportFormat {
  const detected = detectImportFormat(head);
  if ('problem' in detected) throw new UnreadableImportError(detected.problem);
  return detected.format;
}

async function readHead(path: string): Promise<string> {
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(DETECTION_HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, DETECTION_HEAD_BYTES, 0);
    // A multi-byte character cut at the end decodes as U+FFFD, which detection never looks at.
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
}

function feedItems(xml: string, format: 'rss' | 'atom'): ImportItem[] {
  const parsed = parseFeedText(xml, format);
  if ('problem' in parsed) throw new UnreadableImportError(parsed.problem);
  return parsed.items;
}

/** Streams a line format (seed, NDJSON) through its parser, with progress over the bytes read. */
async function readLineFile(path: string, format: 'seed' | 'ndjson', progressFor?: (total: number) => Progress): Promise<ImportItem[]> {
  const { size } = await stat(path);
  const progress = progressFor?.(size);
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const parser = lineParser(format);
  const items: ImportItem[] = [];
  for await (const line of lines) {
    items.push(...parser.push(line));
    progress?.update(stream.bytesRead, `${(stream.bytesRead / 1e6).toFixed(1)} MB`);
  }
  items.push(...parser.end());
  progress?.finish();
  return items;
}

function lineParser(format: 'seed' | 'ndjson'): { push(line: string): ImportItem[]; end(): ImportItem[] } {
  if (format === 'ndjson') {
    const ndjson = new NdjsonParser();
    return { push: (line) => ndjson.push(line), end: () => [] };
  }
  const seed = new SeedFormatParser();
  return { push: (line) => seed.push(line).map(importItemOfSeed), end: () => seed.end().map(importItemOfSeed) };
}

function collect(items: ImportItem[], channels: ChannelCatalog) {
  const drafts: ArticleDraft[] = [];
  const rejected: ImportRejection[] = [];
  const strayText: SeedStrayText[] = [];
  for (const item of items) {
    if (item.kind === 'rejected') rejected.push(item.rejection);
    else if (item.kind === 'stray') strayText.push(item.stray);
    else {
      const { entry } = item;
      const draft = draftOf(entry, channels);
      const problem = typeof draft === 'string' ? draft : draftProblem(draft);
      if (problem) rejected.push({ position: entry.position, reason: problem, title: entry.title });
      else drafts.push(draft as ArticleDraft);
    }
  }
  return { drafts, rejected, strayText };
}

/** The draft an entry describes, its channel resolved; or why its channel is unknown. */
function draftOf(entry: ImportEntry, channels: ChannelCatalog): ArticleDraft | string {
  const draft: ArticleDraft = { originalTitle: entry.title, body: entry.body, publishedOn: entry.date, bodyFormat: entry.bodyFormat };
  const known = (name: string) => channels.bySlug(name) ?? channels.byTag(name);
  if (entry.channel !== undefined) {
    const channel = known(entry.channel.trim());
    return channel ? { ...draft, channel: channel.slug } : `unknown channel "${entry.channel}"`;
  }
  // A feed's other categories are tags of its own; without a channel among them the title decides.
  const channel = entry.categories?.map(known).find((found) => found !== undefined);
  return channel ? { ...draft, channel: channel.slug } : draft;
}

async function writeDrafts(db: Db, content: ArticleWriting, drafts: ArticleDraft[], report: ImportReport, progress: Progress | undefined) {
  // A news list is newest first; writing it from the bottom up gives the newest article of a day
  // the highest id, so the site lists same-day articles in the file's order.
  const oldestFirst = [...drafts].reverse();
  // From the first batch on, so that even a small import is a bulk write: its related lists are
  // computed once every article is in the index (SearchIndex.completeRelated; the server does it
  // in the background, and pages compute a list not stored yet on the fly).
  prepareDraftIndexing(content, oldestFirst.slice(0, BATCH_SIZE));
  try {
    for (let start = 0; start < oldestFirst.length; start += BATCH_SIZE) {
      const batch = oldestFirst.slice(start, start + BATCH_SIZE);
      const next = oldestFirst.slice(start + BATCH_SIZE, start + 2 * BATCH_SIZE);
      if (next.length > 0) prepareDraftIndexing(content, next);
      for (let saved = 0; saved < batch.length; ) {
        const outcomes = await db.transaction().execute((trx) => saveForAWhile(trx, content, batch.slice(saved)));
        for (const outcome of outcomes) report[outcome] += 1;
        saved += outcomes.length;
        progress?.update(start + saved, `${start + saved}/${oldestFirst.length} articles`);
      }
    }
  } finally {
    await content.searchIndex.endPreparing();
  }
  progress?.finish();
}

/** Saves drafts from the first on, for about TRANSACTION_MS; at least one. Pass a transaction. */
async function saveForAWhile(trx: Db, content: ArticleWriting, drafts: ArticleDraft[]): Promise<SaveOutcome[]> {
  const started = performance.now();
  const outcomes: SaveOutcome[] = [];
  for (const draft of drafts) {
    outcomes.push((await saveArticleDraft(trx, content, draft)).outcome);
    if (performance.now() - started >= TRANSACTION_MS) break;
  }
  return outcomes;
}

const SEED_IMPORTED_KEY = 'seed_imported_at';

/**
 * Imports the bundled seed articles on the first start of an installation, and never again: an
 * article that editors later delete must not come back at the next restart.
 */
export async function importSeedOnFirstStart(db: Db, content: ArticleWriting, seedFile: string): Promise<ImportReport | undefined> {
  if (await siteMetaValue(db, SEED_IMPORTED_KEY)) return undefined;
  const report = await importSeedFile(db, content, seedFile);
  await setSiteMetaValue(db, SEED_IMPORTED_KEY, new Date().toISOString());
  return report;
}

/** Keeps the seed out of a database that has articles of its own (a benchmark's corpus) at its first start. */
export async function skipSeedImport(db: Db): Promise<void> {
  await setSiteMetaValue(db, SEED_IMPORTED_KEY, 'skipped');
}
