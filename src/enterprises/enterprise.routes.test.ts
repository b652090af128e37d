import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { openForm } from '../../test/helpers/forms.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { APPLY_LIMIT } from './enterprise.routes.tsx';
import { applyForSettlement, decideApplication } from './application.service.ts';

const FOREIGN = {
  companyName: 'Rhein Antriebstechnik GmbH',
  registration: 'abroad',
  registrationCountry: 'DE',
  registrationNumber: 'hrb 123456',
  industry: 'C',
  channel: 'xiaolan',
  plannedInvestment: '8000',
  contactPerson: 'Anna Weber',
  contactMobile: '+49 30 1234-5678',
  description: '电驱动系统生产基地,首期投资八千万元。',
  consent: 'yes',
};
const PASSWORD = 'correct horse battery';

const VALID = {
  companyName: '江西智造科技有限公司',
  creditCode: '9144030071526726XG',
  industry: 'C',
  channel: 'xiaolan',
  plannedInvestment: '50,000.5',
  contactPerson: '李四',
  contactMobile: '+86 138-0013-8000',
  description: '新能源汽车零部件生产基地,一期建设两条产线。',
  consent: 'yes',
};

for (const dialect of testDialects()) {
  describe(`企业入驻 on ${dialect.name}`, () => {
    it('stores an application, refuses a second open one for the same code, lists only approved ones', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const form = await openForm(seeded.app, '/enterprises/apply');
        const response = await form.post(VALID);
        assert.equal(response.status, 303);
        const location = response.headers.get('location') ?? '';
        const code = /^\/enterprises\/status\?code=(RZ-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})&new=1$/.exec(location)?.[1];
        assert.ok(code, location);
        const stored = await seeded.db.selectFrom('enterprise_application').selectAll().executeTakeFirstOrThrow();
        assert.equal(stored.credit_code, '9144030071526726XG');
        assert.equal(Number(stored.planned_investment), 50000.5);
        assert.equal(stored.contact_mobile, '13800138000');
        assert.equal(stored.status, 'pending');
        assert.equal(stored.tracking_code, code);
        assert.deepEqual([stored.registration_country, stored.registration_number], [null, null]);

        const status = await seeded.app.request(location);
        const statusPage = await status.text();
        assert.equal(status.status, 200);
        assert.match(statusPage, new RegExp(`<p class="tracking-code">${code}</p>`));
        assert.match(statusPage, /<td class="application-status">待审核<\/td>/);
        assert.ok(!statusPage.includes('13800138000') && !statusPage.includes('李四'), 'no personal data on the status page');

        const again = await form.post({ ...VALID, creditCode: '9144 0300 7152 6726 xg' });
        assert.equal(again.status, 400);
        assert.match(await again.text(), /已有一份正在审核的申请/);
        // The database refuses it too, whatever the route checks.
        await assert.rejects(
          seeded.db
            .insertInto('enterprise_application')
            .values({ ...stored, id: undefined, company_name: '另一家' } as never)
            .execute(),
        );

        assert.doesNotMatch(await (await seeded.app.request('/enterprises')).text(), /江西智造/, 'pending applications are not listed');
        await seeded.db.updateTable('enterprise_application').set({ status: 'approved', closed_at: '2026-01-05T08:00:00.000Z' }).execute();
        await bumpContentVersion(seeded.db);
        const other = await applyForSettlement(seeded.db, {
          ...VALID,
          company: { kind: 'china', creditCode: '91330100799655058B' },
          companyName: '洪城软件有限公司',
          industry: 'I',
          channel: 'gaoxin',
          plannedInvestment: 800,
          contactMobile: '13900139000',
          consent: 'yes',
        });
        assert.ok('id' in other);
        await seeded.db
          .updateTable('enterprise_application')
          .set({ status: 'approved', closed_at: '2026-02-01T08:00:00.000Z' })
          .where('id', '=', other.id)
          .execute();
        await bumpContentVersion(seeded.db);

        const all = await (await seeded.app.request('/enterprises')).text();
        assert.match(all, /共 2 家企业/);
        assert.ok(all.indexOf('洪城软件') < all.indexOf('江西智造'), 'newest approval first');
        assert.ok(!all.includes('13800138000') && !all.includes('李四'), 'no personal data in the directory');
        const manufacturing = await (await seeded.app.request('/enterprises?industry=C')).text();
        assert.match(manufacturing, /共 1 家企业/);
        assert.match(manufacturing, /江西智造科技有限公司<\/td><td>制造业<\/td><td>小蓝经开区<\/td><td>50,000.5<\/td>/);
        assert.match(await (await seeded.app.request('/enterprises?channel=gaoxin')).text(), /洪城软件/);
        assert.equal((await seeded.app.request('/enterprises?industry=Z')).status, 400);
        assert.equal((await seeded.app.request('/enterprises?channel=nanchang')).status, 400, 'the city is not a settlement district');
      } finally {
        await seeded.close();
      }
    });
  });
}

for (const dialect of testDialects()) {
  describe(`企业入驻 rate limit, status page and companies abroad on ${dialect.name}`, () => {
    it('lets typos of the credit code go uncounted: six invalid posts, then a valid one succeeds', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const form = await openForm(seeded.app, '/enterprises/apply', '203.0.113.40');
        for (const typo of ['9144030071526726XH', '9144030071526726X', '9144O30071526726XG', '9144030071526762XG', '', '91440300715267 26XG!']) {
          const refused = await form.post({ ...VALID, creditCode: typo });
          assert.equal(refused.status, 400, typo);
          assert.match(await refused.text(), /统一社会信用代码/, typo);
        }
        assert.equal((await form.post(VALID)).status, 303);
      } finally {
        await seeded.close();
      }
    });

    it('counts accepted applications, and answers one too many with the form filled in again', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const form = await openForm(seeded.app, '/enterprises/apply', '203.0.113.41');
        for (let i = 0; i < APPLY_LIMIT.max; i += 1)
          assert.equal((await form.post({ ...FOREIGN, registrationNumber: `HRB ${1000 + i}` })).status, 303, `application ${i}`);
        const limited = await form.post({ ...FOREIGN, registrationNumber: 'HRB 2000', companyName: '第六家企业有限公司' });
        assert.equal(limited.status, 429);
        assert.ok(Number(limited.headers.get('retry-after')) > 0);
        assert.equal(limited.headers.get('cache-control'), 'no-store');
        const html = await limited.text();
        assert.match(html, /提交过于频繁,请在 \d+ 分钟后再试。您填写的内容已保留/);
        assert.match(html, /value="第六家企业有限公司"/);
        assert.match(html, /value="HRB 2000"/);
        assert.match(html, /<option value="DE" selected="">德国<\/option>/);
        assert.match(html, /电驱动系统生产基地/);
        assert.equal((await seeded.db.selectFrom('enterprise_application').select('id').execute()).length, APPLY_LIMIT.max);
        assert.equal(
          (await (await openForm(seeded.app, '/enterprises/apply', '203.0.113.42')).post({ ...FOREIGN, registrationNumber: 'HRB 3000' })).status,
          303,
          'other clients are not limited',
        );
      } finally {
        await seeded.close();
      }
    });

    it('takes an application of a company abroad, with an international phone number, into the review queue', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const form = await openForm(seeded.app, '/enterprises/apply', '203.0.113.43');
        const response = await form.post(FOREIGN);
        assert.equal(response.status, 303);
        const stored = await seeded.db.selectFrom('enterprise_application').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual(
          [stored.registration_country, stored.registration_number, stored.credit_code, stored.contact_mobile],
          ['DE', 'HRB 123456', '', '+493012345678'],
        );
        const again = await form.post({ ...FOREIGN, registrationNumber: 'HRB  123456'.replace('  ', ' ') });
        assert.equal(again.status, 400);
        assert.match(await again.text(), /<p class="field-error" id="error-registrationNumber">该国家或地区的这一注册号已有一份正在审核的申请/);
        assert.equal((await form.post({ ...FOREIGN, registrationCountry: 'AT' })).status, 303, 'the same number in another country is another company');
        assert.equal((await form.post({ ...VALID, creditCode: '91110000802100433B' })).status, 303, 'companies in China are not affected');

        await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
        const reviewer = consoleClient(seeded.app, '192.0.2.60');
        assert.equal((await reviewer.signIn('admin', PASSWORD)).status, 303);
        const queue = await (await reviewer.get('/admin/applications')).text();
        assert.match(queue, /境外:德国/);
        assert.match(queue, /境外:奥地利/);
        assert.match(queue, /<td>境内<\/td>/);
        const detail = await (await reviewer.get(`/admin/applications/${stored.id}`)).text();
        assert.match(detail, /<td class="registration-kind">境外\(含港澳台地区\)<\/td>/);
        assert.match(detail, /<th scope="row">注册国家或地区<\/th><td>德国<\/td>/);
        assert.match(detail, /<th scope="row">境外注册号<\/th><td>HRB 123456<\/td>/);
        assert.match(detail, /\+493012345678/);
        assert.doesNotMatch(detail, /统一社会信用代码/);

        // Approved, it is listed as a company from abroad, on the page and in the open API, and its status page says where it is registered.
        const admin = { id: 1, name: 'admin', roles: ['admin' as const], channels: [], mustChangePassword: false };
        assert.equal(await decideApplication(seeded.db, admin, { userId: 1, userName: 'admin' }, Number(stored.id), { approve: true }), 'done');
        assert.match(await (await seeded.app.request('/enterprises')).text(), /Rhein Antriebstechnik GmbH<span class="meta">\(境外企业:德国\)<\/span>/);
        const api = (await (await seeded.app.request('/api/v1/enterprises')).json()) as { items: Array<{ companyName: string; registrationCountry: unknown }> };
        assert.deepEqual(
          api.items.map((item) => [item.companyName, item.registrationCountry]),
          [['Rhein Antriebstechnik GmbH', { code: 'DE', name: '德国' }]],
        );
        const status = await (await seeded.app.request(`/enterprises/status?code=${stored.tracking_code}`)).text();
        assert.match(status, /<th scope="row">注册国家或地区<\/th><td>德国<\/td>/);
        assert.doesNotMatch(status, /Anna Weber|493012345678/, 'never the contact or the phone');

        // Hong Kong is a region of China outside the mainland: a company there files as one from outside, named as such.
        assert.equal((await form.post({ ...FOREIGN, registrationCountry: 'HK', registrationNumber: '1234567' })).status, 303);
        assert.match(await (await reviewer.get('/admin/applications')).text(), /境外:中国香港/);
      } finally {
        await seeded.close();
      }
    });

    it("shows an application's status by its code: pending, approved with the directory, rejected with the reason", async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const admin = { id: 1, name: 'admin', roles: ['admin' as const], channels: [], mustChangePassword: false };
        const actor = { userId: 1, userName: 'admin' };
        const approved = await applyForSettlement(seeded.db, {
          ...VALID,
          company: { kind: 'china', creditCode: VALID.creditCode },
          plannedInvestment: 100,
          consent: 'yes',
        });
        const rejected = await applyForSettlement(seeded.db, {
          ...VALID,
          company: { kind: 'china', creditCode: '91330100799655058B' },
          companyName: '另一家公司',
          plannedInvestment: 100,
          consent: 'yes',
        });
        assert.ok('trackingCode' in approved && 'trackingCode' in rejected);
        await decideApplication(seeded.db, admin, actor, approved.id, { approve: true }, new Date('2026-03-01T17:00:00Z'));
        await decideApplication(seeded.db, admin, actor, rejected.id, { approve: false, reason: '投资额与项目规模不符。' });

        const page = async (code: string) => {
          const response = await seeded.app.request(`/enterprises/status?code=${code}`);
          return { status: response.status, html: await response.text() };
        };
        const yes = await page(approved.trackingCode.toLowerCase().replaceAll('-', ' '));
        assert.equal(yes.status, 200);
        assert.match(yes.html, /<td class="application-status">已通过<\/td>/);
        assert.match(yes.html, /2026-03-02 审核通过,已列入<a href="\/enterprises">入驻企业名录<\/a>/, 'in Beijing time');
        assert.doesNotMatch(yes.html, /另一家公司/, "never another applicant's data");
        const no = await page(rejected.trackingCode);
        assert.match(no.html, /<td class="application-status">未通过<\/td>/);
        assert.match(no.html, /<th scope="row">未通过原因<\/th>\s*<td>投资额与项目规模不符。<\/td>/);
        assert.ok(!no.html.includes('13800138000') && !no.html.includes('李四'));

        const unknown = await page('RZ-2222-2222');
        assert.equal(unknown.status, 404);
        assert.match(unknown.html, /没有找到这个查询码对应的入驻申请/);
        const bad = await page(approved.trackingCode.replace('RZ', 'TG'));
        assert.equal(bad.status, 400, 'a contribution code is not an application code');
        assert.match(bad.html, /查询码格式不正确,应形如 RZ-7K4M-Q9XZ/);
        assert.match(await (await seeded.app.request('/enterprises/apply')).text(), /href="\/enterprises\/status"/);
      } finally {
        await seeded.close();
      }
    });
  });
}

describe('企业入驻 form checks', () => {
  it('explains a wrong credit code instead of calling it invalid, and checks every field', async () => {
    const seeded = await openSeededApp();
    try {
      const cases: Array<[Record<string, string>, RegExp]> = [
        [{ creditCode: '9144030071526726XH' }, /统一社会信用代码校验位不符,请核对是否有输错的字符/],
        [{ creditCode: '914403007152672' }, /统一社会信用代码应为 18 位,您填写了 15 位/],
        [{ creditCode: '9144030071526726OG' }, /第 17 位“O”不是有效字符/],
        [{ industry: 'Z' }, /请选择所属行业/],
        [{ channel: 'nanchang' }, /请选择意向落户区域/],
        [{ plannedInvestment: '十亿' }, /计划投资额请填写数字/],
        [{ plannedInvestment: '0' }, /计划投资额应大于 0/],
        [{ contactMobile: '0791-888' }, /联系电话格式不正确:固定电话应为区号加 7 至 8 位号码\(如 0791-88888888\),您填写了 7 位数字/],
        [{ contactMobile: '+12' }, /联系电话格式不正确:国际号码的国家代码和号码共应为 8 至 15 位数字,您填写了 2 位/],
        [{ registration: 'mars' }, /请选择企业注册地/],
        [{ registration: 'abroad', registrationCountry: 'CN', registrationNumber: 'HRB 1' }, /请选择注册国家或地区/],
        [{ registration: 'abroad', registrationCountry: 'DE', registrationNumber: '' }, /请填写境外注册号/],
        [{ registration: 'abroad', registrationCountry: 'HK', registrationNumber: '9144030071526726XG' }, /这是一个统一社会信用代码/],
        [{ companyName: '企'.repeat(101) }, /企业名称不能超过 100 个字/],
      ];
      // One client for all: posts that fail validation do not count towards the rate limit.
      const form = await openForm(seeded.app, '/enterprises/apply', '198.51.100.20');
      for (const [change, message] of cases) {
        const response = await form.post({ ...VALID, ...change });
        assert.equal(response.status, 400, JSON.stringify(change));
        const html = await response.text();
        assert.match(html, message, JSON.stringify(change));
        assert.match(html, /value="江西智造科技有限公司"|value="企{101}"/, 'input is kept');
      }
      assert.equal((await seeded.db.selectFrom('enterprise_application').select('id').execute()).length, 0);
      assert.equal((await form.post(VALID)).status, 303, 'after all those mistakes, the corrected form is accepted');
    } finally {
      await seeded.close();
    }
  });
});
