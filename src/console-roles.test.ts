// Roles that fit real offices (#13), through the console on every engine: several roles per user,
// editors reviewing their channels' contributions, edits before publishing, and the admins' tools.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from './accounts/account.service.ts';
import { passwordPolicy } from './accounts/password-policy.ts';
import type { Role } from './accounts/account.ts';
import { COMMAND_LINE } from './audit/audit.service.ts';
import { consoleClient } from '../test/helpers/console-client.ts';
import { openForm } from '../test/helpers/forms.ts';
import { openSeededApp } from '../test/helpers/test-app.ts';
import { testDialects } from '../test/helpers/test-db.ts';

const PASSWORD = 'correct horse battery';
const USERS: ReadonlyArray<[string, Role[], string[]]> = [
  ['admin', ['admin'], []],
  ['office.donghu', ['editor', 'reviewer'], ['donghu']],
  ['ed.donghu', ['editor'], ['donghu']],
  ['rev.donghu', ['reviewer'], ['donghu']],
  ['rev.xihu', ['reviewer'], ['xihu']],
];
const DONGHU_TITLE = '东湖区新引进总部企业';
const XIHU_TITLE = '西湖区商圈改造项目签约';

for (const dialect of testDialects()) {
  describe(`roles in the console on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    const ids: Record<string, number> = {};
    let address = 0;
    const signedIn = async (name: string, password = PASSWORD) => {
      address += 1;
      const client = consoleClient(seeded.app, `192.0.2.${address}`);
      assert.equal((await client.signIn(name, password)).status, 303, `${name} signs in`);
      return client;
    };

    before(async () => {
      seeded = await openSeededApp({ dialect });
      for (const [name, roles, channels] of USERS) {
        const created = await createUser(seeded.db, COMMAND_LINE, { name, roles, password: PASSWORD, channels }, passwordPolicy('modern'));
        if (!('id' in created)) throw new Error(created.problem);
        ids[name] = created.id;
      }
      for (const [channel, title] of [
        ['donghu', DONGHU_TITLE],
        ['xihu', XIHU_TITLE],
      ] as const) {
        const form = await openForm(seeded.app, '/submit', `198.18.0.${channel.length}`);
        const response = await form.post({
          title,
          body: `${title}的正文内容,介绍了项目的投资规模和进度安排。`,
          channel,
          name: '投稿人',
          contact: '13800138000',
          consent: 'yes',
        });
        assert.equal(response.status, 303);
      }
      for (const row of await seeded.db.selectFrom('submission').select(['id', 'channel']).execute()) ids[`submission.${row.channel}`] = Number(row.id);
    });
    after(() => seeded?.close());

    it('shows a user with two roles the sections of both and lets them through both role checks', async () => {
      const office = await signedIn('office.donghu');
      const home = await (await office.get('/admin')).text();
      assert.match(home, /office\.donghu\(编辑、审核员/);
      for (const section of ['/admin/articles', '/admin/submissions', '/admin/applications', '/admin/messages'])
        assert.match(home, new RegExp(`<a href="${section}">`));
      assert.doesNotMatch(home, /<a href="\/admin\/users">/);
      for (const [path, status] of [
        ['/admin/articles', 200],
        ['/admin/facts', 200],
        ['/admin/submissions', 200],
        ['/admin/applications', 200],
        ['/admin/users', 403],
      ] as const) {
        assert.equal((await office.get(path)).status, status, path);
      }
      const reviewerHome = await (await (await signedIn('rev.donghu')).get('/admin')).text();
      assert.doesNotMatch(reviewerHome, /<a href="\/admin\/articles">/, 'one role, its own sections only');
    });

    it("lets an editor review their own channels' contributions and no others", async () => {
      const editor = await signedIn('ed.donghu');
      const list = await (await editor.get('/admin/submissions')).text();
      assert.ok(list.includes(DONGHU_TITLE) && !list.includes(XIHU_TITLE));
      assert.equal((await editor.get(`/admin/submissions/${ids['submission.donghu']}`)).status, 200);
      assert.equal((await editor.get(`/admin/submissions/${ids['submission.xihu']}`)).status, 404);
      assert.equal((await editor.post(`/admin/submissions/${ids['submission.xihu']}/publish`)).status, 404);
      assert.equal((await editor.get('/admin/applications')).status, 403, 'applications stay with reviewers');
      const xihu = await seeded.db.selectFrom('submission').select('status').where('id', '=', ids['submission.xihu']!).executeTakeFirstOrThrow();
      assert.equal(xihu.status, 'pending');
    });

    it('lets a reviewer edit a contribution, showing errors beside the fields with the input kept, and publish it as edited', async () => {
      const reviewer = await signedIn('rev.donghu');
      const id = ids['submission.donghu']!;
      await reviewer.get(`/admin/submissions/${id}`);
      const body = '东湖区新引进三家总部企业,审核员补充了投资规模:合计二十亿元。';
      const invalid = await reviewer.post(`/admin/submissions/${id}/edit`, { title: '短标题', channel: 'xihu', body });
      assert.equal(invalid.status, 400);
      const html = await invalid.text();
      assert.match(html, /value="短标题"[^>]*>\s*<p class="field-error" id="error-title">标题至少 5 个字。<\/p>/);
      assert.match(html, /<p class="field-error" id="error-channel">请选择频道。<\/p>/, 'another channel than theirs is refused');
      assert.ok(html.includes(`>${body}</textarea>`), 'the body as typed');
      assert.equal((await seeded.db.selectFrom('audit_log').select('id').where('action', '=', 'submission.edit').execute()).length, 0);

      const edited = { title: '东湖区新引进三家总部企业', channel: 'donghu', body };
      const saved = await reviewer.post(`/admin/submissions/${id}/edit`, edited);
      assert.equal(saved.status, 303);
      assert.match(await (await reviewer.get(saved.headers.get('location')!)).text(), /修改已保存/);
      assert.equal((await reviewer.post(`/admin/submissions/${id}/publish`, { confirmed: '1' })).status, 303);

      const row = await seeded.db.selectFrom('submission').select(['status', 'article_id']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      const article = await seeded.db
        .selectFrom('article')
        .select(['title', 'body', 'channel'])
        .where('id', '=', Number(row.article_id))
        .executeTakeFirstOrThrow();
      assert.deepEqual(article, { title: edited.title, body, channel: 'donghu' });
      const audit = await seeded.db
        .selectFrom('audit_log')
        .select(['user_name', 'before', 'after'])
        .where('action', '=', 'submission.edit')
        .executeTakeFirstOrThrow();
      assert.equal(audit.user_name, 'rev.donghu');
      assert.deepEqual(JSON.parse(audit.before!), { title: DONGHU_TITLE, body: `${DONGHU_TITLE}的正文内容,介绍了项目的投资规模和进度安排。` });
      assert.deepEqual(JSON.parse(audit.after!), { title: edited.title, body });
      assert.equal((await reviewer.post(`/admin/submissions/${id}/edit`, edited)).status, 400, 'a published contribution is not edited');
    });

    it('lets admins change roles and channels, but not their own admin role', async () => {
      const admin = await signedIn('admin');
      const page = await (await admin.get(`/admin/users/${ids['rev.xihu']}`)).text();
      assert.match(page, /value="reviewer" checked/);
      assert.equal((await admin.post(`/admin/users/${ids['rev.xihu']}/roles`, { roles: ['reviewer', 'editor'], channels: ['xihu', 'honggutan'] })).status, 303);
      const changed = await signedIn('rev.xihu');
      assert.equal((await changed.get('/admin/articles')).status, 200, 'now an editor too');
      const list = await (await admin.get('/admin/users')).text();
      assert.match(list, /rev\.xihu<\/td><td>编辑、审核员<\/td><td>[^<]*西湖区/);

      const refused = await admin.post(`/admin/users/${ids.admin}/roles`, { roles: ['editor'], channels: ['xihu'] });
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /不能取消自己的管理员角色/);
      const mine = await seeded.db.selectFrom('user_role').select('role').where('user_id', '=', ids.admin!).execute();
      assert.deepEqual(
        mine.map((row) => row.role),
        ['admin'],
      );
      assert.equal((await admin.post(`/admin/users/${ids.admin}/disable`)).status, 400, 'nor disable themself');
      const audit = await seeded.db.selectFrom('audit_log').select(['user_name', 'target_id']).where('action', '=', 'user.roles').execute();
      assert.deepEqual(audit, [{ user_name: 'admin', target_id: String(ids['rev.xihu']) }]);
    });

    it('lets admins unlock a locked account, shown with its end in Beijing time', async () => {
      for (let i = 0; i < 5; i += 1) await signIn(seeded.db, 'ed.donghu', 'wrong password!', '203.0.113.9');
      const admin = await signedIn('admin');
      assert.match(
        await (await admin.get('/admin/users')).text(),
        /ed\.donghu<\/td>(?:<td>[^<]*<\/td>){2}<td class="user-status">已锁定\(至 \d{2}:\d{2} 北京时间\)/,
      );
      const locked = consoleClient(seeded.app, '192.0.2.250');
      assert.equal((await locked.signIn('ed.donghu', PASSWORD)).status, 400, 'locked');
      assert.equal((await admin.post(`/admin/users/${ids['ed.donghu']}/unlock`)).status, 303);
      assert.equal((await locked.signIn('ed.donghu', PASSWORD)).status, 303, 'unlocked');
      assert.equal((await seeded.db.selectFrom('audit_log').select('id').where('action', '=', 'user.unlock').execute()).length, 1);
    });

    it('lets admins reset a password: shown once, it signs in to the password page only, and stops working once changed', async () => {
      const victim = await signedIn('office.donghu');
      const admin = await signedIn('admin');
      const reset = await admin.post(`/admin/users/${ids['office.donghu']}/reset-password`);
      assert.equal(reset.status, 200);
      assert.equal(reset.headers.get('cache-control'), 'no-store');
      const temporary = /<code class="temporary-password">([^<]+)<\/code>/.exec(await reset.text())?.[1];
      assert.ok(temporary);
      assert.equal((await victim.get('/admin')).status, 303, 'the sessions before the reset end');
      assert.doesNotMatch(await (await admin.get('/admin/users')).text(), new RegExp(temporary), 'not shown again');
      assert.equal((await admin.post(`/admin/users/${ids.admin}/reset-password`)).status, 400, 'their own is changed on the password page');

      const user = await signedIn('office.donghu', temporary);
      assert.equal((await user.get('/admin/submissions')).headers.get('location'), '/admin/password', 'a new password first');
      await user.get('/admin/password');
      assert.equal((await user.post('/admin/password', { current: temporary, next: 'my own horse battery' })).status, 303);
      assert.equal((await user.get('/admin/submissions')).status, 200);
      assert.equal((await consoleClient(seeded.app, '192.0.2.251').signIn('office.donghu', temporary)).status, 400, 'the temporary password is spent');
      assert.equal((await seeded.db.selectFrom('audit_log').select('id').where('action', '=', 'user.password.reset').execute()).length, 1);
    });
  });
}
