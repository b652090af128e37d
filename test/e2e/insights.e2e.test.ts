// /data and /projects in a real browser: ECharts (served by us) draws every chart, beside its table,
// and a figure's link opens its article scrolled to the sentence, marked.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../../src/accounts/account.ts';
import { articleReview, confirmArticleFacts } from '../../src/insights/fact-curation.service.ts';
import { curateProject } from '../../src/insights/project-curation.service.ts';
import { browserSuite, SCREENSHOT_DIR } from '../helpers/browser.ts';

const admin: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const actor = { userId: 1, userName: 'admin' };

describe('data pages in Chromium', async () => {
  // Charts draw only what editors confirmed: confirm every fact and project of the seed.
  const suite = await browserSuite(async ({ db }) => {
    const articles = await db.selectFrom('indicator_fact').select('article_id').distinct().execute();
    for (const { article_id } of articles) {
      const review = (await articleReview(db, admin, Number(article_id)))!;
      await confirmArticleFacts(db, admin, actor, review.articleId, review.version);
    }
    for (const { id } of await db.selectFrom('project').select('id').execute()) await curateProject(db, admin, actor, Number(id), { kind: 'confirm' });
  });
  const { browser } = suite;

  it('draws every chart on /data, /data/qingyunpu and /projects, loading nothing from elsewhere', { skip: !browser }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const hosts = new Set<string>();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    for (const [path, charts] of [
      ['/data', 2],
      ['/data/qingyunpu', 1],
      ['/projects', 2],
    ] as const) {
      await page.goto(`${suite.origin}${path}`);
      await page.waitForFunction((n) => document.querySelectorAll('.chart[data-rendered="true"] canvas').length >= n, charts);
      assert.equal(await page.locator('.chart canvas').count(), charts, path);
      // Something was drawn: the canvas is not blank.
      const painted = await page
        .locator('.chart canvas')
        .first()
        .evaluate((canvas: HTMLCanvasElement) => {
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let coloured = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 200 || data[i + 1]! < 200)) coloured += 1;
          return coloured;
        });
      assert.ok(painted > 500, `${path}: the chart is drawn (${painted} coloured pixels)`);
      assert.ok((await page.locator('figure.chart-block table').count()) >= charts, `${path}: a table beside every chart`);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${path.replaceAll('/', '_').slice(1)}.png`), fullPage: false });
    }
    assert.deepEqual(errors, []);
    assert.deepEqual([...hosts], [new URL(suite.origin).host], 'ECharts is served locally');
    await page.close();
  });

  it('opens a figure’s article at its sentence, marked, without any script of ours', { skip: !browser }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${suite.origin}/data/qingyunpu`);
    const link = page.locator('.indicator-table a[href*="?hl="]').first();
    const sentence = await link.getAttribute('title');
    await link.click();
    await page.waitForURL(/\/articles\/\d+\?hl=\d+#fact-\d+$/);
    const mark = page.locator('mark[id^="fact-"]');
    assert.equal(await mark.count(), 1);
    assert.equal(await mark.textContent(), sentence);
    const box = await mark.boundingBox();
    assert.ok(box && box.y > -2 && box.y < 800, `the sentence is scrolled into view (y=${box?.y})`);
    assert.ok(await page.evaluate(() => window.scrollY > 0), 'the page scrolled to it');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'article-highlight.png'), fullPage: false });
    await page.close();
  });
});
