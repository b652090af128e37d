// /parks in a real browser at 360 and 1280 px: ECharts (served by us) draws the districts from the
// shipped boundaries, each shaded by its number of sites; clicking 红谷滩区 on the map opens its
// list; a site's page and the console editor fit and pass axe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../../src/accounts/account.ts';
import { createUser } from '../../src/accounts/account.service.ts';
import { passwordPolicy } from '../../src/accounts/password-policy.ts';
import { COMMAND_LINE } from '../../src/audit/audit.service.ts';
import { chinaDate } from '../../src/lib/china-time.ts';
import { saveSite } from '../../src/parks/site.service.ts';
import { siteSchema } from '../../src/parks/site.ts';
import { browserSuite, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { layoutFaults, seriousAccessibilityViolations } from '../helpers/page-checks.ts';

const admin: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const actor = { userId: 1, userName: 'admin' };
const PASSWORD = 'correct horse battery';
const GEO = JSON.parse(readFileSync(new URL('../../data/geo/nanchang/360100_full.json', import.meta.url), 'utf8')) as {
  features: Array<{ properties: { name: string; centroid: [number, number] } }>;
};
const centroidOf = (name: string) => GEO.features.find((feature) => feature.properties.name === name)!.properties.centroid;

describe('载体库 in Chromium', async () => {
  const suite = await browserSuite(async ({ db }) => {
    await createUser(db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
    const today = chinaDate(new Date());
    const schema = siteSchema(['honggutan', 'xinjian'], today);
    const common = {
      address: '会展路 1 号',
      advantages: '地铁口,配套齐全。',
      contactName: '陈敏',
      contactPhone: '0791-88880001',
      confirmedOn: today,
      industry_C: 'yes',
    };
    for (const input of [
      {
        ...common,
        kind: 'building',
        name: '红谷滩数字经济大厦',
        channel: 'honggutan',
        areaM2: '45000',
        vacantM2: '6200',
        rentMin: '1.2',
        rentMax: '2.1',
        grade: '甲级',
        floors: '32',
      },
      { ...common, kind: 'factory', name: '红谷滩标准厂房', channel: 'honggutan', areaM2: '8000', vacantM2: '2000' },
      { ...common, kind: 'land', name: '长堎工业地块', channel: 'xinjian', areaMu: '120', landUse: '工业', landStatus: '在售', confirmedOn: '2026-01-02' },
    ]) {
      if ((await saveSite(db, admin, actor, undefined, schema.parse(input))) === 'not_found') throw new Error('site not saved');
    }
  });
  const { browser } = suite;

  for (const width of [360, 1280] as const) {
    it(`draws the district map at ${width} px, and a click on 红谷滩区 lists its sites`, { skip: !browser }, async () => {
      const page = await browser!.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      const hosts = new Set<string>();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('request', (request) => hosts.add(new URL(request.url()).host));
      await page.goto(`${suite.origin}/parks`);
      await page.waitForSelector('.site-map[data-rendered="true"] svg');
      // One path per district (a district of several polygons may have more), all nine drawn.
      const paths = await page.locator('.site-map svg path').count();
      assert.ok(paths >= 9, `${paths} paths`);
      const drawn = await page.evaluate(() => {
        const chart = (
          window as unknown as {
            echarts: { getInstanceByDom(el: Element): { getOption(): { series: Array<{ data: Array<{ name: string; value: number }> }> } } };
          }
        ).echarts.getInstanceByDom(document.querySelector('.site-map')!);
        return chart.getOption().series[0]!.data.map((item) => `${item.name}=${item.value}`);
      });
      for (const expected of ['红谷滩区=2', '新建区=1', '东湖区=0', '南昌县=0']) assert.ok(drawn.includes(expected), `${expected} in ${drawn.join(' ')}`);
      assert.deepEqual(await layoutFaults(page), [], 'fits the width');
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `parks-map-${width}.png`), fullPage: false });

      // Click the middle of 红谷滩区 as the chart places it.
      const point = await page.evaluate((lngLat) => {
        const element = document.querySelector('.site-map')!;
        element.scrollIntoView({ block: 'center' });
        const chart = (
          window as unknown as { echarts: { getInstanceByDom(el: Element): { convertToPixel(finder: object, value: number[]): number[] } } }
        ).echarts.getInstanceByDom(element);
        const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, lngLat);
        const box = element.getBoundingClientRect();
        return { x: box.left + x!, y: box.top + y! };
      }, centroidOf('红谷滩区'));
      await page.mouse.click(point.x, point.y);
      await page.waitForURL(/\/parks\?channel=honggutan$/);
      const listed = await page.locator('.site-list > li > a').allTextContents();
      assert.deepEqual(listed.sort(), ['红谷滩数字经济大厦', '红谷滩标准厂房'].sort());
      assert.deepEqual(errors, []);
      assert.deepEqual([...hosts], [new URL(suite.origin).host], 'no map service: everything from our origin');
      await page.close();
    });

    it(`fits a site page and the console editor at ${width} px`, { skip: !browser }, async () => {
      const context = await browser!.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${suite.origin}/parks`);
      await page.getByRole('link', { name: '长堎工业地块' }).click();
      await page.waitForURL(/\/parks\/\d+$/);
      assert.match((await page.locator('.site-facts').textContent()) ?? '', /120 亩\(约 80,000 平方米\)/);
      assert.equal(await page.locator('.notice strong', { hasText: '待更新' }).count(), 1, 'confirmed long ago');
      assert.deepEqual(await layoutFaults(page), []);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await page.getByRole('link', { name: '我要咨询' }).click();
      await page.waitForURL(/\/parks\/\d+\/ask$/);
      assert.deepEqual(await layoutFaults(page), []);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);

      await page.goto(`${suite.origin}/admin/login`);
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(/\/admin$/);
      // 湾里管理局 has no polygon on the map: the sites saved here leave the map's figures alone.
      await page.goto(`${suite.origin}/admin/parks/new`);
      assert.deepEqual(await layoutFaults(page), []);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await page.locator('#field-kind').selectOption('factory');
      await page.locator('#field-name').fill(`湾里标准厂房 ${width}`);
      await page.locator('#field-channel').selectOption('wanli');
      await page.locator('#field-address').fill('湾里管理局招贤镇');
      await page.locator('#field-areaM2').fill('3000');
      await page.locator('#field-vacantM2').fill('1000');
      await page.locator('#field-advantages').fill('临江,交通便利。');
      await page.locator('#field-contactName').fill('刘工');
      await page.locator('#field-contactPhone').fill('+44 20 7946 0958');
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL(/\/admin\/parks\/\d+\?saved=1$/);
      assert.equal(await page.locator('.notice[role="status"]').textContent(), '已保存。');
      assert.deepEqual(await layoutFaults(page), []);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `parks-editor-${width}.png`), fullPage: false });
      await context.close();
    });
  }
});
