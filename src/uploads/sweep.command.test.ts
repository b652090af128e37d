// `zhaoshang sweep-files` on a SQLite file and a local store: deletes an old file no attachment
// names, keeps a fresh one, says what it did, and refuses arguments.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { it } from 'node:test';
import { loadConfig } from '../config.ts';
import { openMigratedDb } from '../prepare.ts';
import { tempDir } from '../../test/helpers/test-db.ts';
import { localBlobStore } from './local-blob-store.ts';
import { runSweepFilesCommand } from './sweep.command.ts';

function output() {
  let text = '';
  const stream = Object.assign(new PassThrough(), { write: (chunk: string) => ((text += chunk), true) });
  return { stream, text: () => text };
}

it('zhaoshang sweep-files deletes files no attachment names put over a day ago, and says so', async () => {
  const dir = tempDir();
  try {
    const uploads = join(dir.path, 'uploads');
    const config = loadConfig({ DATABASE_URL: join(dir.path, 'portal.db'), UPLOAD_DIR: uploads });
    await (await openMigratedDb(config)).close();
    const store = localBlobStore(uploads);
    const old = await store.put(new TextEncoder().encode('removed long ago'));
    const fresh = await store.put(new TextEncoder().encode('an upload in flight'));
    const path = (hash: string) => join(uploads, hash.slice(0, 2), hash.slice(2, 4), hash);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await utimes(path(old), twoDaysAgo, twoDaysAgo);

    const [out, errors] = [output(), output()];
    assert.equal(await runSweepFilesCommand(config, ['--now'], out.stream, errors.stream), 2);
    assert.match(errors.text(), /Usage: zhaoshang sweep-files/u);
    assert.equal(await runSweepFilesCommand(config, [], out.stream, errors.stream), 0);
    assert.equal(out.text(), 'deleted 1 files no attachment names (last put more than 24 h ago); kept 1\n');
    assert.deepEqual([existsSync(path(old)), existsSync(path(fresh))], [false, true]);
  } finally {
    dir.remove();
  }
});
