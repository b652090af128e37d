// `zhaoshang backup` of a database that is being written to, restored with `zhaoshang restore`
// into the other engine (SQLite → PostgreSQL via PGlite, PostgreSQL server → SQLite): the
// restored database holds the source's rows exactly as they were at one moment. A writer
// publishes contributions (each publication writes the article, the contribution, the audit log
// and the content version in one transaction) from before the backup starts until after it ends.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMMAND_LINE } from '../src/audit/audit.service.ts';
import { openDb } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { publishSubmission, submitContribution } from '../src/submissions/submission.service.ts';
import { PROJECT_ROOT } from './helpers/processes.ts';
import { writingFor } from './helpers/seed.ts';
import { serverEngines } from './helpers/server-db.ts';
import { fillWithSiteContent } from './helpers/site-content.ts';
import { tableContents } from './helpers/table-contents.ts';
import { tempDir } from './helpers/test-db.ts';
import { BACKUP_TABLES } from '../src/backup/backup-tables.ts';
import { localBlobStore } from '../src/uploads/local-blob-store.ts';

type Rows = Record<string, Array<Record<string, unknown>>>;

const AUDIT_FILLER = 30_000;

/** Runs `zhaoshang ARGS` with DATABASE_URL and UPLOAD_DIR; resolves to its exit code and output. */
function cli(args: string[], databaseUrl: string, uploadDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/zhaoshang.js', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, UPLOAD_DIR: uploadDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** A row's identity: the key columns its table's backup entry declares. */
const keyColumns = new Map(BACKUP_TABLES.map((table) => [table.name, table.key]));
function keyOf(table: string, row: Record<string, unknown>): string {
  const columns = keyColumns.get(table);
  if (!columns) throw new Error(`${table} is not in the backup's table list`);
  return JSON.stringify(columns.map((column) => row[column]));
}

for (const engine of serverEngines()) {
  describe(`backup of ${engine.name} while it is written to`, { skip: engine.skip }, () => {
    it('restores into the other engine exactly the rows of one moment, each publication wholly or not at all', async (t) => {
      const database = await engine.create();
      const dir = tempDir();
      const source = await database.open();
      try {
        await migrateToLatest(source.db, source.dialect);
        const admin = await fillWithSiteContent(source, localBlobStore(join(dir.path, 'uploads')));
        // A long audit log, read after the articles and contributions: the backup takes long
        // enough that many publications commit while it reads.
        for (let batch = 0; batch < AUDIT_FILLER / 1000; batch += 1) {
          const entries = Array.from({ length: 1000 }, (_, i) => ({
            at: new Date(Date.UTC(2025, 0, 1) + (batch * 1000 + i) * 60_000).toISOString(),
            user_id: admin.id,
            user_name: admin.name,
            action: 'article.update',
            target_type: 'article',
            target_id: '1',
            before: '{"title":"旧标题"}',
            after: '{"title":"新标题"}',
            client: '192.0.2.1',
          }));
          await source.db.insertInto('audit_log').values(entries).execute();
        }
        const writing = writingFor(source);
        const versionBefore = Number((await source.db.selectFrom('content_version').select('version').executeTakeFirstOrThrow()).version);

        // The writer: contribution n is submitted, then published; ids in the order written.
        const written: number[] = [];
        let stopAfter: number | undefined;
        let failure: unknown;
        const writer = (async () => {
          for (let n = 1; stopAfter === undefined || n <= stopAfter; n += 1) {
            await submitContribution(source.db, {
              title: `备份期间的投稿 ${n}`,
              body: '备份期间写入的投稿正文,讲招商动态。',
              channel: 'honggutan',
              name: '孙八',
              contact: '13500135000',
              consent: 'yes',
            });
            const { id } = await source.db.selectFrom('submission').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
            written.push(Number(id));
            await publishSubmission(source.db, writing, admin, COMMAND_LINE, Number(id));
            // SQLite answers synchronously: without this the loop would never let the event loop run.
            await new Promise((resolve) => setImmediate(resolve));
          }
        })().catch((error: unknown) => (failure = error));
        while (written.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
        const writtenBeforeBackup = written.length;

        const file = join(dir.path, 'site.jsonl.gz');
        const backup = await cli(['backup', file], database.url, join(dir.path, 'uploads'));
        assert.equal(backup.code, 0, backup.output);
        assert.match(backup.output, new RegExp(`^backed up \\d+ rows of ${BACKUP_TABLES.length} tables \\(\\d+ articles\\) to .* in \\d+\\.\\d s$`, 'm'));
        // One more publication after the backup has ended, then the writer stops.
        stopAfter = written.length + 1;
        await writer;
        if (failure) throw failure;

        const targetUrl = engine.name === 'sqlite' ? `pglite:${join(dir.path, 'restored-pglite')}` : join(dir.path, 'restored.db');
        const restore = await cli(['restore', file], targetUrl, join(dir.path, 'restored-uploads'));
        assert.equal(restore.code, 0, restore.output);
        assert.match(restore.output, / and 4 files from /u, 'the attached files went into the new store, checked by hash');
        const target = await openDb(
          engine.name === 'sqlite' ? { engine: 'pglite', path: join(dir.path, 'restored-pglite') } : { engine: 'sqlite', path: targetUrl },
        );
        let restored: Rows;
        try {
          restored = await tableContents(target.db);
        } finally {
          await target.close();
        }
        const current = await tableContents(source.db);
        const versionAfter = Number(current.content_version![0]!.version);

        // The writer's contributions in the backup are the first k written; all but perhaps the
        // last are published, with their articles and audit records.
        const restoredIds = restored.submission!.map((row) => Number(row.id)).filter((id) => written.includes(id));
        const k = restoredIds.length;
        assert.deepEqual(restoredIds, written.slice(0, k), 'a prefix of what was written');
        assert.ok(
          k >= writtenBeforeBackup && k < written.length,
          `the backup began after ${writtenBeforeBackup} and ended before ${written.length} contributions (has ${k})`,
        );
        const publishedIds = restored.submission!.filter((row) => written.includes(Number(row.id)) && row.status === 'published').map((row) => Number(row.id));
        assert.ok(publishedIds.length === k || publishedIds.length === k - 1, `published ${publishedIds.length} of ${k}`);
        const writerArticles = new Set(current.submission!.filter((row) => written.includes(Number(row.id))).map((row) => Number(row.article_id)));
        const restoredArticles = restored.article!.filter((row) => writerArticles.has(Number(row.id)));
        const restoredAudit = restored.audit_log!.filter((row) => row.target_type === 'submission' && written.includes(Number(row.target_id)));
        assert.deepEqual([restoredArticles.length, restoredAudit.length], [publishedIds.length, publishedIds.length], 'each publication wholly or not at all');
        const versionPerPublication = (versionAfter - versionBefore) / written.length;
        assert.equal(
          Number(restored.content_version![0]!.version),
          versionBefore + versionPerPublication * publishedIds.length,
          'the content version of that moment',
        );

        t.diagnostic(`${written.length} contributions written, ${writtenBeforeBackup} before the backup began, ${k} in it`);

        // Row by row: every restored row is the source's row (the last contribution perhaps still
        // pending), and every source row not restored is one the writer wrote after that moment.
        const isWriterRow = (table: string, row: Record<string, unknown>) =>
          (table === 'submission' && written.includes(Number(row.id))) ||
          (table === 'article' && writerArticles.has(Number(row.id))) ||
          (table === 'audit_log' && row.target_type === 'submission' && written.includes(Number(row.target_id))) ||
          ((table === 'indicator_fact' || table === 'project_source') && writerArticles.has(Number(row.article_id)));
        for (const [table, rows] of Object.entries(current)) {
          if (table === 'content_version') continue;
          const sourceRows = new Map(rows.map((row) => [keyOf(table, row), row]));
          for (const row of restored[table]!) {
            const original = sourceRows.get(keyOf(table, row));
            const pending = table === 'submission' && row.status === 'pending' && original?.status === 'published' && written.includes(Number(row.id));
            assert.deepEqual(row, pending ? { ...original, status: 'pending', article_id: null, closed_at: null } : original, `${table} ${keyOf(table, row)}`);
          }
          const restoredKeys = new Set(restored[table]!.map((row) => keyOf(table, row)));
          for (const row of rows)
            if (!restoredKeys.has(keyOf(table, row))) assert.ok(isWriterRow(table, row), `${table} ${keyOf(table, row)} is missing from the restore`);
        }
      } finally {
        await source.close();
        await database.remove();
        dir.remove();
      }
    });
  });
}
