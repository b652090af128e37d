// 企业诉求 in a real browser: a request filed in the form (a mistyped credit code refused first),
// followed by its reference code, assigned in the console with a deadline in working days on the
// shipped calendar, reminded to its handler, noted, extended, resolved, rated 不满意, reviewed,
// resolved again and rated 满意, then counted on /appeals/stats, whose charts ECharts (served by us)
// draws. The enterprise never sees a console account's name or its contact's phone. A request past
// its deadline lights red on the console home of its own district only.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { ConsoleUser } from '../../src/accounts/account.ts';
import { createUser } from '../../src/accounts/account.service.ts';
import { passwordPolicy } from '../../src/accounts/password-policy.ts';
import type { AppealCategory } from '../../src/appeals/appeal.ts';
import { assignAppeal, fileAppeal, type DeskRules } from '../../src/appeals/appeal.service.ts';
import { percent, rateText } from '../../src/appeals/appeal-stats.ts';
import { COMMAND_LINE } from '../../src/audit/audit.service.ts';
import type { Db } from '../../src/db/database.ts';
import { chinaDate } from '../../src/lib/china-time.ts';
import { browserSuite, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { shippedCalendar, TEST_APPEAL_WORKING_DAYS } from '../helpers/test-app.ts';

const PASSWORD = 'correct horse battery';
const DESK = 'zhang.desk';
const HANDLER = 'li.donghu';
const XIHU = 'wang.xihu';
const CREDIT_CODE = '91110000802100433B';
/** The same code with another valid character in place of its check character. */
const MISTYPED_CODE = `${CREDIT_CODE.slice(0, 17)}${CREDIT_CODE.endsWith('A') ? 'B' : 'A'}`;
const CATEGORY: AppealCategory = '融资';
const TITLE = '流动资金贷款续贷困难';
const CONTACT = { name: '赵六', phone: '137 0013 7000' };
/** What the enterprise's pages must never show: a console account, or the contact's phone in any spelling. */
const NOT_FOR_THE_ENTERPRISE = new RegExp(`${DESK}|${HANDLER}|${XIHU}|13700137000|137 0013 7000`.replaceAll('.', '\\.'));
const NOTE = '已联系合作银行,正在评估续贷方案。';
const EXTENSION_DAYS = 3;
const FIRST_RESOLUTION = '经协调,合作银行同意续贷六个月。';
const COMPLAINT = '续贷期限太短,仍有资金缺口。';
const SECOND_RESOLUTION = '经再次协调,合作银行同意续贷一年,并追加授信额度。';
const OVERDUE_TITLE = '厂房消防验收迟迟未办';
const DISTRICT_NAMES: Record<string, string> = { donghu: '东湖区', xihu: '西湖区', nanchang: '南昌市' };
const DAY_MS = 86_400_000;

/** The deadline `days` working days after `from` on the shipped calendar, as the pages write it. */
function deadlineText(from: string, days: number): string {
  const due = shippedCalendar.addWorkingDays(from, days);
  return due.provisional ? `${due.date}(暂按周一至周五计算)` : due.date;
}

/** The bare date of a deadline as the pages write it. */
const dateOf = (text: string) => text.slice(0, 10);

/** An account for the console; returned as the services take it. */
async function account(db: Db, name: string, role: 'admin' | 'editor', channels: string[]): Promise<ConsoleUser> {
  const created = await createUser(db, COMMAND_LINE, { name, roles: [role], password: PASSWORD, channels }, passwordPolicy('modern'));
  if (!('id' in created)) throw new Error(created.problem);
  return { id: created.id, name, roles: [role], channels, mustChangePassword: false };
}

describe('企业诉求 in Chromium', async () => {
  let overdueId = 0;
  const suite = await browserSuite(async ({ db }) => {
    const desk = await account(db, DESK, 'admin', []);
    await account(db, HANDLER, 'editor', ['donghu']);
    const xihu = await account(db, XIHU, 'editor', ['xihu']);
    // Filed and assigned 40 days ago: whatever its category's working days, its deadline has passed.
    const past = new Date(Date.now() - 40 * DAY_MS);
    const rules: DeskRules = { calendar: shippedCalendar, workingDays: TEST_APPEAL_WORKING_DAYS };
    const filed = await fileAppeal(
      db,
      {
        company: { kind: 'china', creditCode: CREDIT_CODE },
        enterpriseName: '西湖精密制造有限公司',
        contactName: '钱七',
        contactPhone: '13900139000',
        channel: 'xihu',
        category: '审批',
        title: OVERDUE_TITLE,
        body: '新建厂房已申请消防验收两个月,至今没有安排现场验收。',
        consent: 'yes',
      },
      past,
    );
    assert.equal(await assignAppeal(db, rules, desk, { userId: desk.id, userName: desk.name }, filed.id, xihu.id, past), 'done');
    overdueId = filed.id;
  });
  const { browser } = suite;
  const errors: string[] = [];
  const hosts = new Set<string>();

  /** A browser context whose pages' script errors and requested hosts are collected. */
  async function watchedContext(): Promise<BrowserContext> {
    const context = await browser!.newContext();
    context.on('page', (page) => page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`)));
    context.on('request', (request) => hosts.add(new URL(request.url()).host));
    return context;
  }

  /** A console session of its own for one account, on the console home. */
  async function signIn(name: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${suite.origin}/admin/login`);
    await page.getByLabel('用户名').fill(name);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
    return { context, page };
  }

  /** Presses an action's button, then the confirmation's, and waits for the request's page again. */
  async function act(page: Page, button: string, confirm: string) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByRole('button', { name: confirm, exact: true }).click();
    await page.waitForURL(/\/admin\/appeals\/\d+$/);
  }

  const cell = (page: Page, table: string, heading: string) =>
    page.locator(`table.${table} tr`, { has: page.locator(`th:text-is("${heading}")`) }).locator('td');
  const statusRow = (page: Page, heading: string) => cell(page, 'case-status', heading);
  const deskRow = (page: Page, heading: string) => cell(page, 'data-table', heading);

  it('runs a request from the form through 分办, reminder, progress, 延期, 办结, 不满意, 复核 and 满意 to its statistics', { skip: !browser }, async () => {
    const enterprise = await watchedContext();
    const page = await enterprise.newPage();
    const enterprisePages: string[] = [];
    const trackPage = async (code: string) => {
      await page.goto(`${suite.origin}/appeals/track?code=${code}`);
      enterprisePages.push(await page.content());
    };

    // The form: a mistyped check character is refused in words, with everything typed kept.
    await page.goto(`${suite.origin}/appeals`);
    await page.getByLabel(/^统一社会信用代码/).fill(MISTYPED_CODE);
    await page.getByLabel(/^企业名称/).fill('东湖数字科技有限公司');
    await page.getByLabel(/^联系人/).fill(CONTACT.name);
    await page.getByLabel(/^联系电话/).fill(CONTACT.phone);
    await page.getByLabel(/^所属区域/).selectOption('donghu');
    await page.getByLabel(/^诉求类别/).selectOption(CATEGORY);
    await page.getByLabel(/^标题/).fill(TITLE);
    await page.getByLabel(/^诉求内容/).fill('我公司一笔流动资金贷款将到期,银行暂不同意续贷,希望协调。');
    await page.getByLabel(/我同意本站收集联系人姓名和联系电话/).check();
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.locator('#error-creditCode').waitFor();
    assert.equal(await page.locator('#error-creditCode').textContent(), '统一社会信用代码校验位不符,请核对是否有输错的字符。');
    assert.equal(await page.getByLabel(/^统一社会信用代码/).inputValue(), MISTYPED_CODE, 'the code stays as typed');
    assert.equal(await page.getByLabel(/^联系电话/).inputValue(), CONTACT.phone);
    assert.equal(await page.getByLabel(/^标题/).inputValue(), TITLE);
    assert.equal(await page.getByLabel(/^诉求类别/).inputValue(), CATEGORY);
    assert.equal(await page.getByLabel(/^所属区域/).inputValue(), 'donghu');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.field-error').length), 1, 'only the code is wrong');
    await page.getByLabel(/^统一社会信用代码/).fill(CREDIT_CODE);
    await page.getByLabel(/我同意本站收集联系人姓名和联系电话/).check();
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.waitForURL(/\/appeals\/track\?code=SQ-.*&new=1$/);
    enterprisePages.push(await page.content());
    const code = (await page.locator('.tracking-code').textContent())?.trim() ?? '';
    assert.match(code, /^SQ-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await trackPage(code);
    assert.equal(await statusRow(page, '状态').textContent(), '待分办');
    assert.equal(await statusRow(page, '办理单位').textContent(), '东湖区招商部门');

    // The desk assigns it to the district's handler; the deadline is the category's working days on the calendar.
    const desk = await signIn(DESK);
    await desk.page.goto(`${suite.origin}/admin/appeals?status=received`);
    await desk.page.getByRole('link', { name: TITLE }).click();
    await desk.page.waitForURL(/\/admin\/appeals\/\d+$/);
    const requestUrl = desk.page.url();
    await desk.page.getByLabel(/^承办人/).selectOption({ label: HANDLER });
    await desk.page.getByRole('button', { name: '分办', exact: true }).click();
    assert.match((await desk.page.locator('.confirmation').textContent()) ?? '', new RegExp(`${HANDLER}.*${TEST_APPEAL_WORKING_DAYS[CATEGORY]} 个工作日`));
    const firstDue = deadlineText(chinaDate(new Date()), TEST_APPEAL_WORKING_DAYS[CATEGORY]);
    await desk.page.getByRole('button', { name: '确认分办', exact: true }).click();
    await desk.page.waitForURL(requestUrl);
    assert.equal(await deskRow(desk.page, '状态').textContent(), '办理中');
    assert.equal(await deskRow(desk.page, '承办人').textContent(), HANDLER);
    assert.equal(await deskRow(desk.page, '办理期限').textContent(), firstDue);

    // The handler finds the reminder on the console home and in the list, and marks it read.
    const handler = await signIn(HANDLER);
    const subject = `企业诉求“${TITLE}”已交您办理,办理期限 ${dateOf(firstDue)}`;
    const reminders = handler.page.locator('section[aria-labelledby="dashboard-reminders"]');
    assert.equal(await reminders.locator('[data-count="reminders"]').textContent(), '1');
    assert.equal(await reminders.locator('li[data-notification] a').textContent(), subject);
    await handler.page.goto(`${suite.origin}/admin/notifications`);
    const reminder = handler.page.locator('li[data-notification]', { hasText: subject });
    assert.equal(await reminder.getAttribute('class'), 'unread');
    assert.equal(await handler.page.locator('[data-count="unread-notifications"]').textContent(), '1');
    await reminder.getByRole('button', { name: '标为已读' }).click();
    await handler.page.locator('li[data-notification].read', { hasText: subject }).waitFor();
    assert.equal(await handler.page.locator('[data-count="unread-notifications"]').textContent(), '0');
    await handler.page.goto(`${suite.origin}/admin`);
    assert.equal(await handler.page.locator('[data-count="reminders"]').textContent(), '0');

    // A progress note, then an extension request the desk approves: the deadline moves on the calendar.
    await handler.page.goto(requestUrl);
    await handler.page.getByLabel(/^办理进展/).fill(NOTE);
    await act(handler.page, '记录进展', '确认记录');
    await handler.page.getByLabel(/^延期工作日/).fill(String(EXTENSION_DAYS));
    await handler.page.getByLabel(/^延期原因/).fill('银行授信审批需要上报总行。');
    await act(handler.page, '申请延期', '确认申请');
    assert.match(
      (await handler.page.locator('section[aria-labelledby="extension-heading"]').textContent()) ?? '',
      new RegExp(`申请延期 ${EXTENSION_DAYS} 个工作日`),
    );
    assert.equal(await handler.page.getByRole('button', { name: '批准延期' }).count(), 0, 'only admins decide extensions');

    await desk.page.goto(requestUrl);
    await act(desk.page, '批准延期', '确认批准');
    const extendedDue = deadlineText(dateOf(firstDue), EXTENSION_DAYS);
    assert.equal(await deskRow(desk.page, '办理期限').textContent(), extendedDue);

    await handler.page.goto(requestUrl);
    await handler.page.getByLabel(/^办理结果/).fill(FIRST_RESOLUTION);
    await act(handler.page, '办结', '确认办结');
    assert.equal(await deskRow(handler.page, '按期办结').textContent(), '是');

    // The enterprise reads the note, the new deadline and the resolution, and rates 不满意.
    await trackPage(code);
    assert.equal(await statusRow(page, '状态').textContent(), '已办结(待评价)');
    assert.equal(await statusRow(page, '办理期限').textContent(), extendedDue);
    assert.match((await statusRow(page, '办理进展').textContent()) ?? '', new RegExp(`${NOTE}$`));
    assert.equal(await statusRow(page, '办理期限已延长').count(), 1);
    assert.equal(await statusRow(page, '办理结果').textContent(), FIRST_RESOLUTION);
    await page.getByRole('radio', { name: '不满意', exact: true }).check();
    await page.getByLabel(/^评价意见/).fill(COMPLAINT);
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.waitForURL(/\/appeals\/track\?code=SQ-.*&rated=1$/);
    enterprisePages.push(await page.content());
    assert.equal(await statusRow(page, '状态').textContent(), '不满意,复核中');
    assert.equal(await statusRow(page, '您的评价').textContent(), `不满意:${COMPLAINT}`);

    // The desk finds it among the requests for review (不满意复核) and assigns it again.
    await desk.page.goto(`${suite.origin}/admin/appeals`);
    await desk.page.locator('form.search-filters').getByLabel('状态').selectOption({ label: '不满意,复核中' });
    await desk.page.locator('form.search-filters').getByRole('button', { name: '筛选' }).click();
    await desk.page.waitForURL(/status=reopened/);
    const listed = desk.page.locator('table.data-table tbody tr', { has: desk.page.getByRole('link', { name: TITLE }) });
    assert.equal(await listed.locator('td').nth(1).textContent(), '不满意,复核中');
    await listed.getByRole('link', { name: TITLE }).click();
    await desk.page.waitForURL(requestUrl);
    assert.equal(await deskRow(desk.page, '企业评价').textContent(), `不满意:${COMPLAINT}`);
    await desk.page.getByLabel(/^承办人/).selectOption({ label: HANDLER });
    const reviewDue = deadlineText(chinaDate(new Date()), TEST_APPEAL_WORKING_DAYS[CATEGORY]);
    await act(desk.page, '复核并重新分办', '确认重新分办');
    assert.equal(await deskRow(desk.page, '状态').textContent(), '办理中');
    assert.equal(await deskRow(desk.page, '办理期限').textContent(), reviewDue);

    await handler.page.goto(requestUrl);
    await handler.page.getByLabel(/^办理结果/).fill(SECOND_RESOLUTION);
    await act(handler.page, '办结', '确认办结');

    await trackPage(code);
    assert.equal(await statusRow(page, '办理结果').textContent(), SECOND_RESOLUTION);
    await page.getByRole('radio', { name: '满意', exact: true }).check();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.waitForURL(/\/appeals\/track\?code=SQ-.*&rated=1$/);
    enterprisePages.push(await page.content());
    assert.equal(await statusRow(page, '状态').textContent(), '已办结');
    assert.equal(await statusRow(page, '您的评价').textContent(), '满意');
    assert.equal(await page.locator('.appeal-rating').count(), 0, 'a closed request is not rated again');
    for (const html of enterprisePages) assert.doesNotMatch(html, NOT_FOR_THE_ENTERPRISE);
    await desk.context.close();
    await handler.context.close();

    // The month's statistics count the requests filed in it, as the rows the desk left say.
    const month = chinaDate(new Date()).slice(0, 7);
    const rows = (await suite.seeded.db.selectFrom('appeal').selectAll().execute()).filter((row) => chinaDate(row.created_at).startsWith(month));
    assert.ok(rows.some((row) => row.tracking_code === code && row.status === 'closed'));
    const tally = (of: typeof rows) => {
      const resolved = of.filter((row) => row.status === 'resolved' || row.status === 'closed');
      const rated = of.filter((row) => row.rating !== null);
      const satisfied = rated.filter((row) => row.rating !== 'unsatisfied').length;
      const onTime = resolved.filter((row) => Number(row.resolved_on_time) === 1).length;
      return [
        of.length,
        resolved.length,
        percent(resolved.length, of.length),
        onTime,
        percent(onTime, resolved.length),
        rated.length,
        satisfied,
        percent(satisfied, rated.length),
      ];
    };
    const asCells = (figures: ReturnType<typeof tally>) =>
      figures.map((figure, index) => ([2, 4, 7].includes(index) ? rateText(figure as number | undefined) : String(figure)));
    await page.goto(`${suite.origin}/appeals/stats?period=${month}`);
    enterprisePages.push(await page.content());
    const districts = page.locator('table.appeal-figures', { has: page.locator('caption', { hasText: '各地区' }) });
    for (const channel of new Set(rows.map((row) => row.channel))) {
      const cells = await districts
        .locator('tbody tr', { has: page.locator(`th:text-is("${DISTRICT_NAMES[channel]}")`) })
        .locator('td')
        .allTextContents();
      assert.deepEqual(cells, asCells(tally(rows.filter((row) => row.channel === channel))), DISTRICT_NAMES[channel]);
    }
    assert.deepEqual(await districts.locator('tfoot td').allTextContents(), asCells(tally(rows)), '合计');
    const [received, resolved] = tally(rows);
    assert.match((await page.locator('[data-total]').textContent()) ?? '', new RegExp(`受理 ${received} 件,办结 ${resolved} 件`));
    await page.waitForFunction(() => document.querySelectorAll('.chart[data-rendered="true"] canvas, .chart[data-rendered="true"] svg').length >= 2);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'appeal-stats.png'), fullPage: false });
    assert.doesNotMatch(await page.content(), NOT_FOR_THE_ENTERPRISE);
    await enterprise.close();

    assert.deepEqual(errors, []);
    assert.deepEqual([...hosts], [new URL(suite.origin).host], 'ECharts and everything else is served locally');
  });

  it('lights a request past its deadline red on the console home of its district, not of another', { skip: !browser }, async () => {
    const today = chinaDate(new Date());
    const overdue = await suite.seeded.db.selectFrom('appeal').select(['due_on', 'status']).where('id', '=', overdueId).executeTakeFirstOrThrow();
    assert.equal(overdue.status, 'assigned');
    assert.ok(overdue.due_on !== null && overdue.due_on < today, 'its deadline has passed');
    const redIn = async (channel: string) =>
      (
        await suite.seeded.db
          .selectFrom('appeal')
          .select('id')
          .where('channel', '=', channel)
          .where('status', '=', 'assigned')
          .where('due_on', '<', today)
          .execute()
      ).length;

    const xihu = await signIn(XIHU);
    const light = xihu.page.locator(`li[data-appeal="${overdueId}"]`);
    assert.equal(await light.getAttribute('data-level'), 'red');
    assert.equal(await light.locator('.light').textContent(), '红灯');
    assert.equal(await light.getByRole('link').textContent(), OVERDUE_TITLE);
    assert.match((await light.locator('.meta').textContent()) ?? '', /我承办的.*已逾期 \d+ 天/);
    assert.equal(await xihu.page.locator('[data-count="appeals-red"]').textContent(), String(await redIn('xihu')));
    await xihu.page.screenshot({ path: join(SCREENSHOT_DIR, 'appeal-lights.png'), fullPage: false });
    await xihu.context.close();

    const donghu = await signIn(HANDLER);
    assert.equal(await donghu.page.locator(`li[data-appeal="${overdueId}"]`).count(), 0, 'another district’s request is not shown');
    assert.equal(await donghu.page.locator('[data-count="appeals-red"]').textContent(), String(await redIn('donghu')));
    await donghu.context.close();

    assert.deepEqual(errors, []);
    assert.deepEqual([...hosts], [new URL(suite.origin).host]);
  });
});
