import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { changePassword, createUser, LOGIN_REFUSED, sessionUser, setUserDisabled, signIn, signOut } from './account.service.ts';
import { passwordPolicy } from './password-policy.ts';

const modern = passwordPolicy('modern');
const PASSWORD = 'correct horse battery';
const at = (iso: string) => new Date(iso);

describe('password policies', () => {
  it('asks for length, refuses common passwords, the user name and one repeated character', () => {
    assert.match(modern.problem('short', 'zhang') ?? '', /至少 12 个字符/);
    assert.match(modern.problem('Password1234', 'zhang') ?? '', /太常见/);
    assert.match(modern.problem('aaaaaaaaaaaaaa', 'zhang') ?? '', /同一个字符/);
    assert.match(modern.problem('zhangsan-secret-1', 'zhangsan') ?? '', /不能包含用户名/);
    assert.equal(modern.problem(PASSWORD, 'zhang'), undefined);
    assert.equal(modern.rotationDays, undefined);
  });

  it('adds character classes and 90-day rotation in the 等保 profile', () => {
    const dengbao = passwordPolicy('dengbao');
    assert.match(dengbao.problem(PASSWORD, 'zhang') ?? '', /至少三类/);
    assert.equal(dengbao.problem('Correct-horse-9', 'zhang'), undefined);
    assert.equal(dengbao.rotationDays, 90);
  });
});

for (const dialect of testDialects()) {
  describe(`accounts on ${dialect.name}`, () => {
    it('creates users with argon2id hashes and checks names, scopes and passwords', () =>
      withTestDb(dialect, async ({ db }) => {
        const created = await createUser(db, COMMAND_LINE, { name: 'editor.donghu', roles: ['editor'], password: PASSWORD, channels: ['donghu'] }, modern);
        assert.ok('id' in created);
        const row = await db.selectFrom('app_user').selectAll().executeTakeFirstOrThrow();
        assert.match(row.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
        assert.ok(!row.password_hash.includes(PASSWORD));
        assert.deepEqual(await createUser(db, COMMAND_LINE, { name: 'editor.donghu', roles: ['editor'], password: PASSWORD, channels: ['donghu'] }, modern), {
          problem: '用户名“editor.donghu”已被使用。',
        });
        assert.match(
          ((await createUser(db, COMMAND_LINE, { name: 'Bad Name', roles: ['admin'], password: PASSWORD, channels: [] }, modern)) as { problem: string })
            .problem,
          /用户名须为/,
        );
        assert.match(
          ((await createUser(db, COMMAND_LINE, { name: 'reviewer', roles: ['reviewer'], password: PASSWORD, channels: [] }, modern)) as { problem: string })
            .problem,
          /至少负责一个频道/,
        );
        const audit = await db.selectFrom('audit_log').selectAll().execute();
        assert.deepEqual(
          audit.map((entry) => [entry.action, entry.user_name]),
          [['user.create', 'cli']],
        );
      }));

    it('locks an account after five failures, refusing even the right password, and answers unknown names the same', () =>
      withTestDb(dialect, async ({ db }) => {
        await createUser(db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, modern);
        const t0 = at('2026-03-01T08:00:00Z');
        assert.deepEqual(await signIn(db, 'nobody', PASSWORD, 'ip', t0), { refused: LOGIN_REFUSED });
        for (let i = 0; i < 4; i += 1) assert.deepEqual(await signIn(db, 'admin', 'wrong password!', 'ip', t0), { refused: LOGIN_REFUSED });
        assert.ok('sessionId' in (await signIn(db, 'admin', PASSWORD, 'ip', t0)), 'four failures do not lock; success resets the count');
        for (let i = 0; i < 5; i += 1) await signIn(db, 'admin', 'wrong password!', 'ip', t0);
        assert.deepEqual(await signIn(db, 'admin', PASSWORD, 'ip', at('2026-03-01T08:14:00Z')), { refused: LOGIN_REFUSED }, 'locked');
        assert.ok('sessionId' in (await signIn(db, 'admin', PASSWORD, 'ip', at('2026-03-01T08:15:01Z'))), 'unlocked after 15 minutes');
        const actions = (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((row) => row.action);
        assert.ok(actions.includes('login.locked') && actions.filter((a) => a === 'login').length === 2);
      }));

    it('counts concurrent failures atomically: twenty wrong passwords at once lock the account', () =>
      withTestDb(dialect, async ({ db }) => {
        await createUser(db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, modern);
        const t0 = at('2026-03-01T08:00:00Z');
        const answers = await Promise.all(Array.from({ length: 20 }, () => signIn(db, 'admin', 'wrong password!', 'ip', t0)));
        assert.ok(answers.every((answer) => 'refused' in answer));
        assert.deepEqual(
          await signIn(db, 'admin', PASSWORD, 'ip', at('2026-03-01T08:01:00Z')),
          { refused: LOGIN_REFUSED },
          'the right password is refused while locked',
        );
        const row = await db.selectFrom('app_user').select(['locked_until']).executeTakeFirstOrThrow();
        assert.equal(row.locked_until, '2026-03-01T08:15:00.000Z');
        const actions = (await db.selectFrom('audit_log').select('action').execute()).map((entry) => entry.action);
        assert.equal(actions.filter((action) => action === 'login.locked').length, 1);
        assert.equal(actions.filter((action) => action === 'login.failed').length, 4);
        assert.equal(actions.includes('login'), false);
      }));

    it('does not let a success racing failures undo the lock they set', () =>
      withTestDb(dialect, async ({ db }) => {
        await createUser(db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, modern);
        const t0 = at('2026-03-01T08:00:00Z');
        const wrong = Array.from({ length: 10 }, () => signIn(db, 'admin', 'wrong password!', 'ip', t0));
        const right = signIn(db, 'admin', PASSWORD, 'ip', t0);
        await Promise.all([...wrong, right]);
        const row = await db.selectFrom('app_user').select(['locked_until']).executeTakeFirstOrThrow();
        assert.equal(row.locked_until, '2026-03-01T08:15:00.000Z', 'still locked');
        assert.deepEqual(await signIn(db, 'admin', PASSWORD, 'ip', at('2026-03-01T08:01:00Z')), { refused: LOGIN_REFUSED });
      }));

    it('ends sessions after 30 idle minutes, after 12 hours, at logout and when the account is disabled', () =>
      withTestDb(dialect, async ({ db }) => {
        const created = await createUser(db, COMMAND_LINE, { name: 'reviewer', roles: ['reviewer'], password: PASSWORD, channels: ['xihu', 'donghu'] }, modern);
        const userId = (created as { id: number }).id;
        const login = async (when: string) => ((await signIn(db, 'reviewer', PASSWORD, 'ip', at(when))) as { sessionId: string }).sessionId;

        const session = await login('2026-03-01T08:00:00Z');
        assert.match(session, /^[0-9a-f]{32}$/, '128 random bits');
        assert.equal((await db.selectFrom('session').select('id_hash').executeTakeFirstOrThrow()).id_hash.includes(session), false, 'only a hash is stored');
        const user = await sessionUser(db, session, modern, at('2026-03-01T08:29:00Z'));
        assert.deepEqual(user && [user.name, user.roles, user.channels], ['reviewer', ['reviewer'], ['donghu', 'xihu']]);
        // Each visit keeps it alive for another 30 minutes, but never beyond 12 hours.
        for (let hour = 0; hour < 12; hour += 1) {
          for (const minute of ['10', '30', '50'])
            assert.ok(await sessionUser(db, session, modern, at(`2026-03-01T${String(8 + hour).padStart(2, '0')}:${minute}:00Z`)));
        }
        assert.equal(await sessionUser(db, session, modern, at('2026-03-01T20:00:01Z')), undefined, 'absolute limit');

        const idle = await login('2026-03-02T08:00:00Z');
        assert.equal(await sessionUser(db, idle, modern, at('2026-03-02T08:31:00Z')), undefined, 'idle limit');

        const loggedOut = await login('2026-03-03T08:00:00Z');
        await signOut(db, loggedOut, { userId, userName: 'reviewer' });
        assert.equal(await sessionUser(db, loggedOut, modern, at('2026-03-03T08:01:00Z')), undefined);

        const active = await login('2026-03-04T08:00:00Z');
        await setUserDisabled(db, COMMAND_LINE, userId, true, at('2026-03-04T08:05:00Z'));
        assert.equal(await sessionUser(db, active, modern, at('2026-03-04T08:06:00Z')), undefined);
        assert.deepEqual(await signIn(db, 'reviewer', PASSWORD, 'ip', at('2026-03-04T08:07:00Z')), { refused: LOGIN_REFUSED });
      }));

    it('asks for a new password after 90 days under the 等保 profile', () =>
      withTestDb(dialect, async ({ db }) => {
        const dengbao = passwordPolicy('dengbao');
        const created = (await createUser(
          db,
          COMMAND_LINE,
          { name: 'admin', roles: ['admin'], password: 'Correct-horse-9', channels: [] },
          dengbao,
          at('2026-01-01T00:00:00Z'),
        )) as { id: number };
        const { sessionId } = (await signIn(db, 'admin', 'Correct-horse-9', 'ip', at('2026-04-02T00:00:00Z'))) as { sessionId: string };
        assert.equal((await sessionUser(db, sessionId, dengbao, at('2026-04-02T00:01:00Z')))?.mustChangePassword, true);
        assert.equal((await sessionUser(db, sessionId, modern, at('2026-04-02T00:01:00Z')))?.mustChangePassword, false);
        const actor = { userId: created.id, userName: 'admin' };
        assert.equal(await changePassword(db, actor, created.id, 'wrong', 'Another-horse-7', dengbao), '当前密码不正确。');
        assert.match((await changePassword(db, actor, created.id, 'Correct-horse-9', 'another horse seven', dengbao)) ?? '', /至少三类/);
        assert.equal(await changePassword(db, actor, created.id, 'Correct-horse-9', 'Another-horse-7', dengbao, at('2026-04-02T00:02:00Z')), undefined);
        assert.equal((await sessionUser(db, sessionId, dengbao, at('2026-04-02T00:03:00Z')))?.mustChangePassword, false);
      }));
  });
}
