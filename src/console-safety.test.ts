// The console asks before an action it cannot undo, and keeps mistakes inside the console: every
// irreversible action without confirmed=1 changes nothing and names its item, a bad value comes
// back beside its field with the input kept, and errors under /admin render in the console frame.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from './accounts/account.service.ts';
import { passwordPolicy } from './accounts/password-policy.ts';
import { COMMAND_LINE } from './audit/audit.service.ts';
import { creditCodeCheckCharacter } from './enterprises/credit-code.ts';
import { addManualProject } from './insights/project-curation.service.ts';
import { consoleClient } from '../test/helpers/console-client.ts';
import { openForm } from '../test/helpers/forms.ts';
import { openSeededApp } from '../test/helpers/test-app.ts';
import { testDialects } from '../test/helpers/test-db.ts';

const PASSWORD = 'correct horse battery';
const CONSOLE_NAV = 'aria-label="后台栏目"';

for (const dialect of testDialects()) {
  describe(`console safety (${dialect.name})`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    let reviewer: ReturnType<typeof consoleClient>;
    let editor: ReturnType<typeof consoleClient>;
    let admin: ReturnType<typeof consoleClient>;
    const auditCount = async () =>
      (
        await seeded.db
          .selectFrom('audit_log')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;

    before(async () => {
      seeded = await openSeededApp({ dialect });
      for (const [name, role, channels] of [
        ['admin', 'admin', []],
        ['rev.donghu', 'reviewer', ['donghu']],
        ['ed.donghu', 'editor', ['donghu']],
        ['rev.other', 'reviewer', ['donghu']],
      ] as const) {
        await createUser(seeded.db, COMMAND_LINE, { name, roles: [role], password: PASSWORD, channels: [...channels] }, passwordPolicy('modern'));
      }
      for (const [index, title] of ['东湖区新引进总部企业', '东湖区商圈改造项目签约'].entries()) {
        const form = await openForm(seeded.app, '/submit', `198.18.0.${index + 1}`);
        assert.equal(
          (
            await form.post({
              title,
              body: `${title}的正文内容,介绍了项目的投资规模和进度安排。`,
              channel: 'donghu',
              name: '投稿人',
              contact: '13800138000',
              consent: 'yes',
            })
          ).status,
          303,
        );
      }
      for (const [index, companyName] of ['东湖数字科技有限公司', '东湖新材料有限公司'].entries()) {
        const first17 = `9136010000000000${index}`;
        const form = await openForm(seeded.app, '/enterprises/apply', `198.18.1.${index + 1}`);
        const response = await form.post({
          companyName,
          creditCode: first17 + creditCodeCheckCharacter(first17),
          industry: 'I',
          channel: 'donghu',
          plannedInvestment: '3000',
          contactPerson: '赵六',
          contactMobile: '13700137000',
          description: '数字内容产业总部,计划租用写字楼两层。',
          consent: 'yes',
        });
        assert.equal(response.status, 303, companyName);
      }
      const contact = await openForm(seeded.app, '/contact', '198.18.2.1');
      assert.equal(
        (
          await contact.post({
            channel: 'donghu',
            subject: '咨询商铺政策',
            body: '请问东湖区对新开商铺有什么扶持政策?',
            name: '钱七',
            contact: 'qian@example.cn',
            consent: 'yes',
          })
        ).status,
        303,
      );
      const editorUser = { id: 0, name: 'ed.donghu', roles: ['editor' as const], channels: ['donghu'], mustChangePassword: false };
      for (const name of ['东湖区智能制造产业园', '东湖区会展中心'])
        assert.ok(
          'id' in (await addManualProject(seeded.db, editorUser, COMMAND_LINE, { name, amountYi: 12.5, channel: 'donghu', industry: null, stage: '签约' })),
        );

      [reviewer, editor, admin] = [consoleClient(seeded.app, '192.0.2.10'), consoleClient(seeded.app, '192.0.2.11'), consoleClient(seeded.app, '192.0.2.12')];
      assert.equal((await reviewer.signIn('rev.donghu', PASSWORD)).status, 303);
      assert.equal((await editor.signIn('ed.donghu', PASSWORD)).status, 303);
      assert.equal((await admin.signIn('admin', PASSWORD)).status, 303);
    });
    after(() => seeded?.close());

    it('asks before each irreversible action, naming its item, and acts only once confirmed', async () => {
      const db = seeded.db;
      const submissions = await db.selectFrom('submission').select(['id', 'title']).orderBy('id').execute();
      const applications = await db.selectFrom('enterprise_application').select(['id', 'company_name']).orderBy('id').execute();
      const message = await db.selectFrom('contact_message').select('id').executeTakeFirstOrThrow();
      const article = await db
        .selectFrom('article')
        .select(['id', 'title'])
        .where('channel', '=', 'donghu')
        .where('status', '=', 'published')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const fact = await db.selectFrom('indicator_fact').select('id').where('channel', '=', 'donghu').orderBy('id').executeTakeFirstOrThrow();
      const project = await db.selectFrom('project').select('id').where('name', '=', '东湖区智能制造产业园').executeTakeFirstOrThrow();
      const other = await db.selectFrom('app_user').select('id').where('name', '=', 'rev.other').executeTakeFirstOrThrow();
      const state = {
        submissionPublished: async () =>
          (await db.selectFrom('submission').select('status').where('id', '=', submissions[0]!.id).executeTakeFirstOrThrow()).status,
        submissionRejected: async () =>
          (await db.selectFrom('submission').select('status').where('id', '=', submissions[1]!.id).executeTakeFirstOrThrow()).status,
        applicationApproved: async () =>
          (await db.selectFrom('enterprise_application').select('status').where('id', '=', applications[0]!.id).executeTakeFirstOrThrow()).status,
        applicationRejected: async () =>
          (await db.selectFrom('enterprise_application').select('status').where('id', '=', applications[1]!.id).executeTakeFirstOrThrow()).status,
        message: async () => (await db.selectFrom('contact_message').select('status').where('id', '=', message.id).executeTakeFirstOrThrow()).status,
        article: async () => (await db.selectFrom('article').select('status').where('id', '=', article.id).executeTakeFirstOrThrow()).status,
        fact: async () => (await db.selectFrom('indicator_fact').select('curation').where('id', '=', fact.id).executeTakeFirstOrThrow()).curation,
        project: async () => (await db.selectFrom('project').select('curation').where('id', '=', project.id).executeTakeFirstOrThrow()).curation,
        user: async () => (await db.selectFrom('app_user').select('disabled_at').where('id', '=', other.id).executeTakeFirstOrThrow()).disabled_at !== null,
      };
      // [who, detail page, action, fields, what the confirmation says, state read, before, after]
      const cases: Array<[ReturnType<typeof consoleClient>, string, string, Record<string, string>, RegExp, () => Promise<unknown>, unknown, unknown]> = [
        [
          reviewer,
          `/admin/submissions/${submissions[0]!.id}`,
          'publish',
          {},
          /发布后,投稿《东湖区新引进总部企业》将作为东湖区频道的文章公开。/,
          state.submissionPublished,
          'pending',
          'published',
        ],
        [
          reviewer,
          `/admin/submissions/${submissions[1]!.id}`,
          'reject',
          { reason: '内容与招商无关' },
          /投稿《东湖区商圈改造项目签约》将标为未采用[^<]*内容与招商无关/,
          state.submissionRejected,
          'pending',
          'rejected',
        ],
        [
          reviewer,
          `/admin/applications/${applications[0]!.id}`,
          'approve',
          {},
          /通过后,东湖数字科技有限公司将列入东湖区的企业名录/,
          state.applicationApproved,
          'pending',
          'approved',
        ],
        [
          reviewer,
          `/admin/applications/${applications[1]!.id}`,
          'reject',
          { reason: '材料不全' },
          /东湖新材料有限公司的入驻申请将标为未通过,原因:材料不全/,
          state.applicationRejected,
          'pending',
          'rejected',
        ],
        [
          reviewer,
          `/admin/messages/${message.id}`,
          'handle',
          { note: '已电话答复' },
          /留言《咨询商铺政策》将移入已处理[^<]*已电话答复/,
          state.message,
          'open',
          'handled',
        ],
        [
          editor,
          `/admin/articles/${article.id}`,
          'unpublish',
          {},
          new RegExp(`撤回后,文章《${article.title}》将改为草稿`),
          state.article,
          'published',
          'draft',
        ],
        [editor, `/admin/facts/${fact.id}`, 'delete', {}, /删除后,文章《[^》]+》中识别的“[^”]+”数据将不再在公开页面显示/, state.fact, null, 'deleted'],
        [
          editor,
          `/admin/projects/${project.id}`,
          'delete',
          {},
          /删除后,项目“东湖区智能制造产业园”\(东湖区\)将从项目库和公开页面移除/,
          state.project,
          'corrected',
          'deleted',
        ],
        [admin, `/admin/users/${other.id}`, 'disable', {}, /停用后,用户“rev\.other”将立即退出登录/, state.user, false, true],
      ];
      for (const [client, item, action, fields, names, read, was, becomes] of cases) {
        const path = `${item}/${action}`;
        await client.get('/admin');
        const audited = await auditCount();
        const asked = await client.post(path, fields);
        assert.equal(asked.status, 200, path);
        const page = await asked.clone().text();
        assert.match(page, names, path);
        assert.match(page, new RegExp(`<form class="public-form action-form" method="post" action="${path}">`), path);
        assert.match(page, /<input type="hidden" name="confirmed" value="1"\/>/, path);
        assert.ok(page.includes(CONSOLE_NAV), `${path}: in the console`);
        assert.deepEqual([await read(), await auditCount()], [was, audited], `${path}: asking changes nothing`);
        const done = await client.confirmFrom(asked);
        assert.equal(done.status, 303, path);
        assert.deepEqual([await read(), await auditCount()], [becomes, audited + 1], `${path}: confirmed, it acts once, audited`);
      }
    });

    it('keeps the reject reason through the confirmation, as written', async () => {
      const form = await openForm(seeded.app, '/submit', '198.18.0.9');
      assert.equal(
        (
          await form.post({
            title: '东湖区楼宇经济报道',
            body: '东湖区楼宇经济报道的正文内容,介绍了楼宇的招商情况。',
            channel: 'donghu',
            name: '投稿人',
            contact: '13800138000',
            consent: 'yes',
          })
        ).status,
        303,
      );
      const { id } = await seeded.db.selectFrom('submission').select('id').where('title', '=', '东湖区楼宇经济报道').executeTakeFirstOrThrow();
      const reason = '与"招商"无关 <b>&</b>\'\n请改投其他栏目';
      await reviewer.get(`/admin/submissions/${id}`);
      const asked = await reviewer.post(`/admin/submissions/${id}/reject`, { reason: `  ${reason}  ` });
      assert.equal(asked.status, 200);
      assert.equal((await reviewer.confirmFrom(asked)).status, 303);
      const row = await seeded.db.selectFrom('submission').select(['status', 'reject_reason']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual([row.status, row.reject_reason], ['rejected', reason]);
    });

    it('shows an empty or long reason beside its field on the detail page, inside the console', async () => {
      const form = await openForm(seeded.app, '/submit', '198.18.0.10');
      assert.equal(
        (
          await form.post({
            title: '东湖区人才公寓投用',
            body: '东湖区人才公寓投用的正文内容,介绍了公寓的规模和入住条件。',
            channel: 'donghu',
            name: '投稿人',
            contact: '13800138000',
            consent: 'yes',
          })
        ).status,
        303,
      );
      const { id } = await seeded.db.selectFrom('submission').select('id').where('title', '=', '东湖区人才公寓投用').executeTakeFirstOrThrow();
      await reviewer.get(`/admin/submissions/${id}`);
      for (const [reason, message] of [
        ['   ', '请填写未采用原因。'],
        ['长'.repeat(501), '未采用原因不能超过 500 个字。'],
      ] as const) {
        const refused = await reviewer.confirm(`/admin/submissions/${id}/reject`, { reason });
        assert.equal(refused.status, 400);
        const page = await refused.text();
        assert.ok(page.includes(CONSOLE_NAV), 'in the console');
        assert.match(page, /<title>投稿:东湖区人才公寓投用/);
        assert.match(
          page,
          new RegExp(
            `<textarea id="field-reason" name="reason"[^>]*aria-invalid="true" aria-describedby="error-reason">${reason}</textarea><p class="field-error" id="error-reason">${message}</p>`,
          ),
        );
      }
      assert.equal((await seeded.db.selectFrom('submission').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'pending');
    });

    it('keeps refused project and fact forms on their page, the values kept and each error beside its field', async () => {
      await editor.get('/admin/projects');
      const added = await editor.post('/admin/projects', { name: '东湖区新能源产业园', amount: '十二', channel: 'donghu', industry: '新能源', stage: '签约' });
      assert.equal(added.status, 400);
      const addPage = await added.text();
      assert.ok(addPage.includes(CONSOLE_NAV));
      assert.match(addPage, /<input id="project-name" name="name" maxlength="60" required="" value="东湖区新能源产业园"\/>/);
      assert.match(
        addPage,
        /<input id="project-amount" name="amount"[^>]* value="十二" aria-invalid="true" aria-describedby="project-new-add-error-amount"\/><span class="field-error" id="project-new-add-error-amount">[^<]+<\/span>/,
      );
      assert.match(addPage, /<input id="project-industry" name="industry" maxlength="20" value="新能源"\/>/);
      assert.equal(await seeded.db.selectFrom('project').select('id').where('name', '=', '东湖区新能源产业园').executeTakeFirst(), undefined);

      const { id } = await seeded.db.selectFrom('project').select('id').where('name', '=', '东湖区会展中心').executeTakeFirstOrThrow();
      const milestone = await editor.post(`/admin/projects/${id}/milestone`, { milestone: '开工/在建', plannedOn: '2026-02-30' });
      assert.equal(milestone.status, 400);
      assert.match(
        await milestone.text(),
        new RegExp(
          `<input type="date" name="plannedOn" value="2026-02-30" aria-label="[^"]+" aria-invalid="true" aria-describedby="project-${id}-milestone-error-plannedOn"/><span class="field-error" id="project-${id}-milestone-error-plannedOn">计划日期不正确`,
        ),
      );

      const page = await (await editor.get('/admin/facts')).text();
      const fact = /id="fact-(\d+)"/.exec(page)![1]!;
      const bad = await editor.post(`/admin/facts/${fact}/correct`, { year: '2014', kind: 'actual', value: '四百', unit: '亿元', growth: '8', stretch: '' });
      assert.equal(bad.status, 400);
      const badPage = await bad.text();
      assert.ok(badPage.includes(CONSOLE_NAV));
      assert.match(
        badPage,
        new RegExp(
          `<input name="value" size="8" inputmode="decimal" maxlength="\\d+" value="四百" aria-invalid="true" aria-describedby="fact-${fact}-error-value"/><span class="field-error" id="fact-${fact}-error-value">数值须为数字`,
        ),
      );
      assert.match(badPage, /<input name="growth" size="5" inputmode="decimal" maxlength="\d+" value="8"\/>/);
    });

    it('renders 404s and refusals under /admin inside the console, with its navigation', async () => {
      for (const [client, path, status, text] of [
        [reviewer, '/admin/submissions/99999999', 404, '没有这一项,或它不在您负责的频道。'],
        [reviewer, '/admin/no-such-page', 404, '您访问的页面不存在或已被删除。'],
        [reviewer, '/admin/articles', 403, '您没有权限访问这个页面。'],
      ] as const) {
        const response = await client.get(path);
        assert.equal(response.status, status, path);
        const page = await response.text();
        assert.ok(page.includes(CONSOLE_NAV), `${path}: the console's navigation`);
        assert.match(page, /<body class="console">/);
        assert.ok(page.includes(text), path);
        assert.match(page, /<a href="\/admin">返回工作台<\/a>/);
      }
      const publicPage = await seeded.app.request('/no-such-page');
      assert.equal(publicPage.status, 404);
      assert.ok(!(await publicPage.text()).includes(CONSOLE_NAV), 'the public site keeps its own error page');
    });
  });
}
