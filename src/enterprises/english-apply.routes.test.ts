// The English 企业入驻 form: English labels and errors, the amount asked in CNY million and stored
// in 万元, the same queue as the Chinese form, and the application's language recorded.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openForm } from '../../test/helpers/forms.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';

const ABROAD = {
  companyName: 'Müller Präzisionstechnik GmbH',
  registration: 'abroad',
  registrationCountry: 'DE',
  registrationNumber: 'hrb 123456',
  industry: 'C',
  channel: 'xiaolan',
  plannedInvestment: '12.5',
  contactPerson: 'Anna Müller',
  contactMobile: '+49 30 1234567',
  description: 'A plant for precision parts of electric vehicles.',
  consent: 'yes',
};

for (const dialect of testDialects()) {
  describe(`the English 企业入驻 form on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    before(async () => (seeded = await openSeededApp({ dialect })));
    after(() => seeded.close());

    it('is in English, with English industries, districts and countries', async () => {
      const response = await seeded.app.request('/en/enterprises/apply');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const html = await response.text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<option value="C">C Manufacturing<\/option>/);
      assert.match(html, /<option value="xiaolan">Xiaolan Economic and Technological Development Zone<\/option>/);
      assert.match(html, /<option value="DE">Germany<\/option>/);
      assert.match(html, /<link rel="alternate" hreflang="zh-CN" href="http:\/\/localhost\/enterprises\/apply"\/>/);
    });

    it('explains a wrong credit code and other mistakes in English, storing nothing', async () => {
      const form = await openForm(seeded.app, '/en/enterprises/apply', '198.51.100.90');
      const response = await form.post({ ...ABROAD, registration: 'china', creditCode: '9144030071526726XA', plannedInvestment: '12.34567' });
      assert.equal(response.status, 400);
      const html = await response.text();
      assert.match(html, /The check character of the unified social credit code does not match/);
      assert.match(html, /Please enter the planned investment as a number of CNY million \(up to four decimals\)\./);
      assert.doesNotMatch(html, /请/u);
      assert.equal((await seeded.db.selectFrom('enterprise_application').select('id').execute()).length, 0);
    });

    it('stores an application from abroad in the same queue, in 万元, marked English, and confirms it', async () => {
      const form = await openForm(seeded.app, '/en/enterprises/apply', '198.51.100.91');
      const response = await form.post(ABROAD);
      assert.equal(response.status, 303);
      const code = /^\/en\/enterprises\/apply\?sent=(RZ-[A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(response.headers.get('location') ?? '')?.[1];
      assert.ok(code);
      const row = await seeded.db.selectFrom('enterprise_application').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
      assert.equal(Number(row.planned_investment), 1250, 'CNY 12.5 million is 1,250 万元');
      assert.equal(row.language, 'en');
      assert.equal(row.registration_number, 'HRB 123456');
      assert.equal(row.contact_mobile, '+49301234567');
      assert.equal(row.status, 'pending');
      const again = await form.post(ABROAD);
      assert.equal(again.status, 400);
      assert.match(await again.text(), /This company already has an application under review/);
      // The Chinese form's applications say they came in Chinese.
      const chinese = await openForm(seeded.app, '/enterprises/apply', '198.51.100.92');
      const posted = await chinese.post({ ...ABROAD, registrationNumber: 'HRB 999', plannedInvestment: '1250' });
      assert.equal(posted.status, 303);
      const languages = await seeded.db.selectFrom('enterprise_application').select(['language', 'planned_investment']).orderBy('id').execute();
      assert.deepEqual(
        languages.map((r) => [r.language, Number(r.planned_investment)]),
        [
          ['en', 1250],
          ['zh-CN', 1250],
        ],
      );
    });
  });
}
