// A company registered abroad files a request (企业诉求) on a 360 px phone: choosing 境外企业 swaps
// the credit code for the country and registration number (CSS only: no script of the site does
// it), a forgotten country comes back with 境外企业 still chosen, and the tracking page shows the
// country and number, never the contact's phone.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { browserSuite, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { layoutFaults, seriousAccessibilityViolations } from '../helpers/page-checks.ts';

describe('a company abroad in the 企业诉求 form, in Chromium at 360 px', async () => {
  const suite = await browserSuite();
  const { browser } = suite;

  it('switches to 境外企业, keeps the choice through a refused post, and files the request', { skip: !browser }, async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${suite.origin}/appeals`);
      const creditCode = page.locator('#field-creditCode');
      const country = page.locator('#field-registrationCountry');
      const number = page.locator('#field-registrationNumber');
      assert.ok(await creditCode.isVisible(), 'a mainland company by default: the credit code is asked for');
      assert.ok(!(await country.isVisible()) && !(await number.isVisible()), 'the fields of a company abroad are hidden');

      await page.getByRole('radio', { name: /境外企业/ }).check();
      assert.ok(!(await creditCode.isVisible()), 'no credit code asked of a company abroad');
      assert.ok((await country.isVisible()) && (await number.isVisible()));
      assert.deepEqual(await layoutFaults(page), [], 'the switched form fits 360 px');
      assert.deepEqual(await seriousAccessibilityViolations(page), []);

      await page.locator('#field-enterpriseName').fill('Rhein Antriebstechnik GmbH');
      await number.fill('HRB 12345');
      await page.locator('#field-contactName').fill('Anna Weber');
      await page.locator('#field-contactPhone').fill('+49 30 1234-5678');
      await page.locator('#field-channel').selectOption('donghu');
      await page.locator('#field-category').selectOption('供应链');
      await page.locator('#field-title').fill('进口零部件清关时间过长');
      await page.locator('#field-body').fill('我司从德国进口的电机零部件清关平均需要三周,影响生产排期,希望协调。');
      await page.locator('input[name=consent]').check();
      await page.getByRole('button', { name: '提交诉求' }).click();

      // The country was forgotten: the form comes back filled in, still as a company abroad.
      await page.locator('#error-registrationCountry').waitFor();
      assert.equal(await page.locator('#error-registrationCountry').textContent(), '请选择注册国家或地区。');
      assert.ok(await page.getByRole('radio', { name: /境外企业/ }).isChecked());
      assert.ok(!(await creditCode.isVisible()) && (await country.isVisible()));
      assert.equal(await number.inputValue(), 'HRB 12345');
      assert.deepEqual(await layoutFaults(page), [], 'the form with its errors fits 360 px');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'appeal-abroad-360.png'), fullPage: true });

      await country.selectOption('DE');
      await page.getByRole('button', { name: '提交诉求' }).click();
      await page.waitForURL(/\/appeals\/track\?code=SQ-/);
      const row = (heading: string) => page.locator('table.case-status tr', { has: page.locator(`th:text-is("${heading}")`) }).locator('td');
      assert.equal(await row('企业名称').textContent(), 'Rhein Antriebstechnik GmbH');
      assert.equal(await row('注册国家或地区').textContent(), '德国');
      assert.equal(await row('境外注册号').textContent(), 'HRB 12345');
      assert.doesNotMatch(await page.content(), /Anna Weber|493012345678|30 1234-5678/, 'never the contact or the phone');
      assert.deepEqual(await layoutFaults(page), [], 'the tracking page fits 360 px');

      const stored = await suite.seeded.db
        .selectFrom('appeal')
        .select(['registration_country', 'registration_number', 'credit_code', 'contact_phone'])
        .executeTakeFirstOrThrow();
      assert.deepEqual(stored, { registration_country: 'DE', registration_number: 'HRB 12345', credit_code: '', contact_phone: '+493012345678' });

      // Back to the form: choosing the mainland again asks for the credit code.
      await page.goto(`${suite.origin}/appeals`);
      await page.getByRole('radio', { name: /境外企业/ }).check();
      await page.getByRole('radio', { name: /中国境内/ }).check();
      assert.ok((await creditCode.isVisible()) && !(await country.isVisible()));
    } finally {
      await context.close();
    }
  });
});
