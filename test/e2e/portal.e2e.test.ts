// A reader in a real browser: home page, follow an article, read it, on a phone-sized screen too.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { browserSuite, SCREENSHOT_DIR } from '../helpers/browser.ts';

describe('portal in Chromium', async () => {
  const suite = await browserSuite();
  const { browser } = suite;
  const requestedHosts = new Set<string>();

  it('opens the home page, follows an article and reads its text', { skip: !browser }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('request', (request) => requestedHosts.add(new URL(request.url()).host));
    await page.goto(`${suite.origin}/`);
    assert.equal(await page.locator('h1').textContent(), '最新招商资讯');
    assert.equal(await page.locator('.article-card').count(), 10);
    const stylesApplied = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(stylesApplied, 'rgb(179, 38, 30)', 'the stylesheet loaded despite the CSP');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'home.png'), fullPage: false });

    await page.getByRole('link', { name: '工会法律直通车进园区优化招商营造和谐劳动关系' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    assert.equal(await page.locator('h1').textContent(), '工会法律直通车进园区优化招商营造和谐劳动关系');
    const body = await page.locator('.article-body').innerText();
    assert.match(body, /南昌市青山湖区总工会积极推进公益法律服务行动/);
    assert.ok((await page.locator('.article-body p').count()) >= 4, 'the body is split into paragraphs');
    assert.equal(await page.locator('.article .channel-tag').textContent(), '青山湖区');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'article.png'), fullPage: false });
    assert.deepEqual(errors, []);
    assert.deepEqual([...requestedHosts], [new URL(suite.origin).host], 'no request leaves the site');
    await page.close();
  });

  it('fits a 360 px wide phone screen without sideways scrolling', { skip: !browser }, async () => {
    const page = await browser!.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['/', '/channels', '/articles/1', '/search?q=%E8%9E%8D%E8%B5%84']) {
      await page.goto(`${suite.origin}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    }
    await page.goto(`${suite.origin}/`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'home-360.png'), fullPage: false });
    await page.close();
  });
});
