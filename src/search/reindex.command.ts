// `zhaoshang reindex`: rebuilds the search index from the articles, then every related-article
// list against it, with progress bars.
import type { Config } from '../config.ts';
import { progressBar } from '../lib/progress.ts';
import { articleWriting, openMigratedDb } from '../prepare.ts';
import { rebuildSearchIndex } from './search.service.ts';

/** Runs the rebuild; returns the process exit code. */
export async function runReindexCommand(config: Config, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const opened = await openMigratedDb(config);
  try {
    const started = performance.now();
    const { searchIndex } = articleWriting(opened);
    const count = await rebuildSearchIndex(opened.db, searchIndex, (total) => progressBar('indexing', total));
    out.write(`indexed ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    const relatedStarted = performance.now();
    const lists = await searchIndex.completeRelated(opened.db, (total) => progressBar('related ', total));
    out.write(`computed ${lists} related-article lists in ${((performance.now() - relatedStarted) / 1000).toFixed(1)} s\n`);
    return 0;
  } finally {
    await opened.close();
  }
}
