import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from './accounts/account.service.ts';
import { COMMAND_LINE } from './audit/audit.service.ts';
import { passwordPolicy } from './accounts/password-policy.ts';
import { consoleClient } from '../test/helpers/console-client.ts';
import { openForm } from '../test/helpers/forms.ts';
import { openSeededApp } from '../test/helpers/test-app.ts';

const PASSWORD = 'correct horse battery';
const modern = passwordPolicy('modern');

describe('console', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  const ids = { donghuSubmission: 0, xihuSubmission: 0, donghuApplication: 0, xihuMessage: 0 };

  before(async () => {
    seeded = await openSeededApp();
    for (const [name, role, channels] of [
      ['admin', 'admin', []],
      ['rev.donghu', 'reviewer', ['donghu']],
      ['rev.xihu', 'reviewer', ['xihu']],
      ['ed.donghu', 'editor', ['donghu']],
    ] as const) {
      await createUser(seeded.db, COMMAND_LINE, { name, roles: [role], password: PASSWORD, channels: [...channels] }, modern);
    }
    const submit = async (channel: string, title: string) => {
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
    };
    await submit('donghu', '东湖区新引进总部企业');
    await submit('xihu', '西湖区商圈改造项目签约');
    const rows = await seeded.db.selectFrom('submission').select(['id', 'channel']).execute();
    ids.donghuSubmission = rows.find((row) => row.channel === 'donghu')!.id;
    ids.xihuSubmission = rows.find((row) => row.channel === 'xihu')!.id;
    const apply = await openForm(seeded.app, '/enterprises/apply', '198.18.1.1');
    await apply.post({
      companyName: '东湖数字科技有限公司',
      creditCode: '91110000802100433B',
      industry: 'I',
      channel: 'donghu',
      plannedInvestment: '3000',
      contactPerson: '赵六',
      contactMobile: '13700137000',
      description: '数字内容产业总部,计划租用写字楼两层。',
      consent: 'yes',
    });
    ids.donghuApplication = (await seeded.db.selectFrom('enterprise_application').select('id').executeTakeFirstOrThrow()).id;
    const contact = await openForm(seeded.app, '/contact', '198.18.2.1');
    await contact.post({
      channel: 'xihu',
      subject: '咨询商铺政策',
      body: '请问西湖区对新开商铺有什么扶持政策?',
      name: '钱七',
      contact: 'qian@example.cn',
      consent: 'yes',
    });
    ids.xihuMessage = (await seeded.db.selectFrom('contact_message').select('id').executeTakeFirstOrThrow()).id;
  });
  after(() => seeded?.close());

  it('signs in with a rotated HttpOnly SameSite session, never cached, and signs out server-side', async () => {
    const client = consoleClient(seeded.app);
    assert.equal((await client.get('/admin')).headers.get('location'), '/admin/login?next=%2Fadmin');
    const response = await client.signIn('admin', PASSWORD);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin');
    assert.match(response.headers.getSetCookie().join('\n'), /zs_session=[0-9a-f]{32}; Path=\/; HttpOnly; SameSite=Strict/);
    const home = await client.get('/admin');
    assert.equal(home.status, 200);
    assert.equal(home.headers.get('cache-control'), 'no-store');
    const first = client.jar.get('zs_session');
    await client.signIn('admin', PASSWORD);
    assert.notEqual(client.jar.get('zs_session'), first, 'a new id at every sign-in');

    const session = client.jar.get('zs_session')!;
    assert.equal((await client.post('/admin/logout')).headers.get('location'), '/admin/login');
    const replay = await seeded.app.request('/admin', { headers: { Cookie: `zs_session=${session}` } });
    assert.equal(replay.status, 303, 'the old cookie no longer works');
  });

  it('uses a Secure __Host- cookie behind an HTTPS proxy', async () => {
    const login = await seeded.app.request('/admin/login', { headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '192.0.2.60' } });
    const csrf = login.headers.getSetCookie()[0]!.split(';')[0]!;
    assert.match(login.headers.getSetCookie()[0]!, /; Secure/);
    const token = /name="_csrf" value="([0-9a-f]{32})"/.exec(await login.text())![1]!;
    const response = await seeded.app.request('/admin/login', {
      method: 'POST',
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '192.0.2.60', Cookie: csrf, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, name: 'admin', password: PASSWORD }).toString(),
    });
    assert.equal(response.status, 303);
    assert.match(response.headers.getSetCookie().join('\n'), /__Host-zs_session=[0-9a-f]{32}; Path=\/; HttpOnly; Secure; SameSite=Strict/);
  });

  it('gives unknown names and wrong passwords the same answer', async () => {
    const unknown = await consoleClient(seeded.app, '192.0.2.50').signIn('nobody', PASSWORD);
    const wrong = await consoleClient(seeded.app, '192.0.2.51').signIn('rev.xihu', 'not the password');
    assert.equal(unknown.status, 400);
    assert.equal(wrong.status, 400);
    const message = (html: string) => /<div class="form-errors" role="alert"><p>([^<]+)<\/p>/.exec(html)?.[1];
    assert.equal(message(await unknown.text()), message(await wrong.text()));
  });

  it('refuses console posts without the form token', async () => {
    const client = consoleClient(seeded.app);
    await client.signIn('admin', PASSWORD);
    await client.get('/admin/users');
    const forged = await client.post('/admin/users', { name: 'intruder', roles: ['admin'], password: PASSWORD }, false);
    assert.equal(forged.status, 403);
    assert.equal(await seeded.db.selectFrom('app_user').select('id').where('name', '=', 'intruder').executeTakeFirst(), undefined);
  });

  it('lets each role reach only its routes and each user only their channels', async () => {
    const clients = Object.fromEntries(
      await Promise.all(
        ['admin', 'rev.donghu', 'rev.xihu', 'ed.donghu'].map(async (name, i) => {
          const client = consoleClient(seeded.app, `192.0.2.${100 + i}`);
          await client.signIn(name, PASSWORD);
          return [name, client] as const;
        }),
      ),
    );
    const anonymous = consoleClient(seeded.app, '192.0.2.99');
    const s = ids.xihuSubmission;
    const a = ids.donghuApplication;
    const m = ids.xihuMessage;
    // [method, path, status for admin, rev.donghu, rev.xihu, ed.donghu, anonymous]
    const table: Array<[string, string, number[]]> = [
      ['GET', '/admin', [200, 200, 200, 200, 303]],
      ['GET', '/admin/submissions', [200, 200, 200, 200, 303]],
      ['GET', `/admin/submissions/${s}`, [200, 404, 200, 404, 303]],
      ['GET', '/admin/applications', [200, 200, 200, 403, 303]],
      ['GET', `/admin/applications/${a}`, [200, 200, 404, 403, 303]],
      ['GET', '/admin/messages', [200, 200, 200, 403, 303]],
      ['GET', `/admin/messages/${m}`, [200, 404, 200, 403, 303]],
      ['GET', '/admin/users', [200, 403, 403, 403, 303]],
      ['GET', '/admin/audit', [200, 403, 403, 403, 303]],
      ['GET', '/admin/password', [200, 200, 200, 200, 303]],
      ['GET', '/admin/articles', [200, 403, 403, 200, 303]],
      ['GET', '/admin/facts', [200, 403, 403, 200, 303]],
      ['GET', '/admin/projects', [200, 403, 403, 200, 303]],
      ['POST', `/admin/submissions/${s}/reject`, [-1, 404, -1, 404, 403]],
      ['POST', `/admin/submissions/${s}/edit`, [-1, 404, -1, 404, 403]],
      ['POST', `/admin/applications/${a}/reject`, [-1, -1, 404, 403, 403]],
      ['POST', `/admin/messages/${m}/handle`, [-1, 404, -1, 403, 403]],
      ['POST', '/admin/users', [-1, 403, 403, 403, 403]],
      ['POST', '/admin/users/1/disable', [-1, 403, 403, 403, 403]],
    ];
    const who = ['admin', 'rev.donghu', 'rev.xihu', 'ed.donghu', 'anonymous'];
    for (const [method, path, expected] of table) {
      for (const [index, status] of expected.entries()) {
        if (status === -1) continue;
        const client = index === 4 ? anonymous : clients[who[index]!]!;
        if (method === 'POST') await client.get('/admin');
        const response = method === 'GET' ? await client.get(path) : await client.post(path, { reason: '不符合要求', note: '已电话答复' });
        assert.equal(response.status, status, `${who[index]} ${method} ${path}`);
      }
    }
    // Lists show only the user's channels.
    const donghuList = await (await clients['rev.donghu']!.get('/admin/submissions')).text();
    assert.ok(donghuList.includes('东湖区新引进总部企业') && !donghuList.includes('西湖区商圈改造项目签约'));
    const adminList = await (await clients.admin!.get('/admin/submissions')).text();
    assert.ok(adminList.includes('东湖区新引进总部企业') && adminList.includes('西湖区商圈改造项目签约'));
    // Nothing that was refused changed anything.
    const statuses = await seeded.db.selectFrom('submission').select('status').execute();
    assert.ok(statuses.every((row) => row.status === 'pending'));
  });

  it('takes a contribution through review to a published article on its channel page, with an audit trail', async () => {
    const reviewer = consoleClient(seeded.app, '192.0.2.200');
    await reviewer.signIn('rev.donghu', PASSWORD);
    const home = await (await reviewer.get('/admin')).text();
    assert.match(home, /data-count="submissions">1</);
    await reviewer.get(`/admin/submissions/${ids.donghuSubmission}`);
    const asked = await reviewer.post(`/admin/submissions/${ids.donghuSubmission}/publish`);
    assert.equal(asked.status, 200);
    assert.match(await asked.clone().text(), /发布后,投稿《东湖区新引进总部企业》将作为东湖区频道的文章公开。/);
    assert.equal(
      (await seeded.db.selectFrom('submission').select('status').where('id', '=', ids.donghuSubmission).executeTakeFirstOrThrow()).status,
      'pending',
      'asking changes nothing',
    );
    const published = await reviewer.confirmFrom(asked);
    assert.equal(published.status, 303);
    const row = await seeded.db.selectFrom('submission').selectAll().where('id', '=', ids.donghuSubmission).executeTakeFirstOrThrow();
    assert.equal(row.status, 'published');
    const channelPage = await (await seeded.app.request('/channels/donghu')).text();
    assert.match(channelPage, new RegExp(`<a href="/articles/${row.article_id}">东湖区新引进总部企业</a>`));
    const status = await (await seeded.app.request(`/submit/status?code=${row.tracking_code}`)).text();
    assert.match(status, /已发布/);
    assert.match(status, new RegExp(`href="/articles/${row.article_id}"`));
    assert.equal((await reviewer.confirm(`/admin/submissions/${ids.donghuSubmission}/publish`)).status, 400, 'a second decision is refused');

    const audit = await seeded.db.selectFrom('audit_log').selectAll().where('action', '=', 'submission.publish').executeTakeFirstOrThrow();
    assert.equal(audit.user_name, 'rev.donghu');
    assert.equal(audit.channel, 'donghu', 'a decision records the item’s channel');
    assert.deepEqual(JSON.parse(audit.before!), { status: 'pending' });
    assert.deepEqual(JSON.parse(audit.after!), { status: 'published', articleId: row.article_id });
    const admin = consoleClient(seeded.app, '192.0.2.201');
    await admin.signIn('admin', PASSWORD);
    const log = await (await admin.get('/admin/audit?action=submission.publish')).text();
    assert.match(log, /共 1 条/);
    assert.match(log, /rev\.donghu/);
  });

  it('rejects with a reason the contributor reads, approves applications into the directory, handles messages', async () => {
    const xihu = consoleClient(seeded.app, '192.0.2.210');
    await xihu.signIn('rev.xihu', PASSWORD);
    await xihu.get(`/admin/submissions/${ids.xihuSubmission}`);
    assert.equal((await xihu.confirm(`/admin/submissions/${ids.xihuSubmission}/reject`, { reason: '' })).status, 400);
    assert.equal((await xihu.confirm(`/admin/submissions/${ids.xihuSubmission}/reject`, { reason: '内容与招商无关' })).status, 303);
    const code = (await seeded.db.selectFrom('submission').select('tracking_code').where('id', '=', ids.xihuSubmission).executeTakeFirstOrThrow())
      .tracking_code;
    assert.match(await (await seeded.app.request(`/submit/status?code=${code}`)).text(), /未采用[^]*内容与招商无关/);

    assert.equal((await xihu.confirm(`/admin/messages/${ids.xihuMessage}/handle`, { note: '已电话答复扶持政策' })).status, 303);
    assert.match(await (await xihu.get(`/admin/messages/${ids.xihuMessage}`)).text(), /已处理/);

    const donghu = consoleClient(seeded.app, '192.0.2.211');
    await donghu.signIn('rev.donghu', PASSWORD);
    await donghu.get(`/admin/applications/${ids.donghuApplication}`);
    assert.doesNotMatch(await (await seeded.app.request('/enterprises')).text(), /东湖数字科技/);
    assert.equal((await donghu.confirm(`/admin/applications/${ids.donghuApplication}/approve`)).status, 303);
    assert.match(await (await seeded.app.request('/enterprises')).text(), /东湖数字科技有限公司/);
  });

  it('lets editors write, preview and edit articles of their channels only', async () => {
    const editor = consoleClient(seeded.app, '192.0.2.230');
    await editor.signIn('ed.donghu', PASSWORD);
    const reviewer = consoleClient(seeded.app, '192.0.2.231');
    await reviewer.signIn('rev.donghu', PASSWORD);
    assert.equal((await reviewer.get('/admin/articles')).status, 403);
    assert.equal((await editor.get('/admin/articles')).status, 200);
    assert.equal((await editor.get('/admin/articles/new')).status, 200);

    const fields = {
      title: '东湖区楼宇经济再上新台阶',
      channel: 'donghu',
      publishedOn: '2026-03-02',
      status: 'published',
      publishAt: '',
      body: '## 亮点\n\n税收超亿元楼宇达到**12栋**。<img src=x onerror=alert(1)>',
    };
    const preview = await editor.post('/admin/articles', { ...fields, intent: 'preview' });
    const previewHtml = await preview.text();
    assert.match(previewHtml, /<h2>亮点<\/h2>\n<p>税收超亿元楼宇达到<strong>12栋<\/strong>。&lt;img src=x onerror=alert\(1\)&gt;<\/p>/);
    assert.equal(await seeded.db.selectFrom('article').select('id').where('title', '=', fields.title).executeTakeFirst(), undefined, 'preview saves nothing');

    const invalid = await editor.post('/admin/articles', { ...fields, channel: 'xihu', intent: 'save' });
    assert.equal(invalid.status, 400);
    assert.match(await invalid.text(), /请选择频道/);
    const saved = await editor.post('/admin/articles', { ...fields, intent: 'save' });
    assert.equal(saved.status, 303);
    const id = /\/admin\/articles\/(\d+)\?saved=1$/.exec(saved.headers.get('location') ?? '')?.[1];
    assert.ok(id);
    assert.match(await (await seeded.app.request(`/articles/${id}`)).text(), /税收超亿元楼宇达到<strong>12栋<\/strong>/);
    const edit = await (await editor.get(`/admin/articles/${id}`)).text();
    assert.match(edit, /修订记录/);

    const xihuArticle = await seeded.db.selectFrom('article').select('id').where('channel', '=', 'xihu').executeTakeFirstOrThrow();
    assert.equal((await editor.get(`/admin/articles/${xihuArticle.id}`)).status, 404);
    await editor.get('/admin/articles');
    assert.equal((await editor.confirm(`/admin/articles/${xihuArticle.id}/unpublish`)).status, 404);
    assert.equal((await seeded.app.request(`/articles/${xihuArticle.id}`)).status, 200, 'still public');
  });

  it('lets editors correct extracted facts with checked figures', async () => {
    const editor = consoleClient(seeded.app, '192.0.2.240');
    await editor.signIn('ed.donghu', PASSWORD);
    const page = await (await editor.get('/admin/facts')).text();
    const id = /id="fact-(\d+)"/.exec(page)![1]!;
    const bad = await editor.post(`/admin/facts/${id}/correct`, { year: '2014', kind: 'actual', value: '四百', unit: '亿元', growth: '8', stretch: '' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /数值须为数字/);
    assert.equal(
      (await editor.post(`/admin/facts/${id}/correct`, { year: '2014', kind: 'actual', value: '429', unit: '亿元', growth: '8.5', stretch: '' })).status,
      303,
    );
    const row = await seeded.db
      .selectFrom('indicator_fact')
      .select(['growth', 'curation', 'curated_by'])
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    assert.deepEqual([Number(row.growth), row.curation, row.curated_by], [8.5, 'corrected', 'ed.donghu']);
  });

  it('lets admins add and disable users, which ends their sessions', async () => {
    const admin = consoleClient(seeded.app, '192.0.2.220');
    await admin.signIn('admin', PASSWORD);
    await admin.get('/admin/users');
    const weak = await admin.post('/admin/users', { name: 'rev.honggutan', roles: ['reviewer'], password: 'short', channels: ['honggutan'] });
    assert.equal(weak.status, 400);
    assert.match(await weak.text(), /密码至少 12 个字符/);
    assert.equal(
      (await admin.post('/admin/users', { name: 'rev.honggutan', roles: ['reviewer'], password: PASSWORD, channels: ['honggutan', 'atlantis'] })).status,
      303,
    );
    const created = await seeded.db.selectFrom('app_user').select('id').where('name', '=', 'rev.honggutan').executeTakeFirstOrThrow();
    assert.deepEqual(
      (await seeded.db.selectFrom('user_channel').select('channel').where('user_id', '=', created.id).execute()).map((r) => r.channel),
      ['honggutan'],
    );

    const newcomer = consoleClient(seeded.app, '192.0.2.221');
    await newcomer.signIn('rev.honggutan', PASSWORD);
    assert.equal((await newcomer.get('/admin')).status, 200);
    const asked = await admin.post(`/admin/users/${created.id}/disable`);
    assert.equal(asked.status, 200);
    assert.match(await asked.text(), /停用后,用户“rev\.honggutan”将立即退出登录/);
    assert.equal((await newcomer.get('/admin')).status, 200, 'asking changes nothing');
    assert.equal((await admin.confirm(`/admin/users/${created.id}/disable`)).status, 303);
    assert.equal((await newcomer.get('/admin')).status, 303, 'disabling ends the session at once');
  });
});
