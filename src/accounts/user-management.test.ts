import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { canActOn, channelScope, hasRole, parseRoles } from './account.ts';
import {
  changePassword,
  createUser,
  listUsers,
  LOGIN_REFUSED,
  resetPassword,
  sessionUser,
  signIn,
  TEMPORARY_PASSWORD_EXPIRED,
  unlockUser,
  updateUserAccess,
} from './account.service.ts';
import { passwordPolicy } from './password-policy.ts';

const modern = passwordPolicy('modern');
const dengbao = passwordPolicy('dengbao');
const PASSWORD = 'correct horse battery';
const at = (iso: string) => new Date(iso);

describe('roles', () => {
  it('reads one role, a comma list or repeated values, in a fixed order, and refuses unknown ones', () => {
    assert.deepEqual(parseRoles(['editor']), ['editor']);
    assert.deepEqual(parseRoles(['reviewer,editor']), ['editor', 'reviewer']);
    assert.deepEqual(parseRoles(['reviewer', 'admin', 'reviewer']), ['admin', 'reviewer']);
    assert.equal(parseRoles(['editor,boss']), undefined);
    assert.equal(parseRoles([]), undefined);
    assert.equal(parseRoles([' , ']), undefined);
  });

  it('admits a user holding any of the roles asked for; only admins act on every channel', () => {
    const office = { id: 1, name: 'office', roles: ['editor' as const, 'reviewer' as const], channels: ['donghu'], mustChangePassword: false };
    assert.ok(hasRole(office, 'editor') && hasRole(office, 'reviewer') && hasRole(office, 'admin', 'reviewer'));
    assert.equal(hasRole(office, 'admin'), false);
    assert.deepEqual([canActOn(office, 'donghu'), canActOn(office, 'xihu'), channelScope(office)], [true, false, ['donghu']]);
    const admin = { ...office, roles: ['admin' as const, 'editor' as const], channels: [] };
    assert.deepEqual([canActOn(admin, 'xihu'), channelScope(admin)], [true, undefined]);
  });
});

/** Creates a user; returns its id. */
async function user(db: Db, name: string, roles: Parameters<typeof createUser>[2]['roles'], channels: string[] = []): Promise<number> {
  const created = await createUser(db, COMMAND_LINE, { name, roles, password: PASSWORD, channels }, modern, at('2026-03-01T00:00:00Z'));
  if (!('id' in created)) throw new Error(created.problem);
  return created.id;
}

const sessionOf = async (db: Db, name: string, password: string, when: string) => {
  const result = await signIn(db, name, password, 'ip', at(when));
  assert.ok('sessionId' in result, `${name} signs in at ${when}`);
  return result.sessionId;
};

const auditOf = async (db: Db, action: string) =>
  (await db.selectFrom('audit_log').select(['user_name', 'target_id', 'before', 'after']).where('action', '=', action).orderBy('id').execute()).map((row) => ({
    ...row,
    before: row.before && JSON.parse(row.before),
    after: row.after && JSON.parse(row.after),
  }));

for (const dialect of testDialects()) {
  describe(`managing users on ${dialect.name}`, () => {
    it('gives a user several roles, applied from their next request, audited; an admin cannot drop their own admin role', () =>
      withTestDb(dialect, async ({ db }) => {
        const adminId = await user(db, 'admin', ['admin']);
        const officeId = await user(db, 'office', ['reviewer', 'editor'], ['xihu', 'donghu']);
        const admin = { userId: adminId, userName: 'admin' };
        const session = await sessionOf(db, 'office', PASSWORD, '2026-03-02T08:00:00Z');
        assert.deepEqual((await sessionUser(db, session, modern, at('2026-03-02T08:01:00Z')))?.roles, ['editor', 'reviewer']);

        assert.equal(await updateUserAccess(db, admin, officeId, { roles: ['reviewer'], channels: ['honggutan'] }, at('2026-03-02T08:02:00Z')), 'done');
        const after = await sessionUser(db, session, modern, at('2026-03-02T08:03:00Z'));
        assert.deepEqual(after && [after.roles, after.channels], [['reviewer'], ['honggutan']], 'the same session, the new access');
        assert.deepEqual(await auditOf(db, 'user.roles'), [
          {
            user_name: 'admin',
            target_id: String(officeId),
            before: { roles: ['editor', 'reviewer'], channels: ['donghu', 'xihu'] },
            after: { roles: ['reviewer'], channels: ['honggutan'] },
          },
        ]);

        assert.deepEqual(await updateUserAccess(db, admin, officeId, { roles: ['editor'], channels: [] }), { problem: '编辑和审核员须至少负责一个频道。' });
        assert.deepEqual(await updateUserAccess(db, admin, officeId, { roles: [], channels: ['xihu'] }), { problem: '请至少选择一个角色。' });
        assert.deepEqual(await updateUserAccess(db, admin, adminId, { roles: ['editor'], channels: ['xihu'] }), {
          problem: '不能取消自己的管理员角色,请让另一位管理员操作。',
        });
        assert.equal(await updateUserAccess(db, admin, 9999, { roles: ['editor'], channels: ['xihu'] }), 'not_found');
        assert.equal(
          await updateUserAccess(db, admin, adminId, { roles: ['admin', 'editor'], channels: ['xihu'] }),
          'done',
          'adding a role to oneself is fine',
        );
        const roles = await db.selectFrom('user_role').select('role').where('user_id', '=', adminId).orderBy('role').execute();
        assert.deepEqual(
          roles.map((row) => row.role),
          ['admin', 'editor'],
        );
        assert.equal((await auditOf(db, 'user.roles')).length, 2, 'refused changes are not recorded');
      }));

    it('resets a password to a temporary one: it signs in, the console asks for a new one first, and then it no longer works', () =>
      withTestDb(dialect, async ({ db }) => {
        const adminId = await user(db, 'admin', ['admin']);
        const editorId = await user(db, 'ed.xihu', ['editor'], ['xihu']);
        const admin = { userId: adminId, userName: 'admin' };
        const old = await sessionOf(db, 'ed.xihu', PASSWORD, '2026-03-02T08:00:00Z');

        assert.deepEqual(await resetPassword(db, admin, adminId, dengbao), { problem: '不能重置自己的密码,请在“修改密码”页修改。' });
        assert.equal(await resetPassword(db, admin, 9999, dengbao), 'not_found');
        const reset = await resetPassword(db, admin, editorId, dengbao, at('2026-03-02T09:00:00Z'));
        assert.ok(typeof reset === 'object' && 'temporaryPassword' in reset);
        const temporary = reset.temporaryPassword;
        assert.equal(dengbao.problem(temporary, 'ed.xihu'), undefined, 'meets the strictest policy');
        assert.equal(await sessionUser(db, old, modern, at('2026-03-02T09:01:00Z')), undefined, 'sessions before the reset end');
        assert.deepEqual(await signIn(db, 'ed.xihu', PASSWORD, 'ip', at('2026-03-02T09:01:00Z')), { refused: LOGIN_REFUSED }, 'the old password is gone');
        const row = await db.selectFrom('app_user').select('password_hash').where('id', '=', editorId).executeTakeFirstOrThrow();
        assert.ok(!row.password_hash.includes(temporary));

        const session = await sessionOf(db, 'ed.xihu', temporary, '2026-03-02T09:02:00Z');
        assert.equal((await sessionUser(db, session, modern, at('2026-03-02T09:03:00Z')))?.mustChangePassword, true, 'even without rotation');
        const self = { userId: editorId, userName: 'ed.xihu' };
        assert.equal(await changePassword(db, self, editorId, temporary, 'my own horse battery', modern, at('2026-03-02T09:04:00Z')), undefined);
        assert.equal((await sessionUser(db, session, modern, at('2026-03-02T09:05:00Z')))?.mustChangePassword, false);
        assert.deepEqual(
          await signIn(db, 'ed.xihu', temporary, 'ip', at('2026-03-02T09:06:00Z')),
          { refused: LOGIN_REFUSED },
          'the temporary password worked once',
        );
        await sessionOf(db, 'ed.xihu', 'my own horse battery', '2026-03-02T09:07:00Z');
        assert.deepEqual(await auditOf(db, 'user.password.reset'), [{ user_name: 'admin', target_id: String(editorId), before: null, after: null }]);
      }));

    it('refuses a temporary password unused for 72 hours, saying so only to whoever knows it; a new reset works again', () =>
      withTestDb(dialect, async ({ db }) => {
        const adminId = await user(db, 'admin', ['admin']);
        const editorId = await user(db, 'ed.xihu', ['editor'], ['xihu']);
        const admin = { userId: adminId, userName: 'admin' };
        const first = await resetPassword(db, admin, editorId, dengbao, at('2026-03-02T09:00:00Z'));
        assert.ok(typeof first === 'object' && 'temporaryPassword' in first);
        const statusAt = async (time: string) => (await listUsers(db, at(time))).find((row) => row.id === editorId)?.temporaryPasswordExpired;

        assert.equal(await statusAt('2026-03-05T09:00:00Z'), false, 'exactly 72 hours is still within');
        assert.equal(await statusAt('2026-03-05T09:00:01Z'), true);
        assert.deepEqual(await signIn(db, 'ed.xihu', first.temporaryPassword, 'ip', at('2026-03-05T09:00:01Z')), { refused: TEMPORARY_PASSWORD_EXPIRED });
        assert.deepEqual(await signIn(db, 'ed.xihu', 'wrong guess at it', 'ip', at('2026-03-05T09:00:02Z')), { refused: LOGIN_REFUSED });
        const sessions = await db.selectFrom('session').select('user_id').where('user_id', '=', editorId).execute();
        assert.equal(sessions.length, 0, 'no session was made');

        const second = await resetPassword(db, admin, editorId, dengbao, at('2026-03-06T09:00:00Z'));
        assert.ok(typeof second === 'object' && 'temporaryPassword' in second);
        await sessionOf(db, 'ed.xihu', second.temporaryPassword, '2026-03-06T09:01:00Z');
      }));

    it('unlocks an account that failed sign-ins locked, so the right password works at once', () =>
      withTestDb(dialect, async ({ db }) => {
        const adminId = await user(db, 'admin', ['admin']);
        const reviewerId = await user(db, 'rev.xihu', ['reviewer'], ['xihu']);
        for (let i = 0; i < 5; i += 1) await signIn(db, 'rev.xihu', 'wrong password!', 'ip', at('2026-03-02T08:00:00Z'));
        assert.deepEqual(await signIn(db, 'rev.xihu', PASSWORD, 'ip', at('2026-03-02T08:01:00Z')), { refused: LOGIN_REFUSED }, 'locked');

        assert.equal(await unlockUser(db, { userId: adminId, userName: 'admin' }, reviewerId, at('2026-03-02T08:02:00Z')), 'done');
        await sessionOf(db, 'rev.xihu', PASSWORD, '2026-03-02T08:03:00Z');
        assert.equal(await unlockUser(db, { userId: adminId, userName: 'admin' }, 9999), 'not_found');
        assert.deepEqual(await auditOf(db, 'user.unlock'), [
          {
            user_name: 'admin',
            target_id: String(reviewerId),
            before: { lockedUntil: '2026-03-02T08:15:00.000Z', failedLogins: 0 },
            after: { lockedUntil: null },
          },
        ]);
      }));
  });
}
