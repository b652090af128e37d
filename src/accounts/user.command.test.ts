import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { it } from 'node:test';
import { loadConfig } from '../config.ts';
import { openMigratedDb } from '../prepare.ts';
import { tempDir } from '../../test/helpers/test-db.ts';
import { runUserCommand } from './user.command.ts';

function io(stdin: string) {
  const input = new PassThrough();
  input.end(stdin);
  let output = '';
  let errors = '';
  const sink = (append: (text: string) => void) => Object.assign(new PassThrough(), { write: (chunk: string) => (append(chunk), true) });
  return {
    streams: { input: input as unknown as NodeJS.ReadStream, output: sink((t) => (output += t)), errors: sink((t) => (errors += t)) },
    output: () => output,
    errors: () => errors,
  };
}

it('zhaoshang user add reads the password from standard input, never from an argument', async () => {
  const dir = tempDir();
  try {
    const config = loadConfig({ DATABASE_URL: join(dir.path, 'portal.db') });
    const ok = io('correct horse battery\n');
    assert.equal(await runUserCommand(config, ['add', '--role', 'reviewer', '--name', 'rev.xihu', '--channel', 'xihu', '--channel', 'donghu'], ok.streams), 0);
    assert.match(ok.output(), /created reviewer "rev.xihu"/);

    const weak = io('12345678\n');
    assert.equal(await runUserCommand(config, ['add', '--role', 'admin', '--name', 'root'], weak.streams), 1);
    assert.match(weak.errors(), /密码至少 12 个字符/);
    const badChannel = io('correct horse battery\n');
    assert.equal(await runUserCommand(config, ['add', '--role', 'editor', '--name', 'ed', '--channel', 'atlantis'], badChannel.streams), 2);
    await assert.rejects(
      runUserCommand(config, ['add', '--role', 'admin', '--name', 'root', '--password', 'x'], io('').streams),
      /Unknown option '--password'/,
    );
    const unknownRole = io('correct horse battery\n');
    assert.equal(await runUserCommand(config, ['add', '--role', 'editor,boss', '--name', 'ed'], unknownRole.streams), 2);
    assert.match(unknownRole.errors(), /--role/);

    const both = io('correct horse battery\n');
    assert.equal(await runUserCommand(config, ['add', '--role', 'reviewer,editor', '--name', 'office.donghu', '--channel', 'donghu'], both.streams), 0);
    assert.match(both.output(), /created editor, reviewer "office.donghu"/);

    const opened = await openMigratedDb(config);
    const roles = await opened.db
      .selectFrom('user_role')
      .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
      .select(['name', 'role'])
      .orderBy('name')
      .orderBy('role')
      .execute();
    const scopes = await opened.db
      .selectFrom('user_channel')
      .innerJoin('app_user', 'app_user.id', 'user_channel.user_id')
      .select(['name', 'channel'])
      .orderBy('name')
      .orderBy('channel')
      .execute();
    await opened.close();
    assert.deepEqual(roles, [
      { name: 'office.donghu', role: 'editor' },
      { name: 'office.donghu', role: 'reviewer' },
      { name: 'rev.xihu', role: 'reviewer' },
    ]);
    assert.deepEqual(scopes, [
      { name: 'office.donghu', channel: 'donghu' },
      { name: 'rev.xihu', channel: 'donghu' },
      { name: 'rev.xihu', channel: 'xihu' },
    ]);
  } finally {
    dir.remove();
  }
});
