import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { it } from 'node:test';
import { newestArticles } from '../articles/article.service.ts';
import { loadConfig } from '../config.ts';
import { importSeedFile } from '../importer/importer.service.ts';
import { articleWriting, openMigratedDb } from '../prepare.ts';
import { calendarCoverageCheck } from '../calendar/calendar-coverage.ts';
import { SEED_FILE } from '../../test/helpers/seed.ts';
import { shippedCalendar } from '../../test/helpers/test-app.ts';
import { tempDir } from '../../test/helpers/test-db.ts';
import { homePageCheck } from './checks/home-page.check.ts';
import { INSPECTION_CHECKS } from './inspection-checks.ts';
import { runInspectCommand } from './inspection.command.ts';
import type { InspectionContext } from './inspection-check.ts';
import type { InspectionReport } from './inspection.service.ts';

function output() {
  let text = '';
  const stream = Object.assign(new PassThrough(), { write: (chunk: string) => ((text += chunk), true) });
  return { stream, text: () => text };
}

it('zhaoshang inspect: exit 1 on a veto item, 0 without, 2 on bad arguments; text or JSON', async () => {
  const dir = tempDir();
  try {
    const config = loadConfig({ DATABASE_URL: join(dir.path, 'portal.db') });
    const opened = await openMigratedDb(config);
    await importSeedFile(opened.db, articleWriting(opened), SEED_FILE);
    const [newest] = await newestArticles(opened.db, 1);
    await opened.close();
    const run = async (args: string[], options?: Parameters<typeof runInspectCommand>[4]) => {
      const [out, errors] = [output(), output()];
      const code = await runInspectCommand(config, args, out.stream, errors.stream, options);
      return { code, out: out.text(), errors: errors.text() };
    };

    const bad = await run(['--verbose']);
    assert.deepEqual([bad.code, bad.out], [2, '']);
    assert.match(bad.errors, /^zhaoshang inspect: Unknown option '--verbose'\nUsage: zhaoshang inspect \[--json\]\n$/);

    // The seed fills 5 of the 16 channels, and its newest article is long past 14 days; 18 pages: home, 16 channels, newest article.
    const full = await run([]);
    assert.equal(full.code, 1, full.errors);
    // The seed fails the home-page and empty-channel rules; every other check passes, except that
    // from 1 November (real clock) the shipped holiday files may lack next year's: warnings, no pass.
    const calendarWarnings = (await calendarCoverageCheck.run({ calendar: shippedCalendar, now: new Date() } as InspectionContext)).filter(
      (f) => f.severity === 'warning',
    ).length;
    const passed = INSPECTION_CHECKS.length - 2 - (calendarWarnings > 0 ? 1 : 0);
    assert.match(
      full.out,
      new RegExp(`^inspection at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(Beijing time\\): 12 veto items, ${calendarWarnings} warnings, ${passed} passed\\n`),
    );
    // Messages start two columns after the longest check name.
    const column = Math.max(...INSPECTION_CHECKS.map((check) => check.id.length)) + 2;
    const at = (id: string) => `${id}${' '.repeat(column - id.length)}`;
    assert.match(full.out, new RegExp(`\nVETO {4}${at('home-page')}首页已 \\d+ 天未更新\\(最新文章 \\d{4}-\\d{2}-\\d{2}\\) {2}\\(/admin/articles/new\\)\n`));
    assert.match(full.out, new RegExp(`\nOK {6}${at('page-speed')}18 个页面都在 3 秒内打开`));

    // Seven days after the newest article, in Beijing, the home page passes.
    const soon = new Date(Date.parse(`${newest!.publishedOn}T12:00:00+08:00`) + 7 * 86_400_000);
    const fresh = await run(['--json'], { now: soon, checks: [homePageCheck] });
    assert.equal(fresh.code, 0, fresh.errors);
    const report = JSON.parse(fresh.out) as InspectionReport;
    assert.equal(report.checkedAt, soon.toISOString());
    assert.deepEqual(report.counts, { veto: 0, warning: 0, ok: 1 });
    assert.deepEqual(report.findings[0], {
      severity: 'ok',
      message: `首页 7 天前更新(最新文章 ${newest!.publishedOn})`,
      href: `/articles/${newest!.id}`,
      check: 'home-page',
      checkTitle: '首页 14 天内有更新',
    });
  } finally {
    dir.remove();
  }
});
