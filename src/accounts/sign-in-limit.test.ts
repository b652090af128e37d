import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser } from './account.service.ts';
import { passwordPolicy } from './password-policy.ts';
import { createApp } from '../app.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { SIGN_IN_FAILURE_LIMIT } from './sign-in-limit.ts';

const PASSWORD = 'correct horse battery';
const OFFICE = '192.0.2.90';

for (const dialect of testDialects()) {
  describe(`sign-in limits on ${dialect.name}`, () => {
    it("count failures per account and address: a colleague's typos never block the rest of the office", () =>
      withTestDb(dialect, async (opened) => {
        const app = createApp(appDeps(opened));
        for (const name of ['alice', 'bob', 'carol'])
          await createUser(opened.db, COMMAND_LINE, { name, roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));

        const alice = consoleClient(app, OFFICE);
        await alice.get('/admin/login');
        const failures: number[] = [];
        for (let i = 0; i < SIGN_IN_FAILURE_LIMIT.max; i += 1)
          failures.push((await alice.post('/admin/login', { name: 'alice', password: `typo ${i}` })).status);
        assert.deepEqual(failures, Array(SIGN_IN_FAILURE_LIMIT.max).fill(400));
        const limited = await alice.post('/admin/login', { name: 'alice', password: 'typo again' });
        assert.equal(limited.status, 429);
        assert.ok(Number(limited.headers.get('retry-after')) > 0);
        const page = await limited.text();
        assert.match(page, /该账号从当前网络登录失败过于频繁,请在 \d+ 分钟后再试。其他账号不受影响/);
        assert.match(page, /value="alice"/, 'the name is kept');

        // Colleagues behind the same address sign in, more often than the old per-address limit of ten allowed.
        for (let round = 0; round < 6; round += 1) {
          for (const name of ['bob', 'carol']) assert.equal((await consoleClient(app, OFFICE).signIn(name, PASSWORD)).status, 303, `${name}, round ${round}`);
        }
        // A failure of bob's own is counted for bob alone.
        assert.equal((await consoleClient(app, OFFICE).signIn('bob', 'wrong')).status, 400);
        assert.equal((await consoleClient(app, OFFICE).signIn('carol', PASSWORD)).status, 303);
      }));

    it('count unknown names too, so failures cannot tell which accounts exist', () =>
      withTestDb(dialect, async (opened) => {
        const app = createApp(appDeps(opened));
        const prober = consoleClient(app, '192.0.2.91');
        await prober.get('/admin/login');
        for (let i = 0; i < SIGN_IN_FAILURE_LIMIT.max; i += 1) assert.equal((await prober.post('/admin/login', { name: 'nobody', password: 'x' })).status, 400);
        assert.equal((await prober.post('/admin/login', { name: 'nobody', password: 'x' })).status, 429);
        assert.equal((await consoleClient(app, '192.0.2.92').signIn('nobody', 'x')).status, 400, 'other addresses are counted apart');
      }));
  });
}
