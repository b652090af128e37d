import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { openForm } from '../../test/helpers/forms.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { CASE_LOOKUP_LIMIT } from '../http/case-status.tsx';
import { APPEAL_LIMIT } from './appeal.routes.tsx';

const PASSWORD = 'correct horse battery';
const FILED = {
  creditCode: '91110000802100433B',
  enterpriseName: '东湖数字科技有限公司',
  contactName: '赵六',
  contactPhone: '137 0013 7000',
  channel: 'donghu',
  category: '融资',
  title: '流动资金贷款续贷困难',
  body: '我公司一笔流动资金贷款将到期,银行暂不同意续贷,希望协调。',
  consent: 'yes',
};
const FOREIGN = {
  ...FILED,
  registration: 'abroad',
  creditCode: '',
  registrationCountry: 'DE',
  registrationNumber: ' hrb  12345 ',
  enterpriseName: 'Rhein Antriebstechnik GmbH',
  contactName: 'Anna Weber',
  contactPhone: '+49 30 1234-5678',
};
const PERSONAL = /赵六|13700137000|137 0013 7000/;
const CODE = /^\/appeals\/track\?code=(SQ-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})&new=1$/;

for (const dialect of testDialects()) {
  describe(`企业诉求 on ${dialect.name}`, () => {
    it('runs a request from the form through 分办, progress, 办结 and a 不满意 rating to its review, showing the enterprise no personal data', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const policy = passwordPolicy('modern');
        await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, policy);
        await createUser(seeded.db, COMMAND_LINE, { name: 'dh.office', roles: ['editor'], password: PASSWORD, channels: ['donghu'] }, policy);
        await createUser(seeded.db, COMMAND_LINE, { name: 'xh.office', roles: ['reviewer'], password: PASSWORD, channels: ['xihu'] }, policy);
        const admin = consoleClient(seeded.app, '192.0.2.91');
        const donghu = consoleClient(seeded.app, '192.0.2.92');
        const xihu = consoleClient(seeded.app, '192.0.2.93');
        for (const [client, name] of [
          [admin, 'admin'],
          [donghu, 'dh.office'],
          [xihu, 'xh.office'],
        ] as const)
          assert.equal((await client.signIn(name, PASSWORD)).status, 303);

        const form = await openForm(seeded.app, '/appeals');
        assert.match(form.html, /融资 7 个工作日/, 'the desk says its deadlines');
        const filed = await form.post(FILED);
        assert.equal(filed.status, 303);
        const code = CODE.exec(filed.headers.get('location') ?? '')?.[1];
        assert.ok(code);
        const receipt = await (await seeded.app.request(filed.headers.get('location')!)).text();
        assert.match(receipt, new RegExp(`<p class="tracking-code">${code}</p>`), 'the receipt shows the reference code');
        const row = await seeded.db.selectFrom('appeal').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual([row.contact_phone, row.credit_code, row.status], ['13700137000', '91110000802100433B', 'received']);
        const id = Number(row.id);
        const track = async () => (await seeded.app.request(`/appeals/track?code=${code}`)).text();
        assert.match(await track(), /<td class="appeal-status">待分办<\/td>/);

        // Only the district's office and the admins see it.
        assert.match(await (await donghu.get('/admin/appeals')).text(), /流动资金贷款续贷困难/);
        assert.doesNotMatch(await (await xihu.get('/admin/appeals')).text(), /流动资金贷款续贷困难/);
        assert.equal((await xihu.get(`/admin/appeals/${id}`)).status, 404);
        assert.equal((await xihu.confirm(`/admin/appeals/${id}/assign`, { handler: '1' })).status, 404);

        const page = await (await donghu.get(`/admin/appeals/${id}`)).text();
        assert.match(page, /赵六/, 'the office sees who to call');
        const handlerId = /<option value="(\d+)">dh\.office<\/option>/.exec(page)?.[1];
        assert.ok(handlerId);
        assert.doesNotMatch(page, />xh\.office</, 'only accounts of the office are offered');
        const noHandler = await donghu.post(`/admin/appeals/${id}/assign`, { handler: '' });
        assert.equal(noHandler.status, 400);
        assert.match(await noHandler.text(), /请选择承办人。/);
        const asking = await donghu.post(`/admin/appeals/${id}/assign`, { handler: handlerId });
        assert.match(await asking.clone().text(), /确认分办/);
        assert.equal((await donghu.confirmFrom(asking)).status, 303);
        assert.equal((await donghu.confirm(`/admin/appeals/${id}/assign`, { handler: handlerId })).status, 400, 'assigned once');
        const assigned = await seeded.db.selectFrom('appeal').select(['due_on', 'handler_id']).where('id', '=', id).executeTakeFirstOrThrow();
        assert.equal(String(assigned.handler_id), handlerId);
        assert.match(await track(), new RegExp(`<td class="appeal-due">${assigned.due_on}`));
        assert.match(await (await donghu.get('/admin/appeals/mine')).text(), /流动资金贷款续贷困难/);

        const emptyNote = await donghu.post(`/admin/appeals/${id}/note`, { note: '  ' });
        assert.equal(emptyNote.status, 400);
        assert.match(await emptyNote.text(), /请填写办理进展。/);
        assert.equal((await donghu.confirm(`/admin/appeals/${id}/note`, { note: '已约见两家银行。' })).status, 303);
        const badExtension = await donghu.post(`/admin/appeals/${id}/extension`, { workingDays: '0', reason: '银行审批需要时间。' });
        assert.equal(badExtension.status, 400);
        const refused = await badExtension.text();
        assert.match(refused, /延期工作日请填写 1 至 60 之间的整数。/);
        assert.match(refused, /银行审批需要时间。/, 'the input is kept');
        assert.equal((await donghu.confirm(`/admin/appeals/${id}/extension`, { workingDays: '2', reason: '银行审批需要时间。' })).status, 303);
        const extensionId = /\/extensions\/(\d+)\/approve/.exec(await (await admin.get(`/admin/appeals/${id}`)).text())?.[1];
        assert.ok(extensionId);
        assert.equal((await donghu.confirm(`/admin/appeals/${id}/extensions/${extensionId}/approve`)).status, 403, 'admins decide');
        assert.equal((await admin.confirm(`/admin/appeals/${id}/extensions/${extensionId}/approve`)).status, 303);
        const extended = await seeded.db.selectFrom('appeal').select('due_on').where('id', '=', id).executeTakeFirstOrThrow();
        assert.ok(extended.due_on! > assigned.due_on!);

        const tracked = await track();
        assert.match(tracked, /已约见两家银行。/, 'progress notes reach the enterprise');
        assert.doesNotMatch(tracked, /银行审批需要时间|dh\.office/, 'extension reasons and handlers stay inside');
        assert.doesNotMatch(tracked, /评价办理结果/, 'no rating before it is resolved');

        const early = await openForm(seeded.app, '/appeals', '198.51.100.90');
        const tooEarly = await early.post({ code, rating: 'satisfied' }, '/appeals/rate');
        assert.equal(tooEarly.status, 400);
        assert.match(await tooEarly.text(), /不在待评价状态/);

        assert.equal((await donghu.confirm(`/admin/appeals/${id}/resolve`, { resolution: '银行已同意续贷一年。' })).status, 303);
        const resolved = await track();
        assert.match(resolved, /银行已同意续贷一年。/);
        assert.match(resolved, /评价办理结果/);

        const rating = await openForm(seeded.app, `/appeals/track?code=${code}`, '198.51.100.91');
        const noComment = await rating.post({ code, rating: 'unsatisfied', comment: '' }, '/appeals/rate');
        assert.equal(noComment.status, 400);
        assert.match(await noComment.text(), /选择“不满意”时,请填写评价意见/);
        const unsatisfied = await rating.post({ code: code.toLowerCase(), rating: 'unsatisfied', comment: '续贷利率上浮过高。' }, '/appeals/rate');
        assert.equal(unsatisfied.status, 303);
        assert.match(await track(), /不满意,复核中/);
        assert.equal((await rating.post({ code, rating: 'satisfied' }, '/appeals/rate')).status, 400, 'rated once');

        const queue = await (await admin.get('/admin/appeals?status=reopened')).text();
        assert.match(queue, /流动资金贷款续贷困难/);
        assert.equal((await admin.confirm(`/admin/appeals/${id}/review`, { handler: handlerId })).status, 303);
        assert.equal((await seeded.db.selectFrom('appeal').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'assigned');
        assert.equal((await admin.get('/admin/appeals?status=nothing')).status, 400);

        const audit = await seeded.db.selectFrom('audit_log').select('action').where('target_type', '=', 'appeal').orderBy('id').execute();
        assert.deepEqual(
          audit.map((entry) => entry.action),
          ['appeal.assign', 'appeal.note', 'appeal.extension_request', 'appeal.extension_approve', 'appeal.resolve', 'appeal.review'],
        );
        for (const shown of [receipt, tracked, resolved, await track()]) assert.doesNotMatch(shown, PERSONAL);
      } finally {
        await seeded.close();
      }
    });

    it('takes a request of a company registered abroad, with an international phone, through the console to its tracking page', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        await createUser(seeded.db, COMMAND_LINE, { name: 'dh.office', roles: ['editor'], password: PASSWORD, channels: ['donghu'] }, passwordPolicy('modern'));
        const office = consoleClient(seeded.app, '192.0.2.95');
        assert.equal((await office.signIn('dh.office', PASSWORD)).status, 303);
        const form = await openForm(seeded.app, '/appeals', '198.51.100.96');
        assert.match(form.html, /<input type="radio" name="registration" value="china" checked=""\/>/, 'a mainland company unless chosen otherwise');
        assert.match(form.html, /<optgroup label="港澳台地区"><option value="HK">中国香港<\/option>/);
        assert.match(form.html, /带国家代码的国际号码\(如 \+49 30 1234567\)/, 'the phone hint says how to write a number abroad');

        const filed = await form.post(FOREIGN);
        assert.equal(filed.status, 303);
        const code = CODE.exec(filed.headers.get('location') ?? '')?.[1];
        assert.ok(code);
        const row = await seeded.db.selectFrom('appeal').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual(
          [row.credit_code, row.registration_country, row.registration_number, row.contact_phone],
          ['', 'DE', 'HRB 12345', '+493012345678'],
          'stored with its country and number instead of a credit code, the phone in E.164',
        );

        const detail = await (await office.get(`/admin/appeals/${row.id}`)).text();
        assert.match(detail, /<th scope="row">注册地<\/th><td>境外\(含港澳台地区\)<\/td>/);
        assert.match(detail, /<th scope="row">注册国家或地区<\/th><td>德国<\/td>/);
        assert.match(detail, /<th scope="row">境外注册号<\/th><td>HRB 12345<\/td>/);
        assert.match(detail, /\+493012345678/, 'the office sees the number to call');
        assert.doesNotMatch(detail, /统一社会信用代码/);

        const tracked = await (await seeded.app.request(`/appeals/track?code=${code}`)).text();
        assert.match(tracked, /<th scope="row">企业名称<\/th>\s*<td>Rhein Antriebstechnik GmbH<\/td>/);
        assert.match(tracked, /<th scope="row">注册国家或地区<\/th><td>德国<\/td>/);
        assert.match(tracked, /<th scope="row">境外注册号<\/th><td>HRB 12345<\/td>/);
        assert.doesNotMatch(tracked, /Anna Weber|\+?49 ?30|493012345678/, 'never the contact or the phone');

        // A mainland company gives its credit code: choosing "abroad" does not skip the check.
        const loopholes: Array<[Record<string, string>, RegExp]> = [
          [{ registrationCountry: 'CN' }, /<p class="field-error" id="error-registrationCountry">请选择注册国家或地区。<\/p>/],
          [{ registrationNumber: '91110000802100433B' }, /这是一个统一社会信用代码/],
          [{ registration: 'china', creditCode: '91110000802100433C' }, /统一社会信用代码校验位不符/],
          [{ registration: 'china', creditCode: '' }, /请填写统一社会信用代码。/],
          [{ contactPhone: '+49 30' }, /联系电话格式不正确:国际号码的国家代码和号码共应为 8 至 15 位数字,您填写了 4 位。/],
        ];
        for (const [change, message] of loopholes) {
          const refused = await form.post({ ...FOREIGN, ...change });
          assert.equal(refused.status, 400, JSON.stringify(change));
          const html = await refused.text();
          assert.match(html, message, JSON.stringify(change));
          assert.match(html, /value="Rhein Antriebstechnik GmbH"/, 'the input is kept');
        }
        const chosen = await (await form.post({ ...FOREIGN, registrationCountry: 'CN' })).text();
        assert.match(chosen, /<input type="radio" name="registration" value="abroad" checked=""\/>/, 'the form comes back with 境外企业 still chosen');
        assert.equal((await seeded.db.selectFrom('appeal').select('id').execute()).length, 1);
      } finally {
        await seeded.close();
      }
    });

    it('keeps the input with Chinese messages, checks the credit code as 企业入驻 does, and refuses a post without the CSRF token', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const form = await openForm(seeded.app, '/appeals', '198.51.100.94');
        const wrongCheck = await form.post({ ...FILED, creditCode: '91110000802100433C', title: '保留的标题文字', consent: '' });
        assert.equal(wrongCheck.status, 400);
        const html = await wrongCheck.text();
        assert.match(html, /统一社会信用代码校验位不符/);
        assert.match(html, /请阅读并同意个人信息的使用说明。/);
        assert.match(html, /value="保留的标题文字"/);
        const short = await form.post({ ...FILED, creditCode: '9111000080210043', category: '其它' });
        const shortHtml = await short.text();
        assert.match(shortHtml, /统一社会信用代码应为 18 位,您填写了 16 位。/);
        assert.match(shortHtml, /请选择诉求类别。/);
        const lower = await form.post({ ...FILED, creditCode: '91110000802100433b' });
        assert.equal(lower.status, 303, 'typed in lower case, as 企业入驻 accepts it');
        assert.equal((await seeded.db.selectFrom('appeal').select('credit_code').executeTakeFirstOrThrow()).credit_code, '91110000802100433B');

        const forged = await seeded.app.request('/appeals', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '198.51.100.95' },
          body: new URLSearchParams(FILED).toString(),
        });
        assert.equal(forged.status, 403);
        assert.equal((await seeded.app.request('/appeals/track?code=SQ-2222-2222')).status, 404);
        assert.equal((await seeded.app.request('/appeals/track?code=nonsense')).status, 400);
      } finally {
        await seeded.close();
      }
    });

    it('counts only accepted requests against the limit, and limits tracking lookups and rating posts together', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const form = await openForm(seeded.app, '/appeals', '198.51.100.96');
        for (let i = 0; i < 6; i += 1) assert.equal((await form.post({ ...FILED, contactPhone: '12345' })).status, 400, 'a typo');
        for (let i = 0; i < APPEAL_LIMIT.max; i += 1) assert.equal((await form.post(FILED)).status, 303);
        const limited = await form.post({ ...FILED, title: '第六项诉求的标题' });
        assert.equal(limited.status, 429);
        assert.match(await limited.text(), /value="第六项诉求的标题"/);
        const count = await seeded.db
          .selectFrom('appeal')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(count.n), APPEAL_LIMIT.max);

        const lookups = await openForm(seeded.app, '/appeals', '198.51.100.97');
        // A rating post with a guessed code costs a lookup, as a lookup does.
        assert.equal((await lookups.post({ code: 'SQ-2222-2222', rating: 'satisfied' }, '/appeals/rate')).status, 404);
        for (let i = 1; i < CASE_LOOKUP_LIMIT.max; i += 1) {
          const response = await seeded.app.request('/appeals/track?code=SQ-2222-2223', { headers: { 'X-Forwarded-For': '198.51.100.97' } });
          assert.equal(response.status, 404);
        }
        assert.equal((await seeded.app.request('/appeals/track?code=SQ-2222-2224', { headers: { 'X-Forwarded-For': '198.51.100.97' } })).status, 429);
        assert.equal((await lookups.post({ code: 'SQ-2222-2225', rating: 'satisfied' }, '/appeals/rate')).status, 429);
      } finally {
        await seeded.close();
      }
    });
  });
}
