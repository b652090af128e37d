// npm run bench:backup [-- --articles 10000 --database-url postgres://…/db]
// Times `backup` and `restore` (service calls, as the commands make them) of a site with the
// seed, realistic console content and, with --articles, that many articles recombined from the
// seed's sentences: backup from SQLite, file size, restore into a new SQLite file, into PGlite, and
// into the PostgreSQL server given by --database-url (a schema of its own, dropped after).
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { prepareDraftIndexing, saveArticleDraft } from '../src/articles/article.service.ts';
import type { ArticleDraft } from '../src/articles/article.ts';
import { backupDatabase, restoreDatabase } from '../src/backup/backup.service.ts';
import { openDb, type OpenDb } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { progressBar } from '../src/lib/progress.ts';
import { fillWithSiteContent } from '../test/helpers/site-content.ts';
import { tempDir } from '../test/helpers/test-db.ts';
import { localBlobStore } from '../src/uploads/local-blob-store.ts';
import { recombinedArticles } from './search-corpus.ts';
import { SEED_FILE, writingFor } from '../test/helpers/seed.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '0' }, 'database-url': { type: 'string' } } });
const articleCount = Number(values.articles);
const dir = tempDir('zhaoshang-backup-bench-');
const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(2);
const mb = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(0)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);

async function timedRestore(name: string, target: OpenDb, file: string): Promise<void> {
  try {
    const started = performance.now();
    let indexing = 0;
    const report = await restoreDatabase(
      target,
      file,
      writingFor(target).searchIndex,
      (task, total) => {
        if (task === 'indexing') indexing = performance.now();
        return progressBar(task, total);
      },
      localBlobStore(join(dir.path, `restored-files-${name.replace(/\W+/gu, '-')}`)),
    );
    const loading = (((indexing || performance.now()) - started) / 1000).toFixed(2);
    console.log(
      `restore into ${name}: ${seconds(started)} s (rows and schema ${loading} s, search index of ${report.indexedArticles} articles ${indexing ? seconds(indexing) : '0.00'} s)`,
    );
  } finally {
    await target.close();
  }
}

try {
  const source = await openDb({ engine: 'sqlite', path: join(dir.path, 'source.db') });
  await migrateToLatest(source.db, source.dialect);
  // The site's attached files in a folder of the bench's own.
  const files = localBlobStore(join(dir.path, 'files'));
  await fillWithSiteContent(source, files);
  const writing = writingFor(source);
  const drafts = [...recombinedArticles(SEED_FILE, articleCount)];
  const bar = progressBar('importing', drafts.length);
  for (let start = 0; start < drafts.length; start += 500) {
    const batch: ArticleDraft[] = drafts.slice(start, start + 500);
    prepareDraftIndexing(writing, batch);
    await source.db.transaction().execute(async (trx) => {
      for (const draft of batch) await saveArticleDraft(trx, writing, draft);
    });
    bar.update(start + batch.length);
  }
  await writing.searchIndex.endPreparing();
  bar.finish();
  const file = join(dir.path, 'site.jsonl.gz');
  const started = performance.now();
  const counts = await backupDatabase(source, file, { progress: (task, total) => progressBar(task, total), blobs: files });
  await source.close();
  const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  console.log(`site: ${counts.article} articles, ${rows} rows; SQLite file ${mb(statSync(join(dir.path, 'source.db')).size)}`);
  console.log(`backup from SQLite: ${seconds(started)} s, file ${mb(statSync(file).size)}`);

  await timedRestore('a new SQLite file', await openDb({ engine: 'sqlite', path: join(dir.path, 'restored.db') }), file);
  await timedRestore('PGlite', await openDb({ engine: 'pglite', path: join(dir.path, 'pglite') }), file);
  const url = values['database-url'];
  if (url) {
    const schema = `backup_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    try {
      const withSchema = new URL(url);
      withSchema.search = `options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      await timedRestore('the PostgreSQL server', await openDb({ engine: 'postgres', url: withSchema.toString() }), file);
      const target = await openDb({ engine: 'postgres', url: withSchema.toString() });
      const again = performance.now();
      await backupDatabase(target, join(dir.path, 'from-postgres.jsonl.gz'), { blobs: files });
      console.log(`backup from the PostgreSQL server: ${seconds(again)} s, file ${mb(statSync(join(dir.path, 'from-postgres.jsonl.gz')).size)}`);
      await target.close();
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  }
} finally {
  dir.remove();
}
