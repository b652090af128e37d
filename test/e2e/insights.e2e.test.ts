// /data and /projects in a real browser: ECharts (served by us) draws every chart, beside its table.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { browserSuite, SCREENSHOT_DIR } from '../helpers/browser.ts';

describe('data pages in Chromium', async () => {
  const suite = await browserSuite();
  const { browser } = suite;

  it('draws every chart on /data, /data/qingyunpu and /projects, loading nothing from elsewhere', { skip: !browser }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const hosts = new Set<string>();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    for (const [path, charts] of [['/data', 2], ['/data/qingyunpu', 1], ['/projects', 2]] as const) {
      await page.goto(`${suite.origin}${path}`);
      await page.waitForFunction((n) => document.querySelectorAll('.chart[data-rendered="true"] canvas').length >= n, charts);
      assert.equal(await page.locator('.chart canvas').count(), charts, path);
      // Something was drawn: the canvas is not blank.
      const painted = await page.locator('.chart canvas').first().evaluate((canvas: HTMLCanvasElement) => {
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
});
