// XSS payloads typed into every public field, moderated through the console, and looked at on
// every page that shows them: no script may ever run, and each payload must read as text.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/accounts/account.service.ts';
import { passwordPolicy } from '../../src/accounts/password-policy.ts';
import { COMMAND_LINE } from '../../src/audit/audit.service.ts';
import { browserSuite, SCREENSHOT_DIR } from '../helpers/browser.ts';

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  "'-alert(1)-'",
  'javascript:window.__xss=1',
  '</textarea><script>window.__xss=1</script>',
];
const P = PAYLOADS.join(' ');
const PASSWORD = 'correct horse battery';

describe('public forms against XSS in Chromium', async () => {
  const suite = await browserSuite(async (seeded) => {
    await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
  });
  const { browser } = suite;

  /** Fails when any script of ours or of a payload ran on the page. */
  async function assertNoScriptRan(page: Page, where: string) {
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, `script ran on ${where}`);
  }

  it('stores, moderates and shows every payload as text, and never runs one', { skip: !browser }, async () => {
    const page = await browser!.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const go = async (path: string) => {
      await page.goto(`${suite.origin}${path}`);
      await assertNoScriptRan(page, path);
    };

    // 投稿: payloads in title, body and name; a rejected contact shows its payload back as a value.
    await go('/submit');
    await page.getByLabel(/^标题/).fill(`${PAYLOADS[0]}投稿标题`);
    await page.getByLabel(/^正文/).fill(`正文开始。${P}`);
    await page.getByLabel('投稿频道').selectOption('donghu');
    await page.getByLabel(/^姓名/).fill(PAYLOADS[1]!);
    await page.getByLabel(/^联系方式/).fill(PAYLOADS[2]!);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '提交稿件' }).click();
    await assertNoScriptRan(page, 'the refused contribution');
    assert.equal(await page.getByLabel(/^联系方式/).inputValue(), PAYLOADS[2]);
    assert.equal(await page.getByLabel(/^正文/).inputValue(), `正文开始。${P}`);
    await page.getByLabel(/^联系方式/).fill('reader@example.cn');
    await page.getByRole('button', { name: '提交稿件' }).click();
    await page.waitForURL(/\/submit\/status\?code=/);
    await assertNoScriptRan(page, 'the status page');
    assert.equal(await page.locator('table td').first().textContent(), `${PAYLOADS[0]}投稿标题`);

    // 企业入驻: payloads in the company, contact person and description.
    await go('/enterprises/apply');
    await page.getByLabel('企业名称').fill(`${PAYLOADS[1]}公司`);
    await page.getByLabel('统一社会信用代码').fill('9144030071526726XG');
    await page.getByLabel('所属行业').selectOption('C');
    await page.getByLabel('意向落户区域').selectOption('donghu');
    await page.getByLabel('计划投资额(万元)').fill('1000');
    await page.locator('#field-contactPerson').fill(PAYLOADS[2]!);
    await page.getByLabel(/^联系电话/).fill('13800138000');
    await page.getByLabel('项目简介').fill(P);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/enterprises\/status\?code=RZ-/);
    await assertNoScriptRan(page, 'the application status page');
    assert.equal(await page.locator('table td').first().textContent(), `${PAYLOADS[1]}公司`);
    const applicationStatus = page.url();

    // 企业入驻 from abroad: a payload in the registration number, an international phone number.
    await go('/enterprises/apply');
    await page.getByLabel('企业名称').fill('Rhein Antriebstechnik GmbH');
    await page.getByRole('radio', { name: /境外企业/ }).check();
    await page.getByLabel('注册国家或地区').selectOption('DE');
    await page.getByLabel('境外注册号').fill(`HRB ${PAYLOADS[4]}`);
    await page.getByLabel('所属行业').selectOption('C');
    await page.getByLabel('意向落户区域').selectOption('xiaolan');
    await page.getByLabel('计划投资额(万元)').fill('8000');
    await page.locator('#field-contactPerson').fill('Anna Weber');
    await page.getByLabel(/^联系电话/).fill('+49 30 1234-5678');
    await page.getByLabel('项目简介').fill('电驱动系统生产基地,首期投资八千万元。');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/enterprises\/status\?code=RZ-/);

    // 联系我们: payloads in subject, message and name.
    await go('/contact');
    await page.getByLabel('主题').fill(`${PAYLOADS[3]}主题`);
    await page.getByLabel('留言内容').fill(P);
    await page.getByLabel(/^姓名/).fill(PAYLOADS[4]!);
    await page.getByLabel(/^联系方式/).fill('reader@example.cn');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '提交留言' }).click();
    await page.waitForURL(/\/contact\/status\?code=LY-/);
    await assertNoScriptRan(page, 'the message status page');
    assert.equal(await page.locator('table td').first().textContent(), `${PAYLOADS[3]}主题`);

    // The console: sign in, look at each item, decide.
    await go('/admin/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
    await assertNoScriptRan(page, 'the console home');
    assert.ok(
      await page
        .locator('.dashboard')
        .getByRole('link', { name: `${PAYLOADS[0]}投稿标题` })
        .isVisible(),
      'the home lists the waiting contribution as text',
    );
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the console home overflows a 360 px screen by ${overflow}px`);
    await page.setViewportSize({ width: 1280, height: 720 });
    await go('/admin/submissions');
    await page.getByRole('link', { name: `${PAYLOADS[0]}投稿标题` }).click();
    await assertNoScriptRan(page, 'the contribution in the console');
    assert.match((await page.locator('.submission-body').textContent()) ?? '', new RegExp(PAYLOADS[5]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    await page.getByRole('button', { name: '采用并发布' }).click();
    await assertNoScriptRan(page, 'the confirmation naming the contribution');
    await page.getByRole('button', { name: '确认发布' }).click();
    await page.getByRole('link', { name: '查看发布的文章' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    await assertNoScriptRan(page, 'the published article');
    assert.equal(await page.locator('h1').textContent(), `${PAYLOADS[0]}投稿标题`);
    assert.equal((await page.locator('.article-body').innerText()).trim(), `正文开始。${P}`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'xss-article.png') });

    await go('/admin/applications');
    await page.getByRole('link', { name: `${PAYLOADS[1]}公司` }).click();
    await assertNoScriptRan(page, 'the application in the console');
    await page.getByRole('button', { name: '通过,列入企业名录' }).click();
    await assertNoScriptRan(page, 'the confirmation naming the application');
    await page.getByRole('button', { name: '确认通过' }).click();
    await page.waitForURL(/\/admin\/applications\/\d+$/);
    await go('/admin/applications');
    await page.getByRole('link', { name: 'Rhein Antriebstechnik GmbH' }).click();
    await assertNoScriptRan(page, 'the application from abroad in the console');
    assert.ok((await page.locator('table').innerText()).includes(`HRB ${PAYLOADS[4]!.toUpperCase()}`), 'the registration number reads as text');
    assert.ok((await page.locator('table').innerText()).includes('德国'));
    await page.goto(applicationStatus);
    await assertNoScriptRan(page, 'the approved application status page');
    assert.equal(await page.locator('.application-status').textContent(), '已通过');
    await go('/enterprises');
    assert.equal(await page.locator('.enterprise-directory tbody td').first().textContent(), `${PAYLOADS[1]}公司`);
    assert.equal(await page.locator('.enterprise-directory tbody td').nth(4).textContent(), P);

    await go('/admin/messages');
    await page.getByRole('link', { name: `${PAYLOADS[3]}主题` }).click();
    await assertNoScriptRan(page, 'the message in the console');
    assert.ok(((await page.locator('table').innerText()) ?? '').includes(PAYLOADS[4]!));

    await go('/admin/audit');
    for (const path of ['/', '/channels/donghu', `/search?q=${encodeURIComponent('投稿标题')}`]) await go(path);
    assert.ok(((await page.locator('.search-results').innerText()) ?? '').includes(PAYLOADS[0]!), 'search shows the title as text');
    assert.deepEqual(dialogs, []);
    await page.close();
  });
});
