import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { createApp } from '../app.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { REMINDERS_SHOWN } from '../dashboard/dashboard.service.ts';
import { notifyAppealAssigned } from './notification.service.ts';

const PASSWORD = 'correct horse battery';

for (const dialect of testDialects()) {
  describe(`reminders in the console on ${dialect.name}`, () => {
    it('shows one’s unread reminders on the home and the reminders page, marks them read with CSRF, only one’s own, audited', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const ids = new Map<string, number>();
        for (const name of ['te.pai', 'other']) {
          const created = await createUser(db, COMMAND_LINE, { name, roles: ['reviewer'], password: PASSWORD, channels: ['donghu'] }, passwordPolicy('modern'));
          if (!('id' in created)) throw new Error(created.problem);
          ids.set(name, created.id);
        }
        const deps = { db, mailer: undefined, publicOrigin: undefined, logger: pino({ level: 'silent' }) };
        const told = REMINDERS_SHOWN + 1;
        const reminders: number[] = [];
        for (let n = 1; n <= told; n += 1) {
          const assignedAt = new Date(Date.UTC(2026, 8, 1, n)).toISOString();
          const appeal = { id: n, title: `诉求<第${n}件>`, handlerId: ids.get('te.pai')!, dueOn: '2026-10-09', assignedAt };
          reminders.push(...(await notifyAppealAssigned(deps, appeal, new Date(assignedAt))));
        }
        const [othersReminder] = await notifyAppealAssigned(
          deps,
          { id: 99, title: '别人的诉求', handlerId: ids.get('other')!, dueOn: '2026-10-09', assignedAt: new Date().toISOString() },
          new Date(),
        );

        const app = createApp(appDeps(opened));
        const client = consoleClient(app);
        assert.equal((await client.signIn('te.pai', PASSWORD)).status, 303);
        const home = await (await client.get('/admin')).text();
        assert.match(home, new RegExp(`data-count="reminders">${told}<`));
        assert.equal([...home.matchAll(/<li data-notification="/g)].length, REMINDERS_SHOWN, 'the home lists the newest few');
        assert.match(home, new RegExp(`诉求&lt;第${told}件&gt;`), 'the newest first, escaped');
        assert.doesNotMatch(home, /别人的诉求/);
        assert.match(home, new RegExp(`查看全部 ${told} 条未读提醒`));

        const page = await (await client.get('/admin/notifications')).text();
        assert.equal([...page.matchAll(/<li data-notification="\d+" class="unread">/g)].length, told);
        assert.match(page, new RegExp(`href="/admin/appeals/${told}"`));
        assert.doesNotMatch(page, /别人的诉求/);

        const first = reminders[0]!;
        assert.equal((await client.post(`/admin/notifications/${first}/read`, {}, false)).status, 403, 'no CSRF token, nothing done');
        assert.equal((await client.post(`/admin/notifications/${othersReminder}/read`)).status, 404, 'another account’s reminder');
        assert.equal((await client.post('/admin/notifications/abc/read')).status, 404);
        const marked = await client.post(`/admin/notifications/${first}/read`);
        assert.equal(marked.status, 303);
        assert.equal(marked.headers.get('location'), '/admin/notifications');
        assert.match(await (await client.get('/admin')).text(), new RegExp(`data-count="reminders">${told - 1}<`));
        const rows = await db.selectFrom('notification').select(['id', 'read_at']).where('read_at', 'is not', null).execute();
        assert.deepEqual(
          rows.map((row) => Number(row.id)),
          [first],
        );
        const audit = await db.selectFrom('audit_log').select(['action', 'target_id', 'user_name']).where('action', '=', 'notification.read').execute();
        assert.deepEqual(audit, [{ action: 'notification.read', target_id: String(first), user_name: 'te.pai' }]);
      }));

    it('keeps the reminder email only when it is an address, with a Chinese message otherwise', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        await createUser(db, COMMAND_LINE, { name: 'te.pai', roles: ['editor'], password: PASSWORD, channels: ['donghu'] }, passwordPolicy('modern'));
        const client = consoleClient(createApp(appDeps(opened)));
        await client.signIn('te.pai', PASSWORD);
        await client.get('/admin/notifications');
        const refused = await client.post('/admin/notifications/email', { email: 'te.pai at example' });
        assert.equal(refused.status, 400);
        const html = await refused.text();
        assert.match(html, /请填写有效的邮箱地址/);
        assert.match(html, /value="te.pai at example"/, 'the input is kept');
        assert.equal(await db.selectFrom('notification_email').selectAll().executeTakeFirst(), undefined);

        assert.equal((await client.post('/admin/notifications/email', { email: 'te.pai@example.gov.cn' })).status, 303);
        assert.match(await (await client.get('/admin/notifications')).text(), /value="te.pai@example.gov.cn"/);
        const audit = await db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'notification.email').execute();
        assert.deepEqual(audit, [{ action: 'notification.email', after: JSON.stringify({ email: 'te.pai@example.gov.cn' }) }]);
      }));
  });
}
