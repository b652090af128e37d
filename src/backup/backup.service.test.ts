import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { saveEditedArticle } from '../articles/article-editing.service.ts';
import type { OpenDb } from '../db/connect.ts';
import { isQueryProblem, parseQuery } from '../search/search-query.ts';
import { searchArticles } from '../search/search.service.ts';
import { submitContribution } from '../submissions/submission.service.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { fillWithSiteContent } from '../../test/helpers/site-content.ts';
import { tableContents } from '../../test/helpers/table-contents.ts';
import { tempDir, testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { BackupRefused, readBackupFile, writeBackupFile, type BackupItem } from './backup-file.ts';
import { BACKUP_TABLES } from './backup-tables.ts';
import { backupDatabase, restoreDatabase } from './backup.service.ts';
import { openLocalTestStore, openS3TestStore, type TestBlobStore } from '../../test/helpers/blob-stores.ts';
import { testUploads } from '../../test/helpers/test-app.ts';
import { blobHashOf, readBlob, type BlobStore } from '../uploads/blob-store.ts';
import { referencedBlobs } from '../uploads/attachment.service.ts';

const restore = (opened: OpenDb, file: string, blobs?: BlobStore) => restoreDatabase(opened, file, writingFor(opened).searchIndex, undefined, blobs);

/** Every file the restored attachments name is in `store`, its bytes those its hash names. */
async function assertFilesRestored(opened: OpenDb, store: BlobStore, message: string): Promise<number> {
  const hashes = await referencedBlobs(opened.db);
  for (const hash of hashes) {
    const bytes = await readBlob(store, hash);
    assert.ok(bytes, `${hash} restored (${message})`);
    assert.equal(blobHashOf(bytes), hash, message);
  }
  return hashes.length;
}

/** A store of the kind the n-th target restores into: local, then S3 (s3rver), alternately. */
async function targetStore(n: number): Promise<TestBlobStore> {
  const s3 = n % 2 === 1 ? await openS3TestStore() : undefined;
  return s3 && !('skipped' in s3) ? s3 : openLocalTestStore();
}

async function searchTitles(opened: OpenDb, text: string): Promise<string[]> {
  const index = writingFor(opened).searchIndex;
  const query = parseQuery(text, index.segmenter);
  if (isQueryProblem(query)) assert.fail(query.message);
  return (await searchArticles(opened.db, index, query, { page: 1 })).hits.map((hit) => hit.title);
}

/** Copies a backup file item by item through `edit`, with a trailer that fits (a backup as another version wrote it). */
/** The backup at `from` with each item edited, or left out where `edit` gives undefined. */
async function rewritten(from: string, to: string, edit: (item: BackupItem) => BackupItem | undefined): Promise<string> {
  async function* edited(): AsyncGenerator<BackupItem> {
    for await (const item of readBackupFile(from)) {
      const result = edit(item);
      if (result) yield result;
    }
  }
  await writeBackupFile(to, edited());
  return to;
}

for (const source of testDialects()) {
  describe(`backup of ${source.name}`, () => {
    it('restores every row of every table on every engine; search, new contributions and new articles work after', () =>
      withTestDb(source, async (opened) => {
        const admin = await fillWithSiteContent(opened);
        const dir = tempDir();
        try {
          const file = join(dir.path, 'site.jsonl.gz');
          // Two rows a query, so every table is read in several pages, keys of two columns and of text too.
          const counts = await backupDatabase(opened, file, { batchSize: 2, blobs: testUploads.blobs });
          const expected = await tableContents(opened.db);
          for (const table of BACKUP_TABLES) assert.ok(expected[table.name]!.length > 0, `the site content fills ${table.name}`);
          assert.deepEqual(counts, Object.fromEntries(Object.entries(expected).map(([name, rows]) => [name, rows.length])));
          const nextArticleId = await opened.dialect.nextAutoNumber(opened.db, 'article', 'id');
          assert.ok(nextArticleId > Math.max(...expected.article!.map((row) => Number(row.id))) + 1, 'the deleted article had the highest id');

          for (const [n, target] of testDialects().entries()) {
            const files = await targetStore(n);
            await withTestDb(
              target,
              async (restored) => {
                const report = await restore(restored, file, files.store);
                assert.deepEqual(await tableContents(restored.db), expected, `${source.name} → ${target.name}`);
                // A PDF, a photo and the photo's two web copies, into an empty store of either kind.
                const restoredFiles = await assertFilesRestored(restored, files.store, `${source.name} → ${target.name} (${files.store.kind})`);
                assert.deepEqual([report.blobs, restoredFiles], [4, 4]);
                assert.equal(report.indexedArticles, expected.article!.filter((row) => row.status === 'published').length);
                assert.deepEqual(await searchTitles(restored, '推介会'), ['南昌市举办数字经济招商推介会']);
                assert.ok((await searchTitles(restored, '富士康')).length > 0);

                // New rows get numbers after the restored ones, and never a deleted article's.
                await submitContribution(restored.db, {
                  title: '恢复之后的投稿',
                  body: '恢复之后写的投稿正文。',
                  channel: 'xihu',
                  name: '钱七',
                  contact: '13600136000',
                  consent: 'yes',
                });
                const newest = await restored.db.selectFrom('submission').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
                assert.equal(Number(newest.id), Math.max(...expected.submission!.map((row) => Number(row.id))) + 1);
                const edited = {
                  title: '恢复之后的文章',
                  channel: 'city',
                  publishedOn: '2026-02-01',
                  status: 'published' as const,
                  body: '恢复之后写的文章。',
                  publishAt: null,
                };
                assert.equal(
                  await saveEditedArticle(restored.db, writingFor(restored), admin, { userId: admin.id, userName: admin.name }, undefined, edited),
                  nextArticleId,
                );
              },
              { migrate: false },
            );
            await files.close();
          }
        } finally {
          dir.remove();
        }
      }));

    it('refuses a file cut short, changed or of another kind, and a target that holds data, leaving the target as it was', () =>
      withTestDb(source, async (opened) => {
        await fillWithSiteContent(opened);
        const dir = tempDir();
        try {
          const file = join(dir.path, 'site.jsonl.gz');
          const emptyStore = openLocalTestStore();
          await assert.rejects(backupDatabase(opened, file), /the attachments name 4 files, but no file store was given/);
          await assert.rejects(
            backupDatabase(opened, file, { blobs: emptyStore.store }),
            /the file [0-9a-f]{64} that an attachment names is missing from the local store/,
          );
          await backupDatabase(opened, file, { blobs: testUploads.blobs });
          await assert.rejects(backupDatabase(opened, file, { blobs: testUploads.blobs }), /already exists; choose another name, or pass --force/);
          await backupDatabase(opened, file, { overwrite: true, blobs: testUploads.blobs });
          const whole = readFileSync(file);
          const variant = (name: string, bytes: Buffer | string) => {
            const path = join(dir.path, name);
            writeFileSync(path, bytes);
            return path;
          };
          const lines = gunzipSync(whole).toString('utf8').split('\n');
          const newerSchema = await rewritten(file, join(dir.path, 'newer-schema.gz'), (item) =>
            item.kind === 'header' ? { kind: 'header', header: { ...item.header, migrations: [...item.header.migrations, '2099-01-01T00-00_future'] } } : item,
          );
          const refusals: Array<[string, RegExp]> = [
            [variant('cut.gz', whole.subarray(0, Math.floor(whole.length * 0.6))), /is damaged or cut short \(unexpected end of file\)/],
            [variant('cut-at-a-line.gz', gzipSync(lines.slice(0, -3).join('\n'))), /ends before its trailer: it was cut short/],
            [
              variant('changed.gz', gzipSync(lines.join('\n').replace('南昌市举办数字经济招商推介会', '南昌市举办数字经济招商推介活动'))),
              /the checksum does not match/,
            ],
            [
              variant(
                'row-dropped.gz',
                gzipSync(lines.filter((line, i) => !(i > 0 && line.startsWith('[') && lines[i - 1]!.startsWith('{"table":"submission"'))).join('\n')),
              ),
              /the row counts do not match/,
            ],
            [variant('mistyped.gz', gzipSync(lines.join('\n').replace(/^\[1,"/mu, '["one","'))), /is integer, the row has "one"/],
            [variant('plain.txt', 'id,title\n1,标题\n'), /is damaged or cut short \(incorrect header check\)/],
            [variant('other.gz', gzipSync('{"hello":"world"}\n')), /line 1: not a zhaoshang backup/],
            [variant('newer.gz', gzipSync(lines.join('\n').replace('"version":2', '"version":3'))), /backup format version 3, this version reads 1 and 2/],
            [
              variant(
                'file-changed.gz',
                gzipSync(
                  lines
                    .map((line) =>
                      line.startsWith('{"blob"') ? line.replace(/"data":"[^"]*"/u, `"data":"${Buffer.from('not the file').toString('base64')}"`) : line,
                    )
                    .join('\n'),
                ),
              ),
              /the file [0-9a-f]{64} does not have the content its name says/,
            ],
            [
              variant('file-dropped.gz', gzipSync(lines.filter((line, i) => !(line.startsWith('{"blob"') && !lines[i - 1]!.startsWith('{"blob"'))).join('\n'))),
              /the trailer says 4 files, the backup holds 3/,
            ],
            [file, /holds 4 files, but no file store was given to restore them into/],
            [newerSchema, /made by a version with migrations this one does not have \(2099-01-01T00-00_future\)/],
            [join(dir.path, 'missing.gz'), /missing\.gz: no such file/],
          ];
          for (const target of testDialects()) {
            await withTestDb(target, async (empty) => {
              const before = await tableContents(empty.db);
              for (const [path, message] of refusals) {
                await assert.rejects(
                  restore(empty, path),
                  (error: unknown) => error instanceof BackupRefused && message.test(error.message),
                  `${path} on ${target.name}`,
                );
                assert.deepEqual(await tableContents(empty.db), before, `${path} changed nothing on ${target.name}`);
              }
              await restore(empty, file, emptyStore.store);
              const restored = await tableContents(empty.db);
              await assert.rejects(
                restore(empty, file, emptyStore.store),
                /the target database is not empty \(.*article: \d+ rows.*\); a restore never overwrites/,
              );
              assert.deepEqual(await tableContents(empty.db), restored, 'a refused restore writes nothing');
            });
          }
          await emptyStore.close();
        } finally {
          dir.remove();
        }
      }));
  });
}

describe('a backup made by an older version', () => {
  it('is loaded into the schema it was made with, then migrated forward', () =>
    withTestDb(testDialects()[0]!, async (opened) => {
      await fillWithSiteContent(opened);
      const dir = tempDir();
      try {
        const file = join(dir.path, 'site.jsonl.gz');
        await backupDatabase(opened, file, { blobs: testUploads.blobs });
        // As the version before the contribution-key migration wrote it: without that migration and
        // those after it (and the fact, audit, revision, application and message columns they add; a
        // user's one role in app_user, not user_role), and a contribution's article keyed by title
        // and date like an import (which that migration rekeys).
        const { id, article_id: articleId } = await opened.db
          .selectFrom('submission')
          .select(['id', 'article_id'])
          .where('status', '=', 'published')
          .executeTakeFirstOrThrow();
        const roleOf = new Map((await opened.db.selectFrom('user_role').selectAll().execute()).map((row) => [Number(row.user_id), row.role]));
        const laterColumns: Record<string, Set<string>> = {
          indicator_fact: new Set(['place', 'period', 'qualifier', 'confidence', 'confidence_reasons']),
          audit_log: new Set(['channel']),
          article_revision: new Set(['restored_from']),
          enterprise_application: new Set(['tracking_code', 'registration_country', 'registration_number', 'language']),
          contact_message: new Set(['tracking_code', 'about_path']),
          app_user: new Set(['must_change_password']),
        };
        // Tables that version did not have (user_role's rows go into app_user's role).
        const laterTables = new Set([
          'user_role',
          'question',
          'question_transfer',
          'appeal',
          'appeal_event',
          'appeal_extension',
          'notification',
          'notification_email',
          'policy',
          'policy_interpretation',
          'article_english',
          'policy_english',
          'site',
          'attachment',
          'attachment_variant',
        ]);
        let table = '';
        let dropped: number[] = [];
        const older = await rewritten(file, join(dir.path, 'older.jsonl.gz'), (item) => {
          // Format version 1: no files.
          if (item.kind === 'blob') return undefined;
          if (item.kind === 'header')
            return {
              kind: 'header',
              header: {
                ...item.header,
                version: 1,
                migrations: item.header.migrations.slice(0, item.header.migrations.indexOf('2026-11-29T12-10_contribution-article-keys')),
              },
            };
          if (item.kind === 'table') {
            table = item.section.table;
            if (laterTables.has(table)) return undefined;
            const { columns } = item.section;
            dropped = columns.flatMap(([name], i) => (laterColumns[table]?.has(name) ? [i] : []));
            const kept = columns.filter((_, i) => !dropped.includes(i));
            return { kind: 'table', section: { ...item.section, columns: table === 'app_user' ? [...kept, ['role', 'text']] : kept } };
          }
          if (laterTables.has(table)) return undefined;
          const rows = item.rows.map((row) => row.filter((_, i) => !dropped.includes(i)));
          if (table === 'app_user') return { kind: 'rows', rows: rows.map((row) => [...row, roleOf.get(Number(row[0]))]) };
          return { kind: 'rows', rows: rows.map((row) => (row[1] === `submission:${id}` ? [row[0], '2026-01-04|old-style-key', ...row.slice(2)] : row)) };
        });

        for (const target of testDialects()) {
          await withTestDb(
            target,
            async (fresh) => {
              await restore(fresh, older);
              const article = await fresh.db.selectFrom('article').select('source_key').where('id', '=', Number(articleId)).executeTakeFirstOrThrow();
              assert.equal(article.source_key, `submission:${id}`, `the later migrations ran on the restored rows (${target.name})`);
              const facts = await fresh.db.selectFrom('indicator_fact').select(['place', 'confidence']).execute();
              assert.ok(
                facts.length > 0 && facts.every((f) => f.place === null && f.confidence === 'low'),
                `facts restored from before places were read (${target.name})`,
              );
              const codes = await fresh.db.selectFrom('contact_message').select('tracking_code').execute();
              assert.ok(
                codes.length > 0 && codes.every((row) => /^LY-/.test(row.tracking_code)),
                `messages restored from before codes got theirs (${target.name})`,
              );
              const roles = await fresh.db.selectFrom('user_role').selectAll().execute();
              assert.deepEqual(
                new Map(roles.map((row) => [Number(row.user_id), row.role])),
                roleOf,
                `users restored from before roles were sets keep their role (${target.name})`,
              );
            },
            { migrate: false },
          );
          await withTestDb(target, async (migrated) => {
            await assert.rejects(restore(migrated, older), /the target database has a newer schema than the backup/);
          });
        }
      } finally {
        dir.remove();
      }
    }));
});
