import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { createApp } from '../app.ts';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { COMMAND_LINE, recordAudit } from './audit.service.ts';

const PASSWORD = 'correct horse battery';

/** The log's rows, without the filter form (which names every action). */
const rowsOf = (html: string) => html.slice(html.indexOf('<tbody>'));

/** The number the page says it found. */
const countOf = (html: string) => Number(/共 (\d+) 条/u.exec(html)?.[1]);

for (const dialect of testDialects()) {
  describe(`audit log page on ${dialect.name}`, () => {
    it('reads in Chinese and filters by Chinese action, user, channel and Beijing dates', () =>
      withTestDb(dialect, async (opened) => {
        const app = createApp(appDeps(opened));
        await createUser(opened.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
        const donghu = { userId: 2, userName: 'rev.donghu' };
        const xihu = { userId: 3, userName: 'ed.xihu' };
        // 23:30 on 1 March in Beijing, and 00:30 on 2 March: one UTC day, two Beijing days.
        await recordAudit(
          opened.db,
          donghu,
          {
            action: 'submission.reject',
            targetType: 'submission',
            targetId: 5,
            before: { status: 'pending' },
            after: { status: 'rejected', reason: '内容<b>与招商</b>无关' },
            channel: 'donghu',
          },
          new Date('2026-03-01T15:30:00Z'),
        );
        await recordAudit(
          opened.db,
          xihu,
          {
            action: 'article.update',
            targetType: 'article',
            targetId: 9,
            before: { title: '旧标题', channel: 'xihu', status: 'draft' },
            after: { title: '新标题', channel: 'xihu', status: 'published' },
            channel: 'xihu',
          },
          new Date('2026-03-01T16:30:00Z'),
        );
        // An entry from before the channel column, and one of an action this version does not know.
        await opened.db
          .insertInto('audit_log')
          .values({
            at: '2026-02-10T01:00:00.000Z',
            user_id: null,
            user_name: 'cli',
            action: 'privacy.purge',
            target_type: 'personal_data',
            target_id: null,
            before: null,
            after: '{"submissions":2}',
            client: null,
          })
          .execute();
        await opened.db
          .insertInto('audit_log')
          .values({
            at: '2026-02-11T01:00:00.000Z',
            user_id: null,
            user_name: 'cli',
            action: 'robot.dance',
            target_type: 'robot',
            target_id: '1',
            before: null,
            after: '{"steps":3}',
            client: null,
            channel: null,
          })
          .execute();

        const admin = consoleClient(app, '192.0.2.41');
        await admin.signIn('admin', PASSWORD);
        const page = async (query: string) => {
          const response = await admin.get(`/admin/audit${query}`);
          assert.equal(response.status, 200, query);
          return response.text();
        };

        const all = await page('');
        assert.match(all, /<td>不采用投稿<span class="audit-code">submission\.reject<\/span><\/td>/);
        assert.match(all, /<li>状态:待审核 → 未通过<\/li><li>原因:内容&lt;b&gt;与招商&lt;\/b&gt;无关<\/li>/, 'a readable, escaped change');
        assert.match(all, /<li>标题:旧标题 → 新标题<\/li><li>状态:草稿 → 已发布<\/li><\/ul>/, 'unchanged fields are left out');
        assert.match(
          all,
          /<td>清除过期个人信息<span class="audit-code">privacy\.purge<\/span><\/td><td>个人信息<\/td><td>—<\/td><td><ul class="audit-changes"><li>投稿数:2<\/li>/,
          'an entry without a channel still shows',
        );
        assert.match(all, /<td>robot\.dance<\/td><td>robot #1<\/td>/, 'an unknown action shows by its code');
        assert.doesNotMatch(all, /\{&quot;|\{"|&quot;:/, 'no raw JSON');
        assert.match(all, /<th scope="col">时间\(北京时间\)<\/th>/);
        assert.match(all, /<td>2026-03-01 23:30:00<\/td><td>rev\.donghu<\/td>/, 'times in Beijing time');
        assert.match(all, /<option value="submission\.reject">不采用投稿<\/option>/, 'actions are picked by their Chinese names');

        const byAction = await page('?action=submission.reject');
        assert.equal(countOf(byAction), 1);
        assert.match(byAction, /<option value="submission\.reject" selected="">不采用投稿<\/option>/);
        const byUser = await page('?user=ed.xihu');
        assert.equal(countOf(byUser), 1);
        assert.match(rowsOf(byUser), /编辑文章/);
        assert.match(byUser, /<option value="ed\.xihu" selected="">ed\.xihu<\/option>/);
        const byChannel = await page('?channel=donghu');
        assert.equal(countOf(byChannel), 1);
        assert.match(rowsOf(byChannel), /不采用投稿/);
        assert.doesNotMatch(rowsOf(byChannel), /编辑文章|清除过期个人信息/);
        assert.equal(countOf(await page('?from=2026-03-01&to=2026-03-01')), 1, '23:30 Beijing belongs to 1 March');
        const second = await page('?from=2026-03-02&to=2026-03-02');
        assert.equal(countOf(second), 1);
        assert.match(rowsOf(second), /编辑文章/);
        assert.equal(countOf(await page('?from=2026-02-01&to=2026-03-01')), 3);
        assert.equal(countOf(await page('?action=article.update&channel=donghu')), 0);
        assert.equal(
          (await admin.get('/admin/audit?from=not-a-date&to=2026-13-45&action=%3Cscript%3E')).status,
          200,
          'odd filters change nothing and break nothing',
        );
      }));
  });
}
