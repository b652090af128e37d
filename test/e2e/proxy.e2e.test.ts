// The portal behind a real nginx terminating TLS, as production runs it: Chromium fills in every
// public form and signs in to the console over https, and none is refused as cross-origin; nginx's
// micro-cache answers the anonymous reader but never the signed-in one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../../src/accounts/account.service.ts';
import { passwordPolicy } from '../../src/accounts/password-policy.ts';
import { COMMAND_LINE } from '../../src/audit/audit.service.ts';
import { browserSuite } from '../helpers/browser.ts';
import { nginxAvailable, startTlsProxy } from '../helpers/nginx.ts';

const PASSWORD = 'correct horse battery';

describe('behind an nginx HTTPS proxy in Chromium', async () => {
  // The test app trusts the proxy (TRUST_PROXY=true), as a deployment behind nginx must.
  const suite = await browserSuite(async (seeded) => {
    await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
  });
  const { browser } = suite;
  const withNginx = browser !== undefined && nginxAvailable();
  let proxy: Awaited<ReturnType<typeof startTlsProxy>> | undefined;
  before(async () => {
    if (withNginx) proxy = await startTlsProxy(suite.origin);
  });
  after(() => proxy?.close());

  it('takes every public form and the console sign-in and sign-out over https', { skip: !withNginx }, async () => {
    const context = await browser!.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const statuses: string[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST') statuses.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    const origin = proxy!.origin;
    assert.match(origin, /^https:\/\/127\.0\.0\.1:\d+$/);

    // 投稿 → its status page.
    await page.goto(`${origin}/submit`);
    await page.getByLabel(/^标题/).fill('经开区新签约新能源电池项目');
    await page.getByLabel(/^正文/).fill('经开区新签约新能源电池项目的正文内容,介绍了项目的投资规模和进度安排。');
    await page.getByLabel('投稿频道').selectOption('donghu');
    await page.getByLabel(/^姓名/).fill('投稿人');
    await page.getByLabel(/^联系方式/).fill('reader@example.cn');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '提交稿件' }).click();
    await page.waitForURL(/\/submit\/status\?code=/);
    assert.equal(await page.locator('table td').first().textContent(), '经开区新签约新能源电池项目');

    // 企业入驻.
    await page.goto(`${origin}/enterprises/apply`);
    await page.getByLabel('企业名称').fill('东湖数字科技有限公司');
    await page.getByLabel('统一社会信用代码').fill('9144030071526726XG');
    await page.getByLabel('所属行业').selectOption('C');
    await page.getByLabel('意向落户区域').selectOption('donghu');
    await page.getByLabel('计划投资额(万元)').fill('1000');
    await page.locator('#field-contactPerson').fill('赵六');
    await page.getByLabel(/^联系电话/).fill('13800138000');
    await page.getByLabel('项目简介').fill('数字内容产业总部,计划租用写字楼两层。');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/enterprises\/status\?code=RZ-/);

    // 联系我们.
    await page.goto(`${origin}/contact`);
    await page.getByLabel('主题').fill('咨询商铺政策');
    await page.getByLabel('留言内容').fill('请问西湖区对新开商铺有什么扶持政策?');
    await page.getByLabel(/^姓名/).fill('钱七');
    await page.getByLabel(/^联系方式/).fill('qian@example.cn');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '提交留言' }).click();
    await page.waitForURL(/\/contact\/status\?code=LY-/);

    // Anonymous, with the forms' CSRF cookie: the home page read again comes from nginx's micro-cache.
    const cacheStatusOf = async (path: string) => (await context.request.get(`${origin}${path}`)).headers()['x-cache-status'];
    await context.request.get(`${origin}/`);
    assert.equal(await cacheStatusOf('/'), 'HIT');

    // The console: sign in with a Secure __Host- session, see the home page, sign out.
    await page.goto(`${origin}/admin/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
    assert.equal(await page.locator('h1').textContent(), '工作台');
    const session = (await context.cookies()).find((cookie) => cookie.name === '__Host-zs_session');
    assert.ok(session?.secure, 'the session cookie is Secure, as the origin is https');
    // Signed in, every page comes from an instance: the console and the public home page alike.
    const consoleHome = await context.request.get(`${origin}/admin`);
    assert.equal(consoleHome.headers()['x-cache-status'], 'BYPASS');
    assert.match(await consoleHome.text(), /工作台/, "the signed-in user's own console");
    assert.equal(await cacheStatusOf('/'), 'BYPASS');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/admin\/login$/);
    assert.equal(
      (await context.cookies()).find((cookie) => cookie.name === '__Host-zs_session'),
      undefined,
      'signed out',
    );

    assert.deepEqual(statuses, ['303 /submit', '303 /enterprises/apply', '303 /contact', '303 /admin/login', '303 /admin/logout']);
    await context.close();
  });
});
