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
        for await (const hash of store.list()) listed.push(hash);
        assert.deepEqual(listed.sort(), [first, second].sort());
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
