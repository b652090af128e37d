// The XSS corpus (test/e2e/xss-payloads.ts) through every field the site shows back: posted as
// the forms post them, moderated through the console, written in the console's article editor,
// then looked at in Chromium on every page that shows them. No payload may run, and each must read
// back as the text that was typed. Many payloads share a field, so the test stays short.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/accounts/account.service.ts';
import { passwordPolicy } from '../../src/accounts/password-policy.ts';
import { COMMAND_LINE } from '../../src/audit/audit.service.ts';
import { creditCodeCheckCharacter } from '../../src/enterprises/credit-code.ts';
import { browserSuite } from '../helpers/browser.ts';
import { consoleClient } from '../helpers/console-client.ts';
import { openForm } from '../helpers/forms.ts';
import { packed, XSS_PAYLOADS } from './xss-payloads.ts';

const PASSWORD = 'correct horse battery';
const ALL = XSS_PAYLOADS.join(' ');
const cycle = (texts: string[], index: number) => texts[index % texts.length]!;
// Pages open in this many tabs at once.
const TABS = 4;

describe('the XSS corpus in Chromium', async () => {
  const suite = await browserSuite(async (seeded) => {
    await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
  });
  const { browser } = suite;

  it(`shows ${XSS_PAYLOADS.length} payloads as text in every field and page, and runs none`, { skip: !browser }, async () => {
    assert.ok(XSS_PAYLOADS.length >= 100);
    const { app, db } = suite.seeded;
    let client = 0;
    const form = (path: string) => openForm(app, path, `203.0.113.${(client += 1) % 250}`);
    const console_ = consoleClient(app, '192.0.2.200');
    assert.equal((await console_.signIn('admin', PASSWORD)).status, 303);

    // 投稿: the corpus in titles, names and bodies; each published through the console.
    const titles = packed(100, '投稿');
    const names = packed(50);
    for (const [index, title] of titles.entries()) {
      const response = await (await form('/submit')).post({
        title,
        body: index === 0 ? ALL : `正文:${title}`,
        channel: 'donghu',
        name: cycle(names, index),
        contact: 'reader@example.cn',
        consent: 'yes',
      });
      assert.equal(response.status, 303, title);
    }
    const submissions = await db.selectFrom('submission').select(['id', 'title', 'tracking_code']).orderBy('id').execute();
    for (const { id } of submissions) assert.equal((await console_.confirm(`/admin/submissions/${id}/publish`)).status, 303);

    // 企业入驻: company names, contact persons and descriptions; each approved.
    const companies = packed(100, '公司');
    const people = packed(50);
    const descriptions = packed(2000);
    for (const [index, companyName] of companies.entries()) {
      // One open application per credit code: each company gets its own.
      const first17 = `91440300${String(index).padStart(9, '0')}`;
      const fields = {
        companyName,
        creditCode: first17 + creditCodeCheckCharacter(first17),
        industry: 'C',
        channel: 'donghu',
        plannedInvestment: '1000',
        contactPerson: cycle(people, index),
        contactMobile: '13800138000',
        description: cycle(descriptions, index),
        consent: 'yes',
      };
      assert.equal((await (await form('/enterprises/apply')).post(fields)).status, 303, companyName);
    }
    const applications = await db.selectFrom('enterprise_application').select('id').orderBy('id').execute();
    for (const { id } of applications) assert.equal((await console_.confirm(`/admin/applications/${id}/approve`)).status, 303);

    // 联系我们: subjects, messages, and the names the contributions had no room for.
    const subjects = packed(100, '主题');
    const messages = packed(5000);
    for (const [index, subject] of subjects.entries()) {
      const fields = {
        channel: 'donghu',
        subject,
        body: cycle(messages, index),
        name: cycle(names, titles.length + index),
        contact: 'reader@example.cn',
        consent: 'yes',
      };
      assert.equal((await (await form('/contact')).post(fields)).status, 303, subject);
    }
    const contactMessages = await db.selectFrom('contact_message').select('id').orderBy('id').execute();

    // The console's article editor: titles, and a Markdown body of every payload, one a paragraph.
    const articleTitles = packed(200, '文章');
    for (const title of articleTitles) {
      const fields = {
        title,
        channel: 'donghu',
        publishedOn: '2026-03-02',
        status: 'published',
        publishAt: '',
        body: XSS_PAYLOADS.join('\n\n'),
        intent: 'save',
      };
      assert.equal((await console_.post('/admin/articles', fields)).status, 303, title);
    }

    // Chromium, signed in to the console with the same session; a few tabs share the pages.
    const context = await browser!.newContext();
    await context.addCookies([...console_.jar].map(([name, value]) => ({ name, value, url: suite.origin })));
    const dialogs: string[] = [];
    const tabs = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
    for (const tab of tabs)
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    let visited = 0;
    /** Opens `path` and fails when a payload ran or `texts` do not read back as text; then `check` runs. */
    const visit = async (page: Page, path: string, texts: string[] = [], check?: (page: Page) => Promise<void>) => {
      await page.goto(`${suite.origin}${path}`);
      visited += 1;
      await assertNothingRan(page, path);
      const shown = await page.locator('body').innerText();
      for (const text of texts) assert.ok(shown.includes(text), `${path} shows ${JSON.stringify(text.slice(0, 60))} as text`);
      await check?.(page);
    };
    type Visit = [path: string, texts?: string[], check?: (page: Page) => Promise<void>];
    const visitAll = async (visits: Visit[]) => {
      let next = 0;
      await Promise.all(
        tabs.map(async (tab) => {
          while (next < visits.length) {
            const [path, texts, check] = visits[next++]!;
            await visit(tab, path, texts, check);
          }
        }),
      );
    };

    // Contributions: the queue, every item, every published article, a few status pages.
    const published = await db
      .selectFrom('article')
      .select(['id', 'title', 'body'])
      .where('body_format', '=', 'text')
      .where('title', 'like', '%投稿')
      .execute();
    assert.equal(published.length, titles.length);
    const first = published.find((article) => article.body === ALL)!;
    await visitAll([
      ['/admin/submissions?status=published', submissions.map((s) => s.title)],
      ...submissions.map(({ id, title }, index): Visit => [`/admin/submissions/${id}`, [title, cycle(names, index)]]),
      ...submissions.slice(0, 3).map(({ title, tracking_code }): Visit => [`/submit/status?code=${tracking_code}`, [title]]),
      ...published.map(({ id, title }): Visit => [`/articles/${id}`, [title]]),
      // The layout starts a paragraph at a space beside a non-ASCII character; the text is unchanged.
      [
        `/articles/${first.id}`,
        [],
        async (page) =>
          assert.equal((await page.locator('.article-body').innerText()).trim().replace(/\s+/gu, ' '), ALL, 'a plain-text body reads back unchanged'),
      ],
    ]);

    // Enterprise applications: the queue, every item, the public directory.
    const directory: string[] = [];
    await visitAll([
      ['/admin/applications?status=approved', companies],
      ...applications.map(({ id }, index): Visit => [`/admin/applications/${id}`, [companies[index]!, cycle(people, index), cycle(descriptions, index)]]),
      ...Array.from(
        { length: Math.ceil(companies.length / 20) },
        (_, index): Visit => [
          `/enterprises?page=${index + 1}`,
          [],
          async (page) => void directory.push(await page.locator('.enterprise-directory').innerText()),
        ],
      ),
    ]);
    for (const text of [...companies, ...descriptions]) assert.ok(directory.join('\n').includes(text), `the directory shows ${text.slice(0, 40)}`);

    // Contact messages: the queue and every item.
    await visitAll([
      ['/admin/messages', subjects],
      ...contactMessages.map(
        ({ id }, index): Visit => [`/admin/messages/${id}`, [subjects[index]!, cycle(names, titles.length + index), cycle(messages, index)]],
      ),
    ]);

    // Articles written in the console: titles as text, no script or script URL from the Markdown.
    const edited = await db.selectFrom('article').select(['id', 'title']).where('body_format', '=', 'markdown').execute();
    assert.equal(edited.length, articleTitles.length);
    const noScriptUrls = async (page: Page) => {
      const urls = await page
        .locator('.article-body [href], .article-body [src]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? node.getAttribute('src') ?? ''));
      for (const url of urls) assert.doesNotMatch(url.trim(), /^(javascript|vbscript|data):/iu, `a Markdown link kept ${url}`);
    };
    await visitAll([['/admin/articles', articleTitles], ...edited.map(({ id, title }): Visit => [`/articles/${id}`, [title], noScriptUrls])]);

    // The search box shows what was typed back as its value; then the pages that list everything.
    await visitAll([
      ...packed(100).map(
        (query): Visit => [
          `/search?q=${encodeURIComponent(query)}`,
          [],
          async (page) => assert.equal(await page.locator('input[name="q"]').first().inputValue(), query),
        ],
      ),
      ...['/', '/channels/donghu', '/admin', '/admin/audit', '/enterprises'].map((path): Visit => [path]),
    ]);

    assert.deepEqual(dialogs, []);
    process.stdout.write(`XSS corpus: ${XSS_PAYLOADS.length} payloads, ${visited} pages checked in Chromium\n`);
    await context.close();
  });
});

/** Fails when any script of a payload ran on the page. */
async function assertNothingRan(page: Page, where: string) {
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, `script ran on ${where}`);
}
