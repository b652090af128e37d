// The console shows stored UTC times as Beijing time, and says so: a queue and the audit log.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { createApp } from '../app.ts';
import { COMMAND_LINE, recordAudit } from '../audit/audit.service.ts';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';

const PASSWORD = 'correct horse battery';

for (const dialect of testDialects()) {
  describe(`Beijing time in the console on ${dialect.name}`, () => {
    it('shows a stored UTC time as Beijing time, labelled, on the contributions queue and the audit log', () =>
      withTestDb(dialect, async (opened) => {
        await createUser(opened.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
        // 16:30 UTC on 28 February is half past midnight on 1 March in Beijing.
        await opened.db
          .insertInto('submission')
          .values({
            tracking_code: 'TG-TIME',
            title: '东湖区新引进总部企业',
            body: '正文',
            channel: 'donghu',
            author_name: '投稿人',
            author_contact: '13800138000',
            consented_at: '2026-02-28T16:30:00.000Z',
            status: 'pending',
            reject_reason: null,
            article_id: null,
            created_at: '2026-02-28T16:30:00.000Z',
            closed_at: null,
            purged_at: null,
          })
          .execute();
        await recordAudit(opened.db, COMMAND_LINE, { action: 'user.disable', targetType: 'user', targetId: 1 }, new Date('2026-02-28T17:05:09.000Z'));
        const admin = consoleClient(createApp(appDeps(opened)));
        assert.equal((await admin.signIn('admin', PASSWORD)).status, 303);

        const queue = await (await admin.get('/admin/submissions')).text();
        assert.match(queue, /投稿时间\(北京时间\)/);
        assert.match(queue, /2026-03-01 00:30/);
        assert.doesNotMatch(queue, /2026-02-28 16:30/);

        const audit = await (await admin.get('/admin/audit?action=user.disable')).text();
        assert.match(audit, /时间\(北京时间\)/);
        assert.match(audit, /2026-03-01 01:05:09/);
        assert.doesNotMatch(audit, /2026-02-28 17:05/);
      }));
  });
}
