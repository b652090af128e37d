import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { startSmtpServer } from '../../test/helpers/smtp.ts';
import { shippedCalendar } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import type { ConsoleUser, Role } from '../accounts/account.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import type { AppealStatus } from '../appeals/appeal.ts';
import { addCalendarDays } from '../calendar/working-calendar.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { daysBetween } from '../lib/china-time.ts';
import { askQuestion } from '../questions/question.service.ts';
import { smtpMailer, type Mailer } from './mailer.ts';
import { questionDeadline, sweepNotifications, type SweepDeps } from './notification-sweep.ts';
import { notificationsFor, setNotificationEmail } from './notification.service.ts';

const silent = pino({ level: 'silent' });
/** 10:00 Beijing time on a Beijing date. */
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
// The last working day before 国庆节 (2026-10-01 to 10-07): its next working day is a week later.
const TODAY = '2026-09-30';

async function account(db: Db, name: string, roles: Role[], channels: string[]): Promise<ConsoleUser> {
  const created = await createUser(db, COMMAND_LINE, { name, roles, password: 'correct horse battery', channels }, passwordPolicy('modern'));
  if (!('id' in created)) throw new Error(created.problem);
  return { id: created.id, name, roles, channels, mustChangePassword: false };
}

/** A request as the desk leaves it: assigned to a handler with a deadline (or in another status). */
async function appeal(db: Db, title: string, handlerId: number, dueOn: string, status: AppealStatus = 'assigned'): Promise<number> {
  const { id } = await db
    .insertInto('appeal')
    .values({
      tracking_code: `SQ-${title}`,
      credit_code: '91110000802100433B',
      enterprise_name: '东湖数字科技有限公司',
      contact_name: '赵六',
      contact_phone: '13700137000',
      channel: 'donghu',
      category: '用工',
      title,
      body: `${title}的情况。`,
      status,
      handler_id: handlerId,
      assigned_at: at('2026-09-21').toISOString(),
      due_on: dueOn,
      due_provisional: 0,
      resolution: null,
      resolved_at: null,
      resolved_on_time: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
      created_at: at('2026-09-21').toISOString(),
      closed_at: null,
      purged_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

const question = (channel: string, title: string) => ({
  channel,
  category: '投资政策',
  title,
  body: `${title}的具体情况是什么?`,
  name: '孙八',
  contact: 'sun@example.cn',
  publish: false,
  consent: 'yes' as const,
});

/** The user's reminders that are not about a question's arrival, as kind and link. */
async function deadlineReminders(db: Db, user: ConsoleUser): Promise<string[]> {
  return (await notificationsFor(db, user))
    .filter((item) => item.kind !== 'assigned')
    .map((item) => `${item.kind} ${item.href}`)
    .sort();
}

for (const dialect of testDialects()) {
  describe(`the reminders' sweep on ${dialect.name}`, () => {
    it('tells a handler of requests due today or on the next working day across a holiday, and of overdue ones, once each', () =>
      withTestDb(dialect, async ({ db }) => {
        const handler = await account(db, 'te.pai', ['reviewer'], ['donghu']);
        const other = await account(db, 'other', ['reviewer'], ['donghu']);
        const nextWorkingDay = shippedCalendar.nextWorkingDay(TODAY);
        assert.ok(daysBetween(TODAY, nextWorkingDay) > 1, 'the next working day lies after the holiday');
        const overdue = await appeal(db, '逾期', handler.id, addCalendarDays(TODAY, -1));
        const dueToday = await appeal(db, '今天到期', handler.id, TODAY);
        const dueAfterHoliday = await appeal(db, '节后到期', handler.id, nextWorkingDay);
        await appeal(db, '还早', handler.id, shippedCalendar.nextWorkingDay(nextWorkingDay));
        await appeal(db, '已办结', handler.id, addCalendarDays(TODAY, -1), 'resolved');
        await appeal(db, '别人的', other.id, addCalendarDays(TODAY, -3), 'closed');

        const deps: SweepDeps = { db, mailer: undefined, publicOrigin: undefined, logger: silent, calendar: shippedCalendar, questionWorkingDays: 10 };
        const first = await sweepNotifications(deps, at(TODAY));
        assert.deepEqual(
          await deadlineReminders(db, handler),
          [`due_soon /admin/appeals/${dueToday}`, `due_soon /admin/appeals/${dueAfterHoliday}`, `overdue /admin/appeals/${overdue}`].sort(),
        );
        assert.equal(first.told, 3);
        assert.deepEqual(await deadlineReminders(db, other), []);
        assert.deepEqual(await sweepNotifications(deps, new Date(at(TODAY).getTime() + 60_000)), { told: 0, emailed: 0 }, 'a second sweep tells nothing again');

        // On the next working day the request due today is overdue: that is a new event.
        await sweepNotifications(deps, at(nextWorkingDay));
        assert.deepEqual(
          (await deadlineReminders(db, handler)).filter((line) => line.startsWith('overdue')),
          [`overdue /admin/appeals/${dueToday}`, `overdue /admin/appeals/${overdue}`].sort(),
        );
      }));

    it('tells a question’s office once it is unanswered past its working-day deadline, counted across a holiday', () =>
      withTestDb(dialect, async ({ db }) => {
        const office = await account(db, 'dh.review', ['reviewer'], ['donghu']);
        const elsewhere = await account(db, 'xh.edit', ['editor'], ['xihu']);
        const received = at('2026-09-29');
        const asked = await askQuestion(db, question('donghu', '东湖区用地指标'), received);
        // Three working days after Tuesday 29 September: the 30th, then after 国庆节 the 8th and the 9th.
        const deadline = questionDeadline(shippedCalendar, received.toISOString(), 3);
        assert.equal(deadline, '2026-10-09');

        const deps: SweepDeps = { db, mailer: undefined, publicOrigin: undefined, logger: silent, calendar: shippedCalendar, questionWorkingDays: 3 };
        await sweepNotifications(deps, at(deadline));
        assert.deepEqual(await deadlineReminders(db, office), [], 'not late on its deadline');
        await sweepNotifications(deps, at(addCalendarDays(deadline, 1)));
        assert.deepEqual(await deadlineReminders(db, office), [`overdue /admin/questions/${asked.id}`]);
        assert.deepEqual(await deadlineReminders(db, elsewhere), [], 'another office is not told');
        assert.equal((await sweepNotifications(deps, at(addCalendarDays(deadline, 2)))).told, 0, 'told once');
      }));
  });
}

describe('two sweeps at once', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailers: Mailer[];
  before(async () => {
    smtp = await startSmtpServer();
    mailers = [smtpMailer({ url: smtp.url, from: 'noreply@example.gov.cn' }), smtpMailer({ url: smtp.url, from: 'noreply@example.gov.cn' })];
  });
  after(async () => {
    for (const mailer of mailers) mailer.close();
    await smtp.close();
  });

  for (const dialect of testDialects()) {
    it(`tell each event once and send each email once, as two server processes would, on ${dialect.name}`, async () => {
      const opened = await dialect.open();
      try {
        smtp.received.length = 0;
        const { db } = opened;
        const handler = await account(db, 'te.pai', ['reviewer'], ['donghu']);
        await setNotificationEmail(db, handler, { userId: handler.id, userName: handler.name }, 'te.pai@example.gov.cn');
        const titles = ['一', '二', '三', '四', '五', '六'];
        for (const title of titles) await appeal(db, `诉求${title}`, handler.id, addCalendarDays(TODAY, -1));

        // Another connection to the same database where the engine allows it (PGlite lives in one process).
        const second = opened.another ? await opened.another() : undefined;
        try {
          const deps = (index: number, database: Db): SweepDeps => ({
            db: database,
            mailer: mailers[index],
            publicOrigin: 'https://zs.example.gov.cn',
            logger: silent,
            calendar: shippedCalendar,
            questionWorkingDays: 10,
          });
          const outcomes = await Promise.all([sweepNotifications(deps(0, db), at(TODAY)), sweepNotifications(deps(1, second?.db ?? db), at(TODAY))]);
          assert.equal(outcomes[0]!.told + outcomes[1]!.told, titles.length, 'each event is written by one sweep');
          assert.equal(outcomes[0]!.emailed + outcomes[1]!.emailed, titles.length, 'each email is sent by one sweep');
        } finally {
          await second?.close();
        }
        assert.equal((await notificationsFor(db, handler)).length, titles.length);
        assert.equal(smtp.received.length, titles.length);
        assert.deepEqual(
          smtp.received.map((email) => /“诉求(.)”/.exec(email.subject)?.[1]).sort(),
          [...titles].sort(),
          'every request’s email arrived, none twice',
        );
      } finally {
        await opened.close();
      }
    });
  }
});
