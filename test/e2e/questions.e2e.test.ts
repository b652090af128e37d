// 公开问答 in a real browser: a question asked in the form, followed by its reference code, accepted,
// transferred and answered in the console by two offices, then found on /qa by search and filters,
// and counted on /qa/stats, whose chart ECharts (served by us) draws. Never the asker's name or contact.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createUser } from '../../src/accounts/account.service.ts';
import { passwordPolicy } from '../../src/accounts/password-policy.ts';
import { COMMAND_LINE } from '../../src/audit/audit.service.ts';
import { chinaDate } from '../../src/lib/china-time.ts';
import { browserSuite, SCREENSHOT_DIR } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';
const ASKER = { name: '孙八', contact: 'sun.ba@example.cn' };
const PERSONAL = /孙八|sun\.ba@example\.cn/;
const PUBLIC_TITLE = '高新区研发用房租金补贴怎么申请';
const PRIVATE_TITLE = '不愿公开的厂房租赁问题';
const ANSWER = '请向东湖区投资促进中心提交研发用房租赁合同,经审核后按年度拨付补贴。';

describe('公开问答 in Chromium', async () => {
  const suite = await browserSuite(async ({ db }) => {
    const policy = passwordPolicy('modern');
    await createUser(db, COMMAND_LINE, { name: 'city', roles: ['editor'], password: PASSWORD, channels: ['nanchang'] }, policy);
    await createUser(db, COMMAND_LINE, { name: 'donghu', roles: ['editor'], password: PASSWORD, channels: ['donghu'] }, policy);
  });
  const { browser } = suite;

  /** Asks a question to the city office in the form; returns the reference code the page shows. */
  async function ask(page: Page, title: string, publish: boolean): Promise<string> {
    await page.goto(`${suite.origin}/qa/ask`);
    await page.getByLabel('提问对象').selectOption('nanchang');
    await page.getByLabel('问题类别').selectOption('项目落地');
    await page.getByLabel(/^标题/).fill(title);
    await page.getByLabel(/^问题内容/).fill('我公司计划设立研发中心,租用办公楼作为研发用房,请问能否享受租金补贴?');
    await page.getByLabel(/^姓名/).fill(ASKER.name);
    await page.getByLabel(/^联系方式/).fill(ASKER.contact);
    if (publish) await page.getByLabel(/我同意答复后在本站公开/).check();
    await page.getByLabel(/我同意本站收集上述姓名和联系方式/).check();
    await page.getByRole('button', { name: '提交问题' }).click();
    await page.waitForURL(/\/qa\/status\?code=WD-/);
    const code = (await page.locator('.tracking-code').textContent())?.trim() ?? '';
    assert.match(code, /^WD-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    return code;
  }

  /** A console session of its own for one office's editor. */
  async function signIn(context: BrowserContext, name: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${suite.origin}/admin/login`);
    await page.getByLabel('用户名').fill(name);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
    return page;
  }

  /** Opens a question from the office's queue of `status` by its title. */
  async function openFromQueue(page: Page, status: string, title: string) {
    await page.goto(`${suite.origin}/admin/questions?status=${status}`);
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/admin\/questions\/\d+$/);
  }

  /** Presses an action's button, then the confirmation's, and waits for the page after it. */
  async function act(page: Page, button: string, confirm: string) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByRole('button', { name: confirm }).click();
    // Back to the question, or to the queue when it left the office (转办).
    await page.waitForURL(/\/admin\/questions(\/\d+)?$/);
  }

  const statusRow = (page: Page, heading: string) => page.locator('table.case-status tr', { has: page.locator(`th:text-is("${heading}")`) }).locator('td');

  it('runs a question from the form through 受理, 转办 and 答复 to /qa, its search, filters and statistics', { skip: !browser }, async () => {
    const asker = await browser!.newContext();
    const page = await asker.newPage();
    const errors: string[] = [];
    const hosts = new Set<string>();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    const publicCode = await ask(page, PUBLIC_TITLE, true);
    const privateCode = await ask(page, PRIVATE_TITLE, false);
    await page.goto(`${suite.origin}/qa/status?code=${publicCode}`);
    assert.equal(await statusRow(page, '状态').textContent(), '待受理');

    // The city office accepts and hands the question over to 东湖区; it answers the private one itself.
    const cityContext = await browser!.newContext();
    const city = await signIn(cityContext, 'city');
    await openFromQueue(city, 'received', PUBLIC_TITLE);
    await act(city, '受理', '确认受理');
    await openFromQueue(city, 'accepted', PUBLIC_TITLE);
    await city.getByLabel('转至').selectOption('donghu');
    await act(city, '转办', '确认转办');
    await openFromQueue(city, 'received', PRIVATE_TITLE);
    await act(city, '受理', '确认受理');
    await openFromQueue(city, 'accepted', PRIVATE_TITLE);
    await city.getByLabel('答复内容').fill('私下答复:可以申请,请带合同原件到窗口办理。');
    await act(city, '答复', '确认答复');
    await cityContext.close();

    await page.goto(`${suite.origin}/qa/status?code=${publicCode}`);
    assert.equal(await statusRow(page, '状态').textContent(), '已受理');
    assert.match((await statusRow(page, '转办').textContent()) ?? '', /东湖区招商部门/);

    // Not yet answered: nothing public; the list now kept in the page cache must change with the answer.
    await page.goto(`${suite.origin}/qa`);
    assert.equal(await page.locator('ol.question-list').count(), 0);

    const donghuContext = await browser!.newContext();
    const donghu = await signIn(donghuContext, 'donghu');
    await openFromQueue(donghu, 'accepted', PUBLIC_TITLE);
    await donghu.getByLabel('答复内容').fill(ANSWER);
    await act(donghu, '答复', '确认答复');
    await donghuContext.close();

    // The asker reads the answer, its dates and the answering office by the reference code.
    const rows = await suite.seeded.db.selectFrom('question').selectAll().orderBy('id').execute();
    const published = rows.find((row) => row.tracking_code === publicCode)!;
    const kept = rows.find((row) => row.tracking_code === privateCode)!;
    await page.goto(`${suite.origin}/qa/status?code=${publicCode}`);
    assert.equal(await statusRow(page, '状态').textContent(), '已答复');
    assert.equal(await statusRow(page, '受理日期').textContent(), chinaDate(published.accepted_at!));
    assert.equal(await statusRow(page, '答复日期').textContent(), chinaDate(published.answered_at!));
    assert.equal(await statusRow(page, '答复单位').textContent(), '东湖区招商部门');
    assert.equal(await statusRow(page, '答复').textContent(), ANSWER);
    await page.goto(`${suite.origin}/qa/status?code=${privateCode}`);
    assert.equal(await statusRow(page, '状态').textContent(), '已答复', 'the private question is answered too');

    const publicPages: string[] = [];
    const listed = async () => {
      publicPages.push(await page.content());
      return page.locator('ol.question-list > li > a').allTextContents();
    };
    await page.goto(`${suite.origin}/qa`);
    assert.deepEqual(await listed(), [PUBLIC_TITLE], 'only the question whose asker agreed is public');
    await page.locator('form.filters').getByLabel('关键词', { exact: true }).fill('研发用房租赁合同');
    await page.locator('form.filters').getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/[?&]q=/);
    assert.deepEqual(await listed(), [PUBLIC_TITLE], 'found by words of its answer');
    await page.locator('form.filters').getByLabel('关键词', { exact: true }).fill('厂房租赁');
    await page.locator('form.filters').getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/[?&]q=%E5%8E%82/);
    assert.deepEqual(await listed(), [], 'the private title is not searchable');
    await page.goto(`${suite.origin}/qa`);
    await page.locator('form.filters').getByLabel('答复单位').selectOption('donghu');
    await page.locator('form.filters').getByLabel('问题类别').selectOption('项目落地');
    await page.locator('form.filters').getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/channel=donghu/);
    assert.deepEqual(await listed(), [PUBLIC_TITLE], 'found by its answering office and category');
    await page.locator('form.filters').getByLabel('答复单位').selectOption('nanchang');
    await page.locator('form.filters').getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/channel=nanchang/);
    assert.deepEqual(await listed(), [], 'the office first asked did not answer it');

    await page.goto(`${suite.origin}/qa`);
    await page.getByRole('link', { name: PUBLIC_TITLE }).click();
    await page.waitForURL(new RegExp(`/qa/${published.id}$`));
    const fact = (name: string) => page.locator(`dl.question-facts dt:text-is("${name}") + dd`).textContent();
    assert.equal(await fact('受理日期'), chinaDate(published.accepted_at!));
    assert.equal(await fact('答复日期'), chinaDate(published.answered_at!));
    assert.equal(await fact('答复单位'), '东湖区招商部门');
    assert.equal(await page.locator('.question-answer').textContent(), ANSWER);
    publicPages.push(await page.content());
    assert.equal((await page.goto(`${suite.origin}/qa/${kept.id}`))?.status(), 404, 'the private question has no public page');

    // The statistics: each office's counts as the rows say, and the chart drawn by our own ECharts.
    await page.goto(`${suite.origin}/qa/stats`);
    publicPages.push(await page.content());
    const offices = new Map<string, { received: number; answered: number }>();
    for (const row of rows) {
      const office = row.answered_by ?? row.channel;
      const counts = offices.get(office) ?? { received: 0, answered: 0 };
      counts.received += 1;
      if (row.answered_at) counts.answered += 1;
      offices.set(office, counts);
    }
    const officeTable = page.locator('figure.chart-block').first().locator('table');
    for (const [slug, counts] of offices) {
      const name = `${slug === 'donghu' ? '东湖区' : '南昌市'}招商部门`;
      const cells = await officeTable
        .locator('tr', { has: page.locator(`th:text-is("${name}")`) })
        .locator('td')
        .allTextContents();
      assert.deepEqual(cells.slice(0, 2), [String(counts.received), String(counts.answered)], name);
    }
    await page.waitForFunction(() => document.querySelectorAll('.chart[data-rendered="true"] canvas, .chart[data-rendered="true"] svg').length >= 2);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'qa-stats.png'), fullPage: false });

    for (const html of publicPages) assert.doesNotMatch(html, PERSONAL);
    assert.deepEqual(errors, []);
    assert.deepEqual([...hosts], [new URL(suite.origin).host], 'ECharts and everything else is served locally');
    await asker.close();
  });
});
