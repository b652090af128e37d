// Deleting an item takes its attachments with it, in the same transaction, each removal audited;
// a deletion rolled back keeps them. On every engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openLocalTestStore } from '../../test/helpers/blob-stores.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { imageFile, pdfFile } from '../../test/helpers/upload-files.ts';
import type { ConsoleUser } from '../accounts/account.ts';
import { saveEditedArticle } from '../articles/article-editing.service.ts';
import { deleteArticle } from '../articles/article.service.ts';
import { attachmentsOf, uploadAttachment } from './attachment.service.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const ACTOR = { userId: null, userName: 'admin', client: '192.0.2.7' };
const ARTICLE = {
  title: '东湖区楼宇招商推介会',
  channel: 'donghu',
  publishedOn: '2026-03-02',
  status: 'published' as const,
  publishAt: null,
  body: '推介会将于三月举行。',
};

for (const dialect of testDialects()) {
  describe(`deleting an article with attachments on ${dialect.name}`, () => {
    it('removes its attachment rows and web copies with it, audited; a rolled-back deletion keeps them', async () => {
      const blobs = openLocalTestStore();
      try {
        await withTestDb(dialect, async (opened) => {
          const { db } = opened;
          const writing = writingFor(opened);
          const uploads = { blobs: blobs.store, maxBytes: 1_000_000 };
          const save = async () => {
            const id = await saveEditedArticle(db, writing, ADMIN, ACTOR, undefined, ARTICLE);
            assert.equal(typeof id, 'number');
            for (const file of [
              { name: '议程.pdf', bytes: pdfFile('Agenda') },
              { name: '会场.png', bytes: await imageFile('png', 1000, 600) },
            ])
              assert.equal(typeof (await uploadAttachment(db, uploads, ADMIN, ACTOR, { ownerKind: 'article', ownerId: id as number }, file)), 'object');
            return id as number;
          };
          const kept = await save();
          const deleted = await save();
          const rowCount = async (table: 'attachment' | 'attachment_variant') =>
            Number(
              (
                await db
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            );
          assert.deepEqual([await rowCount('attachment'), await rowCount('attachment_variant')], [4, 4]);

          // Rolled back: the article and its files are all still there.
          await assert.rejects(
            db.transaction().execute(async (trx) => {
              assert.equal(await deleteArticle(trx, writing, deleted, ACTOR), true);
              throw new Error('changed my mind');
            }),
            /changed my mind/u,
          );
          assert.equal((await attachmentsOf(db, 'article', deleted)).length, 2);

          assert.equal(await db.transaction().execute((trx) => deleteArticle(trx, writing, deleted, ACTOR)), true);
          assert.deepEqual(await attachmentsOf(db, 'article', deleted), []);
          assert.deepEqual([await rowCount('attachment'), await rowCount('attachment_variant')], [2, 2], 'the other article keeps its files and web copies');
          assert.equal((await attachmentsOf(db, 'article', kept)).length, 2);
          const audit = await db
            .selectFrom('audit_log')
            .select(['action', 'target_type', 'target_id', 'channel', 'user_name'])
            .where('action', '=', 'attachment.remove')
            .orderBy('id')
            .execute();
          assert.deepEqual(
            audit.map((entry) => `${entry.action} ${entry.target_type} ${entry.target_id} ${entry.channel} ${entry.user_name}`),
            [`attachment.remove article ${deleted} donghu admin`, `attachment.remove article ${deleted} donghu admin`],
          );
        });
      } finally {
        await blobs.close();
      }
    });
  });
}
