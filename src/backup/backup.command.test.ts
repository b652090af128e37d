import assert from 'node:assert/strict';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { it } from 'node:test';
import { loadConfig } from '../config.ts';
import { importSeedFile } from '../importer/importer.service.ts';
import { articleWriting, openMigratedDb } from '../prepare.ts';
import { SEED_FILE } from '../../test/helpers/seed.ts';
import { tempDir } from '../../test/helpers/test-db.ts';
import { runBackupCommand, runRestoreCommand } from './backup.command.ts';
import { BACKUP_TABLES } from './backup-tables.ts';

function output() {
  let text = '';
  const stream = Object.assign(new PassThrough(), { write: (chunk: string) => ((text += chunk), true) });
  return { stream, text: () => text };
}

async function run(command: typeof runBackupCommand, databaseUrl: string, args: string[]) {
  const [out, errors] = [output(), output()];
  // The file store beside the database, never the working folder's data/uploads.
  const config = loadConfig({ DATABASE_URL: databaseUrl, UPLOAD_DIR: join(dirname(databaseUrl), 'uploads') });
  const code = await command(config, args, out.stream, errors.stream);
  return { code, out: out.text(), errors: errors.text() };
}

it('zhaoshang backup and restore: usage, refusals with their reasons, and exit codes', async () => {
  const dir = tempDir();
  try {
    const source = join(dir.path, 'portal.db');
    const opened = await openMigratedDb(loadConfig({ DATABASE_URL: source }));
    await importSeedFile(opened.db, articleWriting(opened), SEED_FILE);
    await opened.close();
    const file = join(dir.path, 'site.jsonl.gz');

    assert.equal((await run(runBackupCommand, source, [])).code, 2);
    const wrongDatabase = await run(runBackupCommand, join(dir.path, 'typo.db'), [file]);
    assert.deepEqual(
      [wrongDatabase.code, wrongDatabase.errors],
      [1, 'zhaoshang backup: the database has no tables: is DATABASE_URL the one the site serves?\n'],
    );
    assert.ok(!existsSync(file));
    const made = await run(runBackupCommand, source, [file]);
    assert.equal(made.code, 0, made.errors);
    // Every table the backup list names, whatever features add to it.
    const report = new RegExp(
      `^backed up \\d+ rows of ${BACKUP_TABLES.length} tables \\(10 articles\\) to .*site\\.jsonl\\.gz \\(0\\.\\d MB\\) in \\d+\\.\\d s\\n$`,
    );
    assert.match(made.out, report);
    assert.equal(statSync(file).mode & 0o777, 0o600, 'only its owner can read it');
    const again = await run(runBackupCommand, source, [file]);
    assert.deepEqual([again.code, again.errors], [1, `zhaoshang backup: ${file} already exists; choose another name, or pass --force to replace it\n`]);
    assert.equal((await run(runBackupCommand, source, [file, '--force'])).code, 0);
    assert.ok(!existsSync(`${file}.partial`));

    const target = join(dir.path, 'restored.db');
    assert.equal((await run(runRestoreCommand, target, [])).code, 2);
    const restored = await run(runRestoreCommand, target, [file]);
    assert.equal(restored.code, 0, restored.errors);
    assert.match(
      restored.out,
      new RegExp(`^restored \\d+ rows of ${BACKUP_TABLES.length} tables \\(10 articles\\) and 0 files from .* and indexed 10 articles in \\d+\\.\\d s\\n$`),
    );
    const twice = await run(runRestoreCommand, target, [file]);
    assert.equal(twice.code, 1);
    assert.match(
      twice.errors,
      /^zhaoshang restore: the target database is not empty \(article: 10 rows, .*\); a restore never overwrites: restore into a new, empty database\n$/,
    );
    const missing = await run(runRestoreCommand, join(dir.path, 'other.db'), [join(dir.path, 'nope.gz')]);
    assert.deepEqual([missing.code, missing.errors], [1, `zhaoshang restore: ${join(dir.path, 'nope.gz')}: no such file\n`]);
    assert.ok(!existsSync(join(dir.path, 'other.db')), 'no database was created');
    writeFileSync(join(dir.path, 'notes.txt'), 'not a backup');
    const wrong = await run(runRestoreCommand, join(dir.path, 'other.db'), [join(dir.path, 'notes.txt')]);
    assert.equal(wrong.code, 1);
    assert.match(wrong.errors, /is damaged or cut short \(incorrect header check\); nothing was restored from it/);
  } finally {
    dir.remove();
  }
});
