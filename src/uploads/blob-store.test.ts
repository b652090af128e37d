// The same suite on each store: a folder on this machine and a real S3 server (s3rver).
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TEST_STORE_KINDS, type TestBlobStore } from '../../test/helpers/blob-stores.ts';
import { blobHashOf, readBlob } from './blob-store.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

for (const kind of TEST_STORE_KINDS) {
  describe(`blob store: ${kind.name}`, () => {
    const withStore = async (run: (opened: TestBlobStore) => Promise<void>) => {
      const opened = await kind.open();
      if ('skipped' in opened) return;
      try {
        await run(opened);
      } finally {
        await opened.close();
      }
    };

    test('keeps bytes under their SHA-256 and gives them back whole or by range', () =>
      withStore(async ({ store }) => {
        const content = bytes('政策文件附件 0123456789');
        const hash = await store.put(content);
        assert.equal(hash, blobHashOf(content));
        assert.match(hash, /^[0-9a-f]{64}$/u);
        assert.equal(await store.has(hash), true);
        assert.deepEqual(await readBlob(store, hash), Buffer.from(content));
        const part = await store.get(hash, { start: 3, end: 8 });
        const chunks: Buffer[] = [];
        for await (const chunk of part!) chunks.push(Buffer.from(chunk as Uint8Array));
        assert.deepEqual(Buffer.concat(chunks), Buffer.from(content).subarray(3, 9));
      }));

    test('the same bytes twice are one blob; different bytes are another', () =>
      withStore(async ({ store }) => {
        const first = await store.put(bytes('a'));
        assert.equal(await store.put(bytes('a')), first);
        const second = await store.put(bytes('b'));
        assert.notEqual(second, first);
        const listed: string[] = [];
        for await (const { hash } of store.list()) listed.push(hash);
        assert.deepEqual(listed.sort(), [first, second].sort());
      }));

    test('putting the same bytes again makes their time of storing now, which the listing tells too', () =>
      withStore(async ({ store }) => {
        const hash = await store.put(bytes('again'));
        const first = await store.storedAt(hash);
        assert.ok(first && Math.abs(first.getTime() - Date.now()) < 60_000);
        // S3 tells LastModified to the second.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        await store.put(bytes('again'));
        const second = await store.storedAt(hash);
        assert.ok(second!.getTime() > first.getTime(), `${second?.toISOString()} after ${first.toISOString()}`);
        const listed: Array<{ hash: string; storedAt: Date }> = [];
        for await (const blob of store.list()) listed.push(blob);
        assert.deepEqual(
          listed.map((blob) => [blob.hash, Math.floor(blob.storedAt.getTime() / 1000)]),
          [[hash, Math.floor(second!.getTime() / 1000)]],
        );
        assert.equal(await store.storedAt(blobHashOf(bytes('never stored'))), undefined);
      }));

    test('an unknown blob is absent, deleting removes it, and a name that is not a hash is refused', () =>
      withStore(async ({ store }) => {
        const unknown = blobHashOf(bytes('never stored'));
        assert.equal(await store.has(unknown), false);
        assert.equal(await store.get(unknown), undefined);
        const hash = await store.put(bytes('to delete'));
        await store.delete(hash);
        assert.equal(await store.has(hash), false);
        await store.delete(hash);
        await assert.rejects(store.has('../../etc/passwd'), /not a blob hash/u);
      }));

    if (kind.name === 'local') {
      test('files are fanned out by hash, mode 0644 with no execute bit, and no temporary file is left', () =>
        withStore(async ({ store, dir }) => {
          const hash = await store.put(bytes('#!/bin/sh\necho hi\n'));
          const path = join(dir!, hash.slice(0, 2), hash.slice(2, 4), hash);
          assert.equal(statSync(path).mode & 0o777, 0o644);
          assert.deepEqual(readdirSync(join(dir!, '.incoming')), []);
        }));
    }
  });
}
