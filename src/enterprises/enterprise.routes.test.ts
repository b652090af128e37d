import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { openForm } from '../../test/helpers/forms.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { applyForSettlement } from './application.service.ts';

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
        assert.equal(response.headers.get('location'), '/enterprises/applied');
        const stored = await seeded.db.selectFrom('enterprise_application').selectAll().executeTakeFirstOrThrow();
        assert.equal(stored.credit_code, '9144030071526726XG');
        assert.equal(Number(stored.planned_investment), 50000.5);
        assert.equal(stored.contact_mobile, '13800138000');
        assert.equal(stored.status, 'pending');

        const again = await form.post({ ...VALID, creditCode: '9144 0300 7152 6726 xg' });
        assert.equal(again.status, 400);
        assert.match(await again.text(), /已有一份正在审核的申请/);
        // The database refuses it too, whatever the route checks.
        await assert.rejects(
          seeded.db.insertInto('enterprise_application').values({ ...stored, id: undefined, company_name: '另一家' } as never).execute(),
        );

        assert.doesNotMatch(await (await seeded.app.request('/enterprises')).text(), /江西智造/, 'pending applications are not listed');
        await seeded.db.updateTable('enterprise_application').set({ status: 'approved', closed_at: '2026-01-05T08:00:00.000Z' }).execute();
        await bumpContentVersion(seeded.db);
        const other = await applyForSettlement(seeded.db, {
          ...VALID,
          companyName: '洪城软件有限公司',
          creditCode: '91330100799655058B',
          industry: 'I',
          channel: 'gaoxin',
          plannedInvestment: 800,
          contactMobile: '13900139000',
          consent: 'yes',
        });
        assert.ok('id' in other);
        await seeded.db.updateTable('enterprise_application').set({ status: 'approved', closed_at: '2026-02-01T08:00:00.000Z' }).where('id', '=', other.id).execute();
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
        [{ contactMobile: '0791-8888888' }, /联系人手机格式不正确/],
        [{ companyName: '企'.repeat(101) }, /企业名称不能超过 100 个字/],
      ];
      for (const [index, [change, message]] of cases.entries()) {
        const form = await openForm(seeded.app, '/enterprises/apply', `198.51.100.${index + 20}`);
        const response = await form.post({ ...VALID, ...change });
        assert.equal(response.status, 400, JSON.stringify(change));
        const html = await response.text();
        assert.match(html, message, JSON.stringify(change));
        assert.match(html, /value="江西智造科技有限公司"|value="企{101}"/, 'input is kept');
      }
      assert.equal((await seeded.db.selectFrom('enterprise_application').select('id').execute()).length, 0);
    } finally {
      await seeded.close();
    }
  });
});
