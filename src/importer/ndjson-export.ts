// `zhaoshang export --format ndjson`: every published article as one JSON object per line, in the
// site's newest-first order (publication date, then the order they were added), the order the
// importer expects of a news list: importing the file writes it bottom-up and so gives same-day
// articles the same order again.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Article } from '../articles/article.ts';
import { articleCount, publishedArticlesNewestFirst } from '../articles/article.service.ts';
import type { Db } from '../db/database.ts';
import type { Progress } from '../lib/progress.ts';

/** One exported article: the title as written (channel tag included), so that importing it into
 * the same portal matches the same article, and the channel and format as stored. */
export interface NdjsonArticle {
  title: string;
  body: string;
  date: string;
  channel: string;
  format: 'text' | 'markdown';
}

/** The NDJSON line of an article, line break included. */
export function ndjsonLineOf(article: Article): string {
  const line: NdjsonArticle = {
    title: article.originalTitle,
    body: article.body,
    date: article.publishedOn,
    channel: article.channel,
    format: article.bodyFormat,
  };
  return `${JSON.stringify(line)}\n`;
}

/** Writes every published article to `out` (or to the file `path`, whole or not at all); returns how many. */
export async function exportNdjson(
  db: Db,
  target: { path: string } | { stream: NodeJS.WritableStream },
  progressFor?: (total: number) => Progress,
): Promise<number> {
  const progress = progressFor?.(await articleCount(db));
  let written = 0;
  async function* lines(): AsyncGenerator<string> {
    for await (const article of publishedArticlesNewestFirst(db)) {
      written += 1;
      progress?.update(written, `${written} articles`);
      yield ndjsonLineOf(article);
    }
  }
  if ('stream' in target) await pipeline(Readable.from(lines()), target.stream, { end: false });
  else await writeWholeFile(target.path, Readable.from(lines()));
  progress?.finish();
  return written;
}

/** Writes through a `.partial` file renamed at the end, so `path` never holds half an export. */
async function writeWholeFile(path: string, content: Readable): Promise<void> {
  const partial = `${path}.partial`;
  try {
    // flush: the data is on disk (fsync) before the rename makes it the export.
    await pipeline(content, createWriteStream(partial, { flush: true }));
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
