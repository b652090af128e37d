// Imports a seed-format file into the article table, idempotently and never half-writing an article.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { draftProblem, type ArticleDraft } from '../articles/article.ts';
import { prepareDraftIndexing, saveArticleDraft, type ArticleWriting, type SaveOutcome } from '../articles/article.service.ts';
import type { Db } from '../db/database.ts';
import { setSiteMetaValue, siteMetaValue } from '../db/site-state.store.ts';
import type { Progress } from '../lib/progress.ts';
import { parseSeedText, SeedFormatParser, type SeedItem, type SeedRejection, type SeedStrayText } from './seed-format.ts';

/** What an import did, article by article. */
export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: SeedRejection[];
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

/** Imports the articles of a seed-format file. */
export async function importSeedFile(db: Db, content: ArticleWriting, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importCollected(db, content, await readSeedFile(path, options.readProgress), options);
}

/** Imports seed-format text already in memory (the same rules as a file). */
export function importSeedText(db: Db, content: ArticleWriting, text: string, options: { strict?: boolean } = {}): Promise<ImportReport> {
  return importCollected(db, content, collect(parseSeedText(text)), options);
}

async function importCollected(db: Db, content: ArticleWriting, collected: ReturnType<typeof collect>, options: ImportOptions): Promise<ImportReport> {
  const { drafts, rejected, strayText } = collected;
  const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, rejected, strayText, aborted: false };
  if (options.strict && rejected.length > 0) return { ...report, aborted: true };
  await writeDrafts(db, content, drafts, report, options.writeProgress?.(drafts.length));
  return report;
}

async function readSeedFile(path: string, progressFor?: (total: number) => Progress) {
  const { size } = await stat(path);
  const progress = progressFor?.(size);
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const parser = new SeedFormatParser();
  const items: SeedItem[] = [];
  for await (const line of lines) {
    items.push(...parser.push(line));
    progress?.update(stream.bytesRead, `${(stream.bytesRead / 1e6).toFixed(1)} MB`);
  }
  items.push(...parser.end());
  progress?.finish();
  return collect(items);
}

function collect(items: SeedItem[]) {
  const drafts: ArticleDraft[] = [];
  const rejected: SeedRejection[] = [];
  const strayText: SeedStrayText[] = [];
  for (const item of items) {
    if (item.kind === 'rejected') rejected.push(item.rejection);
    else if (item.kind === 'stray') strayText.push(item.stray);
    else {
      const draft = { originalTitle: item.block.title, body: item.block.body, publishedOn: item.block.date };
      const problem = draftProblem(draft);
      if (problem) rejected.push({ line: item.block.line, reason: problem, title: item.block.title });
      else drafts.push(draft);
    }
  }
  return { drafts, rejected, strayText };
}

async function writeDrafts(db: Db, content: ArticleWriting, drafts: ArticleDraft[], report: ImportReport, progress: Progress | undefined) {
  // A news list is newest first; writing it from the bottom up gives the newest article of a day
  // the highest id, so the site lists same-day articles in the file's order.
  const oldestFirst = [...drafts].reverse();
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
