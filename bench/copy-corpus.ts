// npm run bench:copy-corpus -- --from bench-results/s10k.db --to bench-results/s100k.db [--copies 10]
// A large SQLite corpus for the benchmarks without importing it: copies a database that
// bench:search-http built (its articles and policies), adds copies - 1 more copies of every article
// in SQL (same text, channel and date; a new source key), then rebuilds the search index and every
// related-article list as `zhaoshang reindex` does, with progress bars. Importing 100,000 recombined
// articles through the importer took hours on the 2-core machine beside other work; this takes the
// reindex's time (minutes). Related articles then draw on identical copies, which a real corpus lacks.
import { copyFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../src/config.ts';
import { runReindexCommand } from '../src/search/reindex.command.ts';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, copies: { type: 'string', default: '10' } } });
if (!values.from || !values.to || !existsSync(values.from)) {
  console.error('bench:copy-corpus needs --from (an existing SQLite corpus) and --to (the new file)');
  process.exit(2);
}
if (existsSync(values.to)) {
  console.error(`${values.to} exists: remove it first`);
  process.exit(2);
}
const copies = Number(values.copies);

// The source's write-ahead log is folded in first, so the file copy holds every committed row.
const source = new SQLite(values.from);
source.pragma('wal_checkpoint(TRUNCATE)');
source.close();
copyFileSync(values.from, values.to);

const target = new SQLite(values.to);
const { originals } = target.prepare('select count(*) as originals from article').get() as { originals: number };
const maxId = (target.prepare('select max(id) as maxId from article').get() as { maxId: number }).maxId;
const copy =
  target.prepare(`insert into article (source_key, original_title, title, channel, body, excerpt, published_on, created_at, updated_at, status, publish_at, body_format)
  select source_key || '#copy' || ?, original_title, title, channel, body, excerpt, published_on, created_at, updated_at, status, publish_at, body_format
  from article where id <= ? order by id`);
for (let k = 1; k < copies; k += 1) {
  target.transaction(() => copy.run(k, maxId))();
  process.stderr.write(`copy ${k + 1} of ${copies}: ${originals * (k + 1)} articles\n`);
}
target.close();
process.exitCode = await runReindexCommand(loadConfig({ DATABASE_URL: values.to }));
