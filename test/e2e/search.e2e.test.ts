// A reader searching in a real browser: the header box, results with marked words, filters, a
// phrase, and a query the index cannot use.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { browserSuite, SCREENSHOT_DIR } from '../helpers/browser.ts';

describe('search in Chromium', async () => {
  const suite = await browserSuite();
  const { browser } = suite;

  it('searches from the header, marks the words, filters and opens a result', { skip: !browser }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${suite.origin}/articles/1`);
    await page.getByRole('searchbox', { name: '搜索关键词' }).fill('融资');
    await page.getByRole('searchbox', { name: '搜索关键词' }).press('Enter');
    await page.waitForURL(/\/search\?q=/);
    assert.equal(await page.getByRole('status').textContent(), '共找到 4 篇相关文章');
    const firstTitle = page.locator('.search-results h2').first();
    assert.equal(await firstTitle.textContent(), '南昌政银企联动破解融资难题 厚植中小企业成长沃土');
    assert.equal(await firstTitle.locator('mark').first().textContent(), '融资');
    const markColour = await firstTitle
      .locator('mark')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(markColour, 'rgb(255, 229, 143)', 'marks are styled');
    assert.ok((await page.locator('.search-results p mark').count()) >= 4, 'every snippet marks the word');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'search.png'), fullPage: false });

    // Narrow to one channel with the filter form.
    await page.getByRole('combobox', { name: '频道' }).selectOption('qingyunpu');
    await page.getByRole('button', { name: '搜索', exact: true }).last().click();
    await page.waitForURL(/channel=qingyunpu/);
    assert.equal(await page.getByRole('status').textContent(), '共找到 1 篇相关文章');
    assert.equal(await page.locator('.search-results .channel-tag').textContent(), '青云谱区');

    // A phrase in Chinese quotes, then open the result.
    await page.goto(`${suite.origin}/search?q=${encodeURIComponent('“高新区获批”')}`);
    assert.equal(await page.getByRole('status').textContent(), '共找到 1 篇相关文章');
    await page.locator('.search-results h2 a').click();
    await page.waitForURL(/\/articles\/\d+$/);
    assert.equal(await page.locator('h1').textContent(), '南昌高新区获批建国家自主创新示范区');
    assert.ok((await page.locator('.aside-box li').count()) > 0, 'related articles are listed');

    // Query syntax is text: the reader gets a message, not an error page.
    await page.goto(`${suite.origin}/search?q=${encodeURIComponent('"*" NEAR(')}`);
    assert.equal(await page.locator('h1').textContent(), '“"*" NEAR(”的搜索结果');
    assert.match((await page.getByRole('status').textContent()) ?? '', /没有找到相关文章/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
