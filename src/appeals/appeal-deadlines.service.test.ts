import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { dashboardFor } from '../dashboard/dashboard.service.ts';
import type { Db } from '../db/database.ts';
import { insertAppeals } from '../../test/helpers/appeal-rows.ts';
import { channels } from '../../test/helpers/seed.ts';
import { shippedCalendar } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { chinaMidnight } from '../lib/china-time.ts';

/** Noon in Beijing on a date. */
const noonOf = (date: string) => new Date(Date.parse(chinaMidnight(date)) + 12 * 3_600_000);

async function consoleUser(db: Db, name: string, role: ConsoleUser['roles'][number], channelSlugs: string[]): Promise<ConsoleUser> {
  const created = await createUser(
    db,
    COMMAND_LINE,
    { name, roles: [role], password: 'correct horse battery', channels: channelSlugs },
    passwordPolicy('modern'),
  );
  assert.ok('id' in created, name);
  return { id: created.id, name, roles: [role], channels: channelSlugs, mustChangePassword: false };
}

/** The lit requests as [title, level, own], in the order the home lists them. */
async function lightsOf(db: Db, user: ConsoleUser, today: string) {
  const { appealLights } = await dashboardFor({ db, channels, calendar: shippedCalendar }, user, noonOf(today));
  return { red: appealLights.red, yellow: appealLights.yellow, shown: appealLights.shown.map((a) => [a.title, a.level, a.own]) };
}

for (const dialect of testDialects()) {
  describe(`request lights on the console home on ${dialect.name}`, () => {
    it('lights red past the deadline and yellow up to the next working day, across the National Day week, own first, in the user’s channels', () =>
      withTestDb(dialect, async ({ db }) => {
        const handler = await consoleUser(db, 'te.donghu', 'reviewer', ['donghu']);
        const colleague = await consoleUser(db, 'te.donghu2', 'reviewer', ['donghu']);
        const admin = await consoleUser(db, 'desk.admin', 'admin', []);
        const filedAt = '2026-09-21T02:00:00.000Z';
        const assigned = (title: string, dueOn: string, handlerId: number, channel = 'donghu') =>
          ({ channel, category: '用工', filedAt, status: 'assigned', title, dueOn, handlerId }) as const;
        await insertAppeals(db, [
          assigned('昨天到期', '2026-09-29', colleague.id),
          assigned('今天到期-本人', '2026-09-30', handler.id),
          assigned('节后第一个工作日到期', '2026-10-08', colleague.id),
          assigned('节后第二个工作日到期-本人', '2026-10-09', handler.id),
          assigned('西湖区已逾期', '2026-09-28', colleague.id, 'xihu'),
          { channel: 'donghu', category: '审批', filedAt, status: 'resolved', title: '已办结', dueOn: '2026-09-25', handlerId: handler.id },
          { channel: 'donghu', category: '审批', filedAt, status: 'reopened', title: '复核中', dueOn: '2026-09-25', handlerId: handler.id },
        ]);

        // Wednesday 30 September: the next working day is 8 October, after the holiday week.
        assert.deepEqual(await lightsOf(db, handler, '2026-09-30'), {
          red: 1,
          yellow: 2,
          shown: [
            ['今天到期-本人', 'yellow', true],
            ['昨天到期', 'red', false],
            ['节后第一个工作日到期', 'yellow', false],
          ],
        });
        assert.deepEqual(await lightsOf(db, colleague, '2026-09-30'), {
          red: 1,
          yellow: 2,
          shown: [
            ['昨天到期', 'red', true],
            ['节后第一个工作日到期', 'yellow', true],
            ['今天到期-本人', 'yellow', false],
          ],
        });
        const all = await lightsOf(db, admin, '2026-09-30');
        assert.deepEqual([all.red, all.yellow], [2, 2], 'the admin sees xihu too');
        assert.deepEqual(all.shown[0], ['西湖区已逾期', 'red', false], 'the earliest deadline first');

        // Tuesday 29 September: 8 October is two working days away, not yellow.
        assert.deepEqual(await lightsOf(db, handler, '2026-09-29'), {
          red: 0,
          yellow: 2,
          shown: [
            ['今天到期-本人', 'yellow', true],
            ['昨天到期', 'yellow', false],
          ],
        });
      }));

    it('counts the 调休 Saturday as the next working day', () =>
      withTestDb(dialect, async ({ db }) => {
        const handler = await consoleUser(db, 'te.xihu', 'editor', ['xihu']);
        const filedAt = '2026-09-21T02:00:00.000Z';
        const assigned = (title: string, dueOn: string) =>
          ({ channel: 'xihu', category: '融资', filedAt, status: 'assigned', title, dueOn, handlerId: handler.id }) as const;
        await insertAppeals(db, [assigned('周六调休日到期', '2026-10-10'), assigned('下周一到期', '2026-10-12')]);
        // Friday 9 October: Saturday the 10th is worked (调休), so Monday the 12th is two working days away.
        assert.deepEqual((await lightsOf(db, handler, '2026-10-09')).shown, [['周六调休日到期', 'yellow', true]]);
        // On the 调休 Saturday itself, Monday is the next working day.
        assert.deepEqual((await lightsOf(db, handler, '2026-10-10')).shown, [
          ['周六调休日到期', 'yellow', true],
          ['下周一到期', 'yellow', true],
        ]);
        assert.deepEqual((await lightsOf(db, handler, '2026-10-11')).shown, [
          ['周六调休日到期', 'red', true],
          ['下周一到期', 'yellow', true],
        ]);
      }));
  });
}
