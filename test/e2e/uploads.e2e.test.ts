// Attachments in a real browser, at 360 and 1280 px: an editor uploads a PDF and a photo through
// the policy editor's file input, sees them in the panel, and readers see the photo (a WebP web
// copy, fitting the screen) and download the PDF under its Chinese name from the public page.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createUser } from '../../src/accounts/account.service.ts';
import { passwordPolicy } from '../../src/accounts/password-policy.ts';
import { COMMAND_LINE } from '../../src/audit/audit.service.ts';
import { savePolicy } from '../../src/policies/policy.service.ts';
import { browserSuite, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { layoutFaults, seriousAccessibilityViolations } from '../helpers/page-checks.ts';
import { imageFile, pdfFile } from '../helpers/upload-files.ts';

const PASSWORD = 'correct horse battery';
const WIDTHS = [360, 1280] as const;
const PDF_NAME = '东湖区楼宇经济扶持资金申报指南(2025年版).pdf';
const PHOTO_NAME = '东湖区总部大楼外景.jpg';

describe('attachments in Chromium', async () => {
  const policyIds: number[] = [];
  const suite = await browserSuite(async ({ db }) => {
    const created = await createUser(
      db,
      COMMAND_LINE,
      { name: 'donghu', roles: ['editor'], password: PASSWORD, channels: ['donghu'] },
      passwordPolicy('modern'),
    );
    if ('problem' in created) throw new Error(created.problem);
    const editor = { id: created.id, name: 'donghu', roles: ['editor' as const], channels: ['donghu'], mustChangePassword: false };
    for (const width of WIDTHS) {
      const id = await savePolicy(db, editor, { userId: editor.id, userName: 'donghu' }, undefined, {
        title: `东湖区促进楼宇经济发展若干措施(${width})`,
        docNumber: null,
        issuer: '东湖区人民政府',
        level: '区',
        channel: 'donghu',
        topic: '产业扶持',
        writtenOn: '2025-02-20',
        publishedOn: '2025-03-01',
        effectiveOn: '2025-03-01',
        validUntil: null,
        body: '对新引进的总部企业给予租金补贴。',
      });
      if (id === 'not_found') throw new Error('policy not saved');
      policyIds.push(id);
    }
  });
  const { browser } = suite;

  for (const [n, width] of WIDTHS.entries()) {
    it(`uploads a PDF and a photo in the console and shows them on the public page at ${width} px`, { skip: !browser }, async () => {
      const context = await browser!.newContext({ viewport: { width, height: 800 }, acceptDownloads: true });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${suite.origin}/admin/login`);
        await page.getByLabel('用户名').fill('donghu');
        await page.getByLabel('密码').fill(PASSWORD);
        await page.getByRole('button', { name: '登录' }).click();
        await page.waitForURL(/\/admin$/u);

        const policyId = policyIds[n]!;
        await page.goto(`${suite.origin}/admin/policies/${policyId}`);
        const photo = await imageFile('jpeg', 2000, 1200);
        for (const file of [
          { name: PDF_NAME, mimeType: 'application/pdf', buffer: pdfFile('Application guide') },
          { name: PHOTO_NAME, mimeType: 'image/jpeg', buffer: photo },
        ]) {
          await page.getByLabel(/^上传附件/u).setInputFiles(file);
          await page.getByRole('button', { name: '上传', exact: true }).click();
          await page.waitForURL(new RegExp(`/admin/policies/${policyId}#attachments$`, 'u'));
        }
        const panel = page.locator('#attachments table');
        assert.deepEqual(await panel.locator('tbody td:first-child').allTextContents(), [PDF_NAME, PHOTO_NAME]);
        assert.deepEqual(await panel.locator('tbody td:nth-child(2)').allTextContents(), ['PDF', 'JPEG 图片']);
        assert.deepEqual(await layoutFaults(page), [], `console at ${width}`);
        assert.deepEqual(await seriousAccessibilityViolations(page), [], `console at ${width}`);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `uploads-console-${width}.png`), fullPage: true });

        // The public page: the photo as a web copy that fits the screen, both files listed.
        await page.goto(`${suite.origin}/policies/${policyId}`);
        const image = page.locator('.attachments img');
        await image.scrollIntoViewIfNeeded();
        await page.waitForFunction(() => {
          const img = document.querySelector<HTMLImageElement>('.attachments img');
          return img !== null && img.complete && img.naturalWidth > 0;
        });
        const shown = await image.evaluate((img: HTMLImageElement) => ({
          src: img.currentSrc,
          natural: img.naturalWidth,
          box: img.getBoundingClientRect().width,
        }));
        assert.match(shown.src, /\/files\/[0-9a-f]{64}\/.+-(?:480|960|1600)\.webp$/u, 'a web copy, not the 2000-pixel original');
        assert.ok(shown.box <= width, `the photo fits ${width} px (${shown.box})`);
        const items = await page.locator('.attachment-list li').allTextContents();
        assert.equal(items.length, 2);
        assert.ok(items[0]!.startsWith(`${PDF_NAME} `), items[0]);
        assert.match(items[0]!, /\(PDF,\d+ B\)$/u);
        assert.ok(items[1]!.startsWith(`${PHOTO_NAME} `), items[1]);
        assert.match(items[1]!, /\(JPEG 图片,\d+ KB\)$/u);
        assert.deepEqual(await layoutFaults(page), [], `public page at ${width}`);
        assert.deepEqual(await seriousAccessibilityViolations(page), [], `public page at ${width}`);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `uploads-public-${width}.png`), fullPage: true });

        // The PDF downloads under its Chinese name.
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: PDF_NAME }).click()]);
        assert.equal(download.suggestedFilename(), PDF_NAME);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
