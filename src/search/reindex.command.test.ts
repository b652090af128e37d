import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { it } from 'node:test';
import { loadConfig } from '../config.ts';
import { importSeedFile } from '../importer/importer.service.ts';
import { articleWriting, openMigratedDb } from '../prepare.ts';
import { SEED_FILE } from '../../test/helpers/seed.ts';
import { tempDir } from '../../test/helpers/test-db.ts';
import { runReindexCommand } from './reindex.command.ts';

it('zhaoshang reindex rebuilds a damaged index and every related list, and reports the counts', async () => {
  const dir = tempDir();
  try {
    const config = loadConfig({ DATABASE_URL: join(dir.path, 'portal.db') });
    const opened = await openMigratedDb(config);
    const { searchIndex } = articleWriting(opened);
    await importSeedFile(opened.db, articleWriting(opened), SEED_FILE);
    for (const id of await searchIndex.indexedIds(opened.db, 0, 100)) await searchIndex.remove(opened.db, id);
    await opened.close();

    let output = '';
    const out = new Writable({ write: (chunk, _encoding, done) => ((output += String(chunk)), done()) });
    assert.equal(await runReindexCommand(config, out), 0);
    assert.match(output, /^indexed 10 articles in \d+\.\d s\ncomputed 10 related-article lists in \d+\.\d s\n$/);

    const reopened = await openMigratedDb(config);
    assert.equal((await searchIndex.indexedIds(reopened.db, 0, 100)).length, 10);
    assert.equal(await searchIndex.pendingRelatedCount(reopened.db), 0);
    assert.ok((await searchIndex.storedRelatedIds(reopened.db, 1))!.length > 0);
    await reopened.close();
  } finally {
    dir.remove();
  }
});
