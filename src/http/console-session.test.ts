import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { createApp } from '../app.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { SIGNED_OUT_POST_LIMIT } from './console-session.ts';

const PASSWORD = 'correct horse battery';

for (const dialect of testDialects()) {
  describe(`console posts without a session on ${dialect.name}`, () => {
    it('are rate-limited per client, while signed-in users go on working', () =>
      withTestDb(dialect, async (opened) => {
        const app = createApp(appDeps(opened));
        await createUser(opened.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
        // Someone signed in from the same address (an office behind one NAT): the sign-in counts.
        const colleague = consoleClient(app, '192.0.2.80');
        assert.equal((await colleague.signIn('admin', PASSWORD)).status, 303);

        const prober = consoleClient(app, '192.0.2.80');
        await prober.get('/admin/login');
        prober.jar.set('zs_session', 'a'.repeat(32)); // a made-up session is no session
        const statuses: number[] = [];
        for (let i = 1; i < SIGNED_OUT_POST_LIMIT.max; i += 1) {
          const path = ['/admin/logout', '/admin/users', '/admin/articles', '/admin/login'][i % 4]!;
          // Many names, as a password sprayer tries: failures of one name are limited on their own (sign-in-limit.test.ts).
          statuses.push((await prober.post(path, path === '/admin/login' ? { name: `probe${i}`, password: 'wrong' } : {}, i % 3 !== 0)).status);
        }
        assert.ok(!statuses.includes(429), `within the limit: ${statuses.join(' ')}`);
        const refused = await prober.post('/admin/logout');
        assert.equal(refused.status, 429);
        assert.ok(Number(refused.headers.get('retry-after')) > 0);
        assert.match(await refused.text(), /提交过于频繁/);
        assert.equal((await prober.post('/admin/login', { name: 'admin', password: PASSWORD })).status, 429, 'sign-in is refused too');

        assert.equal((await consoleClient(app, '192.0.2.81').post('/admin/logout')).status, 403, 'other clients are counted apart');
        await colleague.get('/admin/password');
        assert.equal((await colleague.post('/admin/logout')).status, 303, 'a signed-in post is not counted or refused');
      }));
  });
}
