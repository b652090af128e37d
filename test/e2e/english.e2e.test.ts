// The English pages in Chromium at 360 and 1280 px: /en, an article with and without an English
// version, hreflang and the language switch (which remembers the choice), the first visit's
// Accept-Language, and the English contact form sent with a mistake, then correctly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../../src/accounts/account.ts';
import { saveArticleEnglish } from '../../src/articles/article-english.service.ts';
import { latestArticles } from '../../src/articles/article.store.ts';
import { MACHINE_TRANSLATION_NOTICE } from '../../src/i18n/english-version.ts';
import { browserSuite } from '../helpers/browser.ts';
import { writingFor } from '../helpers/seed.ts';
import { layoutFaults, seriousAccessibilityViolations } from '../helpers/page-checks.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const WIDTHS = [360, 1280];

describe('English pages in Chromium', async () => {
  let translated = 0;
  let untranslated = 0;
  const suite = await browserSuite(async (seeded) => {
    const [first, second] = await latestArticles(seeded.db, { limit: 2, offset: 0 });
    translated = first!.id;
    untranslated = second!.id;
    await saveArticleEnglish(seeded.db, writingFor(seeded), ADMIN, { userId: 1, userName: 'admin' }, translated, {
      title: 'Donghu District Government Work Report 2015',
      summary: 'The district reviews 2014 and sets its targets for 2015.',
      body: '## Review of 2014\n\nGross regional product reached CNY 58.2 billion, up 9.6% on the year before.',
      machineTranslated: true,
    });
  });
  const { browser } = suite;

  for (const width of WIDTHS) {
    it(`reads /en and both kinds of article at ${width} px, with hreflang and a switch that remembers`, { skip: !browser }, async () => {
      const context = await browser!.newContext({ viewport: { width, height: 800 }, locale: 'en-GB' });
      const page = await context.newPage();
      const faults: string[] = [];
      const check = async (what: string) => {
        faults.push(...(await layoutFaults(page)).map((fault) => `${what}: ${fault}`));
        faults.push(...(await seriousAccessibilityViolations(page)).map((violation) => `${what}: ${violation}`));
      };

      // A first visit with an English browser lands on /en, and the choice is remembered.
      await page.goto(`${suite.origin}/`);
      assert.equal(new URL(page.url()).pathname, '/en');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.locator('h1').textContent(), 'Investing in Nanchang: latest news');
      assert.ok((await context.cookies()).some((cookie) => cookie.name === 'zs_lang' && cookie.value === 'en'));
      await check('/en');

      // The header's search box searches the English versions, and a 404 under /en is in English.
      await page.locator('.site-search input[name="q"]').fill('work REPORT');
      await page.locator('.site-search button[type="submit"]').click();
      await page.waitForURL(/\/en\/search\?q=/);
      assert.deepEqual(await page.locator('main h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), [`/en/articles/${translated}`]);
      assert.deepEqual(await page.locator('main h2 mark').allTextContents(), ['Work', 'Report']);
      await check('/en/search');
      const missing = await page.goto(`${suite.origin}/en/no-such-page`);
      assert.equal(missing?.status(), 404);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.locator('h1').textContent(), 'Page not found');
      await check('/en/no-such-page');
      await page.goto(`${suite.origin}/en`);

      // The translated article: its text, the machine-translation notice, hreflang both ways.
      await page.getByRole('link', { name: 'Donghu District Government Work Report 2015' }).click();
      await page.waitForURL(new RegExp(`/en/articles/${translated}$`));
      assert.equal(await page.locator('.machine-translation').textContent(), MACHINE_TRANSLATION_NOTICE);
      assert.equal(await page.locator('link[rel="alternate"][hreflang="zh-CN"]').getAttribute('href'), `${suite.origin}/articles/${translated}`);
      await check(`/en/articles/${translated}`);

      // The switch goes to the Chinese counterpart and remembers Chinese: / no longer sends to /en.
      await page.locator('.language-switch').click();
      await page.waitForURL(new RegExp(`/articles/${translated}$`));
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      assert.equal(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href'), `${suite.origin}/en/articles/${translated}`);
      await page.goto(`${suite.origin}/`);
      assert.equal(new URL(page.url()).pathname, '/');

      // An article without an English version: a page saying so, linking the Chinese, never empty.
      await page.goto(`${suite.origin}/en/articles/${untranslated}`);
      assert.equal(await page.locator('h1').textContent(), 'No English version yet');
      assert.equal(await page.locator(`main a[href="/articles/${untranslated}"]`).count(), 1);
      assert.equal(await page.locator('link[rel="alternate"][hreflang]').count(), 0);
      await check(`/en/articles/${untranslated}`);
      // Its switch, with no counterpart, goes to the Chinese home.
      await page.locator('.language-switch').click();
      await page.waitForURL(/\/$/);
      assert.deepEqual(faults, []);
      await context.close();
    });

    it(`sends the English contact form with a mistake, then correctly, at ${width} px`, { skip: !browser }, async () => {
      const page = await browser!.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${suite.origin}/en/contact`);
      await page.getByLabel('Office').selectOption('donghu');
      await page.getByLabel(/^Subject/).fill('Office space for a software firm');
      await page.getByLabel(/^Message/).fill('Which parks have offices for about forty people?');
      await page.getByLabel(/^Your name/).fill('Jane Smith');
      await page.getByLabel(/^Email or phone/).fill('not a phone');
      await page.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Send message' }).click();
      assert.match((await page.locator('.form-errors').textContent()) ?? '', /Your form was not sent\. Please correct the following \(1\)/);
      assert.match((await page.locator('#error-contact').textContent()) ?? '', /^Please enter an email address/);
      assert.equal(await page.getByLabel(/^Subject/).inputValue(), 'Office space for a software firm', 'the input is kept');
      assert.deepEqual([...(await layoutFaults(page)), ...(await seriousAccessibilityViolations(page))], []);
      await page.getByLabel(/^Email or phone/).fill(`jane.${width}@example.com`);
      await page.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Send message' }).click();
      await page.waitForURL(/\/en\/contact\?sent=LY-/);
      assert.match((await page.locator('[role="status"]').textContent()) ?? '', /Thank you: your message has been received\. Its reference is LY-/);
      const stored = await suite.seeded.db
        .selectFrom('contact_message')
        .select(['sender_contact', 'channel'])
        .where('sender_contact', '=', `jane.${width}@example.com`)
        .execute();
      assert.equal(stored.length, 1);
      await page.close();
    });
  }
});
