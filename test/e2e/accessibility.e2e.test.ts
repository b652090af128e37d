// Every public page and every console page in Chromium, at 360 px and at 1280 px: nothing scrolls
// sideways or breaks a word per line, axe-core finds nothing serious, and a screenshot of each is
// kept (ZHAOSHANG_SCREENSHOT_DIR, else a temporary folder). Forms are completed with the keyboard
// alone; the large-text mode persists; long reports carry a table of contents.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { ConsoleUser } from '../../src/accounts/account.ts';
import { createUser } from '../../src/accounts/account.service.ts';
import { passwordPolicy } from '../../src/accounts/password-policy.ts';
import { COMMAND_LINE } from '../../src/audit/audit.service.ts';
import { testEnvironment } from '../../src/config.ts';
import { leaveMessage } from '../../src/contact/message.service.ts';
import { messageSchema } from '../../src/contact/message.ts';
import { applyForSettlement } from '../../src/enterprises/application.service.ts';
import { applicationSchema } from '../../src/enterprises/application.ts';
import { articleReview, confirmArticleFacts } from '../../src/insights/fact-curation.service.ts';
import { curateProject } from '../../src/insights/project-curation.service.ts';
import { addProgressNote, assignAppeal, fileAppeal, requestExtension, resolveAppeal } from '../../src/appeals/appeal.service.ts';
import { appealSchema } from '../../src/appeals/appeal.ts';
import { saveSite } from '../../src/parks/site.service.ts';
import { siteSchema } from '../../src/parks/site.ts';
import { changeInterpretation, decidePolicyValidity, savePolicy } from '../../src/policies/policy.service.ts';
import { saveArticleEnglish } from '../../src/articles/article-english.service.ts';
import { savePolicyEnglish } from '../../src/policies/policy-english.service.ts';
import { policySchema } from '../../src/policies/policy.ts';
import { acceptQuestion, answerQuestion, askQuestion } from '../../src/questions/question.service.ts';
import { questionSchema } from '../../src/questions/question.ts';
import { submitContribution } from '../../src/submissions/submission.service.ts';
import { submissionSchema } from '../../src/submissions/submission.ts';
import { addCalendarDays } from '../../src/calendar/working-calendar.ts';
import { chinaDate } from '../../src/lib/china-time.ts';
import { insertAppeals } from '../helpers/appeal-rows.ts';
import { browserSuite } from '../helpers/browser.ts';
import { shippedCalendar, TEST_APPEAL_WORKING_DAYS, testUploads } from '../helpers/test-app.ts';
import { writingFor } from '../helpers/seed.ts';
import { imageFile, pdfFile } from '../helpers/upload-files.ts';
import { uploadAttachment } from '../../src/uploads/attachment.service.ts';
import { layoutFaults, seriousAccessibilityViolations } from '../helpers/page-checks.ts';

/** The reference code of the request whose tracking page carries the rating form. */
const RATED_CODE = 'SQ-7K4M-Q9XZ';

/** Public pages; add a page here when the site gains one. */
const PUBLIC_PAGES = [
  '/',
  '/articles/1',
  '/channels',
  '/channels/donghu',
  `/search?q=${encodeURIComponent('融资')}`,
  '/data',
  '/data/qingyunpu',
  '/projects',
  '/enterprises',
  '/enterprises/apply',
  '/enterprises/status',
  '/submit',
  '/submit/status',
  '/contact',
  '/contact/status',
  '/qa',
  '/qa/1',
  '/qa/ask',
  '/qa/status',
  '/qa/stats',
  '/appeals',
  '/appeals/track',
  `/appeals/track?code=${RATED_CODE}`,
  '/appeals/stats',
  '/policies',
  `/policies?q=${encodeURIComponent('洪府办发2025 12')}&validity=in_force`,
  '/policies/1',
  '/policies/2',
  '/parks',
  '/parks?channel=honggutan&kind=building&industry=C&areaMin=1000',
  '/parks/1',
  '/parks/2',
  '/parks/1/ask',
  '/api/docs',
  '/sitemap',
  // English pages: article 1 and policy 1 have an English version (see below), article 2 none.
  '/en',
  '/en/articles/1',
  '/en/articles/2',
  '/en/channels/donghu',
  '/en/policies',
  '/en/policies/1',
  '/en/data',
  '/en/projects',
  '/en/contact',
  '/en/enterprises/apply',
  '/en/parks',
  // Finds article 1 by its English title (see below).
  '/en/search?q=English',
];

/** Every line of the footer a government site carries, with long names, so that each page shows them all at 360 px. */
const FOOTER_IDENTITY = {
  hostOrganisation: '南昌市投资促进局(南昌市招商引资服务中心)',
  organiser: '南昌市大数据发展管理局信息中心',
  siteCode: '3601000001',
  icpNumber: '赣ICP备12345678号-1',
  publicSecurityNumber: '赣公网安备36010202000123号',
  errorReportUrl: 'https://zfwzzc.www.gov.cn/check_web/errorInfo_querySubmit.action?websitecode=3601000001',
};

/**
 * Console pages; add a page here when the console gains one. The test also visits every link of
 * the console navigation and the first item linked from each queue.
 */
const CONSOLE_PAGES = [
  '/admin/login',
  '/admin',
  '/admin/articles',
  '/admin/articles/new',
  '/admin/articles/1',
  '/admin/facts',
  '/admin/projects',
  '/admin/submissions',
  '/admin/applications',
  '/admin/messages',
  '/admin/questions',
  '/admin/questions/1',
  '/admin/questions/2',
  '/admin/appeals',
  '/admin/appeals/mine',
  '/admin/appeals/1',
  '/admin/appeals/2',
  '/admin/appeals/3',
  '/admin/policies',
  '/admin/policies/new',
  '/admin/policies/1',
  '/admin/policies/1/english',
  '/admin/articles/1/english',
  '/admin/parks',
  '/admin/parks/new',
  '/admin/parks/1',
  '/admin/inspection',
  '/admin/users',
  '/admin/users/1',
  '/admin/audit',
  '/admin/password',
  '/admin/notifications',
];

const WIDTHS = [360, 1280] as const;
const PASSWORD = 'correct horse battery';
const admin: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const actor = { userId: 1, userName: 'admin' };
const SCREENSHOTS = testEnvironment.screenshotDir ?? mkdtempSync(join(tmpdir(), 'zhaoshang-layout-'));

describe('layout and accessibility in Chromium', async () => {
  const suite = await browserSuite(async ({ db, dialect }) => {
    await createUser(db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
    // Charts on /data draw confirmed figures; one article's figures stay unconfirmed for its review page.
    const articles = await db.selectFrom('indicator_fact').select('article_id').distinct().orderBy('article_id').execute();
    for (const { article_id } of articles.slice(1)) {
      const review = (await articleReview(db, admin, Number(article_id)))!;
      await confirmArticleFacts(db, admin, actor, review.articleId, review.version);
    }
    for (const { id } of await db.selectFrom('project').select('id').limit(5).execute()) await curateProject(db, admin, actor, Number(id), { kind: 'confirm' });
    // One item in each queue, so that their detail pages are checked too.
    const contact = { name: '张三', contact: 'reader@example.cn', consent: 'yes' };
    await submitContribution(
      db,
      submissionSchema(['donghu']).parse({
        ...contact,
        title: '东湖区营商环境见闻',
        body: '今年以来东湖区持续优化营商环境,企业办事更加便利。'.repeat(3),
        channel: 'donghu',
      }),
    );
    const application = applicationSchema(['donghu']).parse({
      companyName: '南昌示例科技有限公司',
      creditCode: '9144030071526726XG',
      industry: 'C',
      channel: 'donghu',
      plannedInvestment: '1000',
      contactPerson: '李四',
      contactMobile: '13800138000',
      description: '建设智能制造生产线一条。',
      consent: 'yes',
    });
    await applyForSettlement(db, application);
    await leaveMessage(
      db,
      messageSchema(['donghu']).parse({ ...contact, channel: 'donghu', subject: '咨询厂房租赁', body: '请问东湖区有哪些可租赁的标准厂房?' }),
    );
    // Question 1 answered and published (its public page and its answered console page), question 2 waiting.
    const question = (title: string) =>
      questionSchema(['donghu']).parse({
        ...contact,
        channel: 'donghu',
        category: '项目落地',
        title,
        body: '请问项目用地预审需要准备哪些材料?',
        publish: 'yes',
      });
    const published = await askQuestion(db, question('项目用地预审材料'));
    await acceptQuestion(db, admin, actor, published.id);
    await answerQuestion(db, admin, actor, published.id, '请准备项目建议书、用地范围图和投资协议,向东湖区自然资源局提出申请。');
    await askQuestion(db, question('标准厂房租赁补贴'));
    // Request 1 resolved and waiting for its rating, 2 in hand with an extension to decide, 3 waiting for the desk.
    const appeal = (title: string) =>
      appealSchema(['donghu']).parse({
        creditCode: '9144030071526726XG',
        enterpriseName: '南昌示例科技有限公司',
        contactName: '李四',
        contactPhone: '13800138000',
        channel: 'donghu',
        category: '要素保障',
        title,
        body: '新厂房需要增容用电,请协调供电部门。',
        consent: 'yes',
      });
    const rules = { calendar: shippedCalendar, workingDays: TEST_APPEAL_WORKING_DAYS };
    const resolved = await fileAppeal(db, appeal('新厂房用电增容'));
    await db.updateTable('appeal').set({ tracking_code: RATED_CODE }).where('id', '=', resolved.id).execute();
    await assignAppeal(db, rules, admin, actor, resolved.id, admin.id);
    await addProgressNote(db, admin, actor, resolved.id, '已与供电公司现场踏勘。');
    await resolveAppeal(db, admin, actor, resolved.id, '供电公司已完成增容方案,下月送电。');
    const inHand = await fileAppeal(db, appeal('员工子女入学'));
    await assignAppeal(db, rules, admin, actor, inHand.id, admin.id);
    await requestExtension(db, admin, actor, inHand.id, { workingDays: 3, reason: '等待教育部门统筹学位。' });
    await fileAppeal(db, appeal('厂区道路修缮'));
    // Requests for the statistics page's tables and charts, and a red light on the console home.
    const today = chinaDate(new Date());
    const filedAt = `${today}T01:00:00.000Z`;
    await insertAppeals(db, [
      { channel: 'donghu', category: '用工', filedAt, status: 'closed' },
      { channel: 'xihu', category: '要素保障', filedAt, status: 'resolved', onTime: false },
      { channel: 'donghu', category: '融资', filedAt, status: 'assigned', title: '企业融资贷款贴息申请进度', dueOn: addCalendarDays(today, -2), handlerId: 1 },
    ]);
    // Policy 1 in force with a 政策解读, policy 2 amended by it (its page carries the banner).
    const policy = (title: string, docNumber: string, publishedOn: string) =>
      policySchema(['nanchang']).parse({
        title,
        docNumber,
        issuer: '南昌市人民政府办公厅',
        level: '市',
        channel: 'nanchang',
        topic: '人才',
        writtenOn: publishedOn,
        publishedOn,
        effectiveOn: publishedOn,
        validUntil: '',
        body: '## 支持对象\n\n在南昌市新就业的**高层次人才**,按层次给予安家补贴和租房补贴,最长三年。\n\n- 申请材料:学历证明、劳动合同\n- 受理部门:市人才服务中心',
      });
    const current = await savePolicy(db, admin, actor, undefined, policy('南昌市高层次人才安家补贴实施办法(2025年修订)', '洪府办发〔2025〕12号', '2025-06-01'));
    const earlier = await savePolicy(db, admin, actor, undefined, policy('南昌市高层次人才安家补贴实施办法', '洪府办发〔2021〕7号', '2021-03-01'));
    if (current === 'not_found' || earlier === 'not_found') throw new Error('policies not saved');
    await decidePolicyValidity(db, admin, actor, earlier, { status: 'amended', replacedBy: current });
    await changeInterpretation(db, admin, actor, current, { link: 1 });
    const english = { summary: 'A summary in English.', machineTranslated: true };
    await saveArticleEnglish(db, writingFor({ dialect }), admin, actor, 1, {
      ...english,
      title: 'An article in English',
      body: '## A heading\n\nA paragraph in English.',
    });
    await savePolicyEnglish(db, admin, actor, current, { ...english, title: 'Housing subsidies for high-level talent', body: 'Who qualifies, and how.' });
    // Site 1 a building with every figure, site 2 a plot confirmed long ago (待更新).
    const sites = siteSchema(['honggutan', 'xinjian'], today);
    const site = {
      address: '红谷滩区会展路 1 号',
      advantages: '地铁 1 号线出口,配套人才公寓。',
      contactName: '陈敏',
      contactPhone: '0791-88880001',
      industry_C: 'yes',
    };
    for (const input of [
      {
        ...site,
        kind: 'building',
        name: '红谷滩数字经济大厦',
        channel: 'honggutan',
        areaM2: '45000',
        vacantM2: '6200.5',
        rentMin: '1.2',
        rentMax: '2.1',
        propertyFee: '12.5',
        grade: '甲级',
        floors: '32',
        confirmedOn: today,
      },
      {
        ...site,
        kind: 'land',
        name: '长堎工业地块',
        channel: 'xinjian',
        areaMu: '120',
        landUse: '工业',
        landStatus: '在售',
        plotRatioMin: '1.2',
        plotRatioMax: '2.5',
        confirmedOn: '2026-01-02',
      },
    ]) {
      if ((await saveSite(db, admin, actor, undefined, sites.parse(input))) === 'not_found') throw new Error('site not saved');
    }
    // A long-named document and a wide photo, listed and shown on /policies/1 and in its editor.
    for (const file of [
      { name: '南昌市高层次人才安家补贴实施办法(2025年修订)政策解读及申报材料清单.pdf', bytes: pdfFile() },
      { name: '人才公寓外景.png', bytes: await imageFile('png', 1600, 900) },
    ])
      await uploadAttachment(db, testUploads, admin, actor, { ownerKind: 'policy', ownerId: current }, file);
  }, FOOTER_IDENTITY);
  const { browser } = suite;
  mkdirSync(SCREENSHOTS, { recursive: true });
  process.stderr.write(`layout screenshots: ${SCREENSHOTS}\n`);

  /** Opens a page and returns what is wrong with it: layout faults at this width and axe findings. */
  async function faultsOf(page: Page, path: string, width: number, mode = ''): Promise<string[]> {
    const response = await page.goto(`${suite.origin}${path}`);
    assert.ok(response && response.status() < 400, `${path} answers ${response?.status()}`);
    // Charts draw after load and may move what follows them.
    if ((await page.locator('[data-chart]').count()) > 0)
      await page.waitForFunction(() => document.querySelectorAll('[data-chart]:not([data-rendered])').length === 0);
    if ((await page.locator('[data-site-map]').count()) > 0)
      await page.waitForFunction(() => document.querySelectorAll('[data-site-map]:not([data-rendered])').length === 0);
    const name = `${width}${mode}${path.replace(/[^\w]+/g, '_')}`.slice(0, 80);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
    const faults = (await layoutFaults(page)).map((fault) => `${path} at ${width}px: ${fault}`);
    return [...faults, ...(await seriousAccessibilityViolations(page)).map((violation) => `${path} at ${width}px: ${violation}`)];
  }

  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${suite.origin}/admin/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
    return page;
  }

  for (const width of WIDTHS) {
    it(`fits every public page at ${width} px and axe finds nothing serious`, { skip: !browser }, async () => {
      const page = await browser!.newPage({ viewport: { width, height: 800 } });
      const faults: string[] = [];
      for (const path of PUBLIC_PAGES) faults.push(...(await faultsOf(page, path, width)));
      assert.deepEqual(faults, []);
      await page.close();
    });

    it(`fits every console page at ${width} px and axe finds nothing serious`, { skip: !browser }, async () => {
      const context = await browser!.newContext({ viewport: { width, height: 800 } });
      const page = await signIn(context);
      const navLinks = await page.locator('nav[aria-label="后台栏目"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      assert.ok(navLinks.length >= 5, 'the console navigation lists its sections');
      const queueItems: string[] = [];
      for (const queue of ['/admin/submissions', '/admin/applications', '/admin/messages', '/admin/facts']) {
        await page.goto(`${suite.origin}${queue}`);
        const first = page.locator(`main a[href^="${queue}/"]`).first();
        assert.ok((await first.count()) > 0, `${queue} links an item`);
        queueItems.push((await first.getAttribute('href'))!.replace(/#.*$/, ''));
      }
      const faults: string[] = [];
      for (const path of new Set([...CONSOLE_PAGES, ...navLinks, ...queueItems])) faults.push(...(await faultsOf(page, path, width)));
      assert.deepEqual(faults, []);
      await context.close();
    });
  }

  /** Presses Tab until the element matching `selector` has focus; fails if it never gets it. */
  async function tabTo(page: Page, selector: string) {
    for (let presses = 0; presses < 80; presses += 1) {
      if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reaches ${selector} on ${page.url()}`);
  }

  /** Tabs to a field and types into it. */
  async function typeInto(page: Page, selector: string, text: string) {
    await tabTo(page, selector);
    await page.keyboard.type(text);
  }

  it('completes the public forms and the console sign-in with the keyboard alone', { skip: !browser }, async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    await page.goto(`${suite.origin}/submit`);
    await typeInto(page, '#field-title', '键盘投稿的标题');
    await typeInto(page, '#field-body', '这是一篇只用键盘填写的投稿,内容足够长,可以提交审核。');
    await typeInto(page, '#field-name', '王五');
    await typeInto(page, '#field-contact', 'reader@example.cn');
    await tabTo(page, 'input[type=checkbox][name=consent]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/submit\/status\?code=/);

    await page.goto(`${suite.origin}/enterprises/apply`);
    await typeInto(page, '#field-companyName', '键盘科技有限公司');
    await typeInto(page, '#field-creditCode', '91330100799655058B');
    await tabTo(page, '#field-industry');
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await page.locator('#field-industry').inputValue(), '', 'the arrow key picks an industry');
    await tabTo(page, '#field-channel');
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await page.locator('#field-channel').inputValue(), '', 'the arrow key picks a district');
    await typeInto(page, '#field-plannedInvestment', '500');
    await typeInto(page, '#field-contactPerson', '赵六');
    await typeInto(page, '#field-contactMobile', '13800138000');
    await typeInto(page, '#field-description', '建设一条键盘生产线,年产十万台。');
    await tabTo(page, 'input[type=checkbox][name=consent]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/enterprises\/status\?code=RZ-/);

    await page.goto(`${suite.origin}/contact`);
    await typeInto(page, '#field-subject', '键盘留言');
    await typeInto(page, '#field-body', '只用键盘也能留言,请回复我。');
    await typeInto(page, '#field-name', '孙七');
    await typeInto(page, '#field-contact', 'reader@example.cn');
    await tabTo(page, 'input[type=checkbox][name=consent]');
    await page.keyboard.press('Space');
    // Enter in a text field submits the form, as it does for most readers.
    await typeInto(page, '#field-contact', '');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/contact\/status\?code=LY-/);

    await page.goto(`${suite.origin}/admin/login`);
    await typeInto(page, '#login-name', 'admin');
    await typeInto(page, '#login-password', PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin$/);
    await context.close();
  });

  it('keeps the large-text mode across pages and scales navigation and meta text, still fitting 360 px', { skip: !browser }, async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${suite.origin}/articles/1`);
    const sizes = () =>
      page.evaluate(() =>
        ['.channel-nav a', '.meta', '.article-body p', '.site-footer a'].map((selector) =>
          parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize),
        ),
      );
    const before = await sizes();
    const toggle = page.getByRole('button', { name: '大字模式' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const after = await sizes();
    after.forEach((size, i) => assert.ok(size >= before[i]! * 1.2, `text ${i} grows from ${before[i]}px to ${size}px`));

    const faults: string[] = [];
    for (const path of ['/', '/articles/1', '/data', '/submit']) {
      faults.push(...(await faultsOf(page, path, 360, '-large')));
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('text-large')), true, `${path} opens in large text`);
    }
    assert.deepEqual(faults, []);
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('text-large')), false, 'switched off, it stays off');
    await context.close();
  });

  it('marks the current section in the public and console navigation', { skip: !browser }, async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    for (const [path, link] of [
      ['/', '首页'],
      ['/channels', '全部频道'],
      ['/data/qingyunpu', '经济数据'],
      ['/projects', '项目库'],
      ['/policies/1', '政策文件'],
    ] as const) {
      await page.goto(`${suite.origin}${path}`);
      assert.deepEqual(await page.locator('nav[aria-label="频道"] [aria-current="page"]').allTextContents(), [link], path);
    }
    await signIn(context);
    for (const [path, link] of [
      ['/admin', '工作台'],
      ['/admin/projects', '项目管理'],
      ['/admin/facts', '经济数据审核'],
    ] as const) {
      await page.goto(`${suite.origin}${path}`);
      assert.deepEqual(
        (await page.locator('nav[aria-label="后台栏目"] [aria-current="page"]').allTextContents()).map((t) => t.trim()),
        [link],
        path,
      );
    }
    await context.close();
  });

  it('opens a long report with a 目录 whose links reach their sections', { skip: !browser }, async () => {
    const page = await browser!.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${suite.origin}/`);
    await page.getByRole('link', { name: '2015年东湖区政府工作报告' }).first().click();
    const toc = page.getByRole('navigation', { name: '目录' });
    const entries = toc.getByRole('link');
    assert.ok((await entries.count()) >= 3);
    const third = entries.nth(2);
    const title = (await third.textContent())!;
    await third.click();
    await page.waitForURL(/#section-3$/);
    const heading = page.locator('#section-3');
    assert.equal(await heading.textContent(), title);
    const top = await heading.evaluate((element) => element.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 100, `the section is scrolled to the top (${top}px)`);
    await page.close();
  });

  it('puts a narrow chart’s legend below the plot, clear of the axes', { skip: !browser }, async () => {
    const page = await browser!.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${suite.origin}/data`);
    await page.waitForFunction(() => document.querySelectorAll('[data-chart]:not([data-rendered])').length === 0);
    const layouts = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-chart]'), (element) => {
        const chart = (window as unknown as { echarts: { getInstanceByDom(e: Element): any } }).echarts.getInstanceByDom(element);
        const legend = chart.getViewOfComponentModel(chart.getModel().getComponent('legend')).group.getBoundingRect().clone();
        legend.applyTransform(chart.getViewOfComponentModel(chart.getModel().getComponent('legend')).group.getComputedTransform());
        const grid = chart.getModel().getComponent('grid').coordinateSystem.getRect();
        return { layout: element.getAttribute('data-layout'), legendTop: legend.y, gridBottom: grid.y + grid.height };
      }),
    );
    assert.ok(layouts.length > 0);
    for (const layout of layouts) {
      assert.equal(layout.layout, 'narrow');
      assert.ok(layout.legendTop > layout.gridBottom, `the legend (top ${layout.legendTop}) sits below the plot (bottom ${layout.gridBottom})`);
    }
    await page.close();
  });
});
