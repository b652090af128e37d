// Keeping the full-text indexes (articles, policies) in one piece. On SQLite each transaction that
// writes articles or policies adds segments to their FTS5 index, which FTS5 merges only partly,
// and every query reads every segment: an import of 10,000 articles left searches 10–12 % slower
// than the same index merged (db/fts5-merge.ts). One process of an instance merges them in the
// background, in short steps, once enough content changes have come in since the last time.
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { SqlDialect } from '../db/dialect.ts';
import { setSiteMetaValue, siteMetaValue } from '../db/site-state.store.ts';
import { everySecondInSlices, SLICE_MS } from '../lib/background-slices.ts';

/** The content version the indexes were last merged at (site_meta; derived, so backups leave it out). */
export const COMPACTED_VERSION_KEY = 'search_compacted_version';

// Content changes (transactions that bump the content version) between two merges: a bulk import
// makes hundreds; a merge rewrites the whole index (about 1.6 s of CPU at 10,000 articles).
export const COMPACT_AFTER_CHANGES = 64;

/** The engine's statements that merge each index a step at a time. */
export type CompactingSql = { search: Pick<SqlDialect['search'], 'compactStep'>; policyWords: Pick<SqlDialect['policyWords'], 'compactStep'> };

/** Whether `changes` content changes or more came in since the indexes were last merged (or they never were). */
export async function compactionDue(db: Db, currentVersion: number, changes = COMPACT_AFTER_CHANGES): Promise<boolean> {
  const compacted = await siteMetaValue(db, COMPACTED_VERSION_KEY);
  return compacted === undefined || currentVersion - Number(compacted) >= changes;
}

/**
 * One bounded step (a short transaction) of merging the article index, then the policy index;
 * false once neither has anything left to merge.
 */
async function compactionStep(db: Db, engine: CompactingSql): Promise<boolean> {
  if (await db.transaction().execute((trx) => engine.search.compactStep(trx))) return true;
  return db.transaction().execute((trx) => engine.policyWords.compactStep(trx));
}

/** Merges both indexes completely and records the version read first; returns the steps taken. */
export async function compactSearchIndexes(db: Db, engine: CompactingSql, currentVersion: () => Promise<number>): Promise<number> {
  const version = await currentVersion();
  let steps = 0;
  while (await compactionStep(db, engine)) steps += 1;
  await compacted(db, version);
  return steps;
}

/** Records a finished merge. Content written during it counts towards the next: `version` was read before it began. */
function compacted(db: Db, version: number): Promise<void> {
  return setSiteMetaValue(db, COMPACTED_VERSION_KEY, String(version));
}

/**
 * Merges the indexes in the background whenever compactionDue says so, a slice of steps each
 * second, logging when a merge starts and ends. Run it in one process of an instance. Returns the
 * timer (unref'd).
 */
export function compactSearchIndexesInBackground(db: Db, engine: CompactingSql, currentVersion: () => Promise<number>, logger: Logger): NodeJS.Timeout {
  let merging: { version: number; started: number; steps: number } | undefined;
  const slice = async () => {
    if (!merging) {
      const version = await currentVersion();
      if (!(await compactionDue(db, version))) return;
      logger.info('merging the search indexes in the background');
      merging = { version, started: performance.now(), steps: 0 };
    }
    const started = performance.now();
    while (performance.now() - started < SLICE_MS) {
      if (await compactionStep(db, engine)) {
        merging.steps += 1;
        continue;
      }
      await compacted(db, merging.version);
      logger.info({ steps: merging.steps, seconds: Math.round((performance.now() - merging.started) / 1000) }, 'search indexes merged');
      merging = undefined;
      return;
    }
  };
  return everySecondInSlices(slice, (error) => {
    merging = undefined;
    logger.error({ err: error }, 'merging the search indexes failed');
  });
}
