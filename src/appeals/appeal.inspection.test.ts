import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import type { Db } from '../db/database.ts';
import type { InspectionContext } from '../inspection/inspection-check.ts';
import { INSPECTION_CHECKS } from '../inspection/inspection-checks.ts';
import { runInspection } from '../inspection/inspection.service.ts';
import { insertAppeals } from '../../test/helpers/appeal-rows.ts';
import { channels } from '../../test/helpers/seed.ts';
import { shippedCalendar } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { overdueAppealsCheck } from './appeal.inspection.ts';

/** Beijing 2026-10-09 09:00. */
const NOW = new Date('2026-10-09T01:00:00.000Z');
const context = (db: Db): InspectionContext => ({ db, channels, calendar: shippedCalendar, now: NOW, requestPage: () => Promise.reject(new Error('no page')) });
const xihuReviewer: ConsoleUser = { id: 9, name: 'rev.xihu', roles: ['reviewer'], channels: ['xihu'], mustChangePassword: false };

for (const dialect of testDialects()) {
  describe(`overdue requests check on ${dialect.name}`, () => {
    it('passes without overdue requests, and warns about each request still handled after its deadline, in its district', () =>
      withTestDb(dialect, async ({ db }) => {
        assert.deepEqual(
          (await overdueAppealsCheck.run(context(db))).map((f) => [f.severity, f.href]),
          [['ok', '/admin/appeals']],
        );
        const filedAt = '2026-09-21T02:00:00.000Z';
        const [donghuLate, xihuLate, , , , provisional] = await insertAppeals(db, [
          { channel: 'donghu', category: '用工', filedAt, status: 'assigned', title: '东湖区逾期', dueOn: '2026-09-30' },
          { channel: 'xihu', category: '审批', filedAt, status: 'assigned', title: '西湖区逾期', dueOn: '2026-10-08' },
          { channel: 'xihu', category: '审批', filedAt, status: 'assigned', title: '今天到期', dueOn: '2026-10-09' },
          { channel: 'xihu', category: '审批', filedAt, status: 'resolved', title: '已办结', dueOn: '2026-09-28', onTime: false },
          { channel: 'xihu', category: '审批', filedAt, status: 'received', title: '未分办' },
          { channel: 'nanchang', category: '其他', filedAt, status: 'assigned', title: '期限暂定', dueOn: '2026-10-01', dueProvisional: true },
        ]);
        const findings = await overdueAppealsCheck.run(context(db));
        assert.deepEqual(
          findings.map((f) => [f.severity, f.href, f.channel]),
          [
            ['warning', `/admin/appeals/${donghuLate}`, 'donghu'],
            ['warning', `/admin/appeals/${provisional}`, 'nanchang'],
            ['warning', `/admin/appeals/${xihuLate}`, 'xihu'],
          ],
          'the longest overdue first; due today, resolved and unassigned requests are not overdue',
        );
        assert.match(findings[0]!.message, /《东湖区逾期》已超过办理期限 9 天\(期限 2026-09-30\)/u);
        assert.match(findings[1]!.message, /暂按周一至周五计算/u);

        const scoped = await runInspection(
          context(db),
          INSPECTION_CHECKS.filter((check) => check.quick),
          xihuReviewer,
        );
        assert.deepEqual(
          scoped.findings.filter((f) => f.check === 'overdue-appeals').map((f) => f.href),
          [`/admin/appeals/${xihuLate}`],
          'a reviewer sees their district’s only',
        );
      }));
  });
}
