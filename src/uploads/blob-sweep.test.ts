// The sweep of stored files, on every engine and both stores (a folder, S3 via s3rver): files no
// attachment names go once their grace period is over; files still named, files put within the
// grace period (an upload in flight) and everything while a backup runs are kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_STORE_KINDS } from '../../test/helpers/blob-stores.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { imageFile, pdfFile } from '../../test/helpers/upload-files.ts';
import type { ConsoleUser } from '../accounts/account.ts';
import { saveEditedArticle } from '../articles/article-editing.service.ts';
import { deleteArticle } from '../articles/article.service.ts';
import { siteMetaValue } from '../db/site-state.store.ts';
import { referencedBlobs, removeAttachment, uploadAttachment } from './attachment.service.ts';
import { BACKUP_RUNNING_KEY, holdingBlobs, SWEEP_GRACE_MS, sweepUnattachedBlobs } from './blob-sweep.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const ACTOR = { userId: null, userName: 'admin', client: '192.0.2.9' };
const ARTICLE = { title: '西湖区园区招商', channel: 'xihu', publishedOn: '2026-03-02', status: 'published' as const, publishAt: null, body: '园区介绍。' };

for (const dialect of testDialects()) {
  for (const kind of TEST_STORE_KINDS) {
    describe(`the file sweep on ${dialect.name} with the ${kind.name} store`, () => {
      it('deletes only files no attachment names, put before the grace period, and none while a backup runs', async () => {
        const opened = await kind.open();
        if ('skipped' in opened) return;
        try {
          await withTestDb(dialect, async (database) => {
            const { db } = database;
            const blobs = opened.store;
            const uploads = { blobs, maxBytes: 1_000_000 };
            const writing = writingFor(database);
            const attach = async (articleId: number, name: string, bytes: Buffer) => {
              const uploaded = await uploadAttachment(db, uploads, ADMIN, ACTOR, { ownerKind: 'article', ownerId: articleId }, { name, bytes });
              assert.ok(typeof uploaded === 'object' && 'id' in uploaded);
              return uploaded.id;
            };
            const kept = (await saveEditedArticle(db, writing, ADMIN, ACTOR, undefined, ARTICLE)) as number;
            const doomed = (await saveEditedArticle(db, writing, ADMIN, ACTOR, undefined, { ...ARTICLE, title: '将删除的文章' })) as number;
            await attach(kept, '园区.png', await imageFile('png', 1000, 600));
            await attach(kept, '简介.pdf', pdfFile('Kept'));
            const removed = await attach(kept, '旧版.pdf', pdfFile('Removed'));
            assert.notEqual(await removeAttachment(db, ADMIN, ACTOR, removed), 'not_found');
            await attach(doomed, '议程.pdf', pdfFile('Deleted with its article'));
            await attach(doomed, '会场.png', await imageFile('png', 700, 500));
            await db.transaction().execute((trx) => deleteArticle(trx, writing, doomed, ACTOR));
            // An upload in flight: its blob is put, its row not yet written.
            const inFlight = await blobs.put(pdfFile('In flight'));

            const named = await referencedBlobs(db);
            assert.equal(named.length, 4, 'the picture, its 480 and 960 copies, and the PDF');
            const stored = async () => {
              const hashes: string[] = [];
              for await (const blob of blobs.list()) hashes.push(blob.hash);
              return hashes.sort();
            };
            const before = await stored();
            assert.equal(before.length, 4 + 1 + 3 + 1, 'named, removed, the deleted article’s PDF and picture with its copy, in flight');

            // Within the grace period nothing goes, the upload in flight included.
            assert.deepEqual(await sweepUnattachedBlobs(db, blobs, new Date()), { deleted: 0, kept: before.length });
            assert.deepEqual(await stored(), before);

            const later = new Date(Date.now() + SWEEP_GRACE_MS + 60_000);
            // A backup running holds everything off; when it ends its mark is gone.
            const whileBackingUp = await holdingBlobs(db, () => sweepUnattachedBlobs(db, blobs, later), new Date(later.getTime() - 60_000));
            assert.deepEqual(whileBackingUp, { skipped: 'backup_running' });
            assert.equal(await siteMetaValue(db, BACKUP_RUNNING_KEY), undefined);
            assert.deepEqual(await stored(), before);

            // After it: the removed file and the deleted article's files go, the named ones stay.
            assert.deepEqual(await sweepUnattachedBlobs(db, blobs, later), { deleted: before.length - named.length, kept: named.length });
            assert.deepEqual(await stored(), [...named].sort());
            assert.equal(await blobs.has(inFlight), false, 'never named within a day: gone too');
            // Sweeping again changes nothing.
            assert.deepEqual(await sweepUnattachedBlobs(db, blobs, later), { deleted: 0, kept: named.length });
          });
        } finally {
          await opened.close();
        }
      });
    });
  }
}
