import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startClosingServer, startSmtpServer, SMTP_USER } from '../../test/helpers/smtp.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import type { ConsoleUser, Role } from '../accounts/account.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { askQuestion, transferQuestion } from '../questions/question.service.ts';
import { smtpMailer, type Mailer } from './mailer.ts';
import { EMAIL_RETRY_MINUTES, MAX_EMAIL_ATTEMPTS } from './notification.ts';
import {
  markNotificationRead,
  notificationsFor,
  notifyAppealAssigned,
  sendEmails,
  setNotificationEmail,
  unreadNotifications,
  type NotifyDeps,
} from './notification.service.ts';

const ORIGIN = 'https://zs.example.gov.cn';
const FROM = '南昌招商 <noreply@example.gov.cn>';
const NOW = new Date('2026-09-29T02:00:00Z');
const minutesLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** A console account with the given access, and (when given) the address its reminders go to. */
async function account(db: Db, name: string, roles: Role[], channels: string[], email?: string): Promise<ConsoleUser> {
  const created = await createUser(db, COMMAND_LINE, { name, roles, password: 'correct horse battery', channels }, passwordPolicy('modern'), NOW);
  if (!('id' in created)) throw new Error(created.problem);
  const user: ConsoleUser = { id: created.id, name, roles, channels, mustChangePassword: false };
  if (email) assert.equal(await setNotificationEmail(db, user, { userId: user.id, userName: name }, email, NOW), 'done');
  return user;
}

/** A logger whose lines the test reads. */
function capturedLogger() {
  const lines: Array<{ level: number; msg: string; attempt?: number }> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, stream), lines };
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

describe('reminder emails through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: Mailer;
  before(async () => {
    smtp = await startSmtpServer();
    mailer = smtpMailer({ url: smtp.url, from: FROM });
  });
  after(async () => {
    mailer.close();
    await smtp.close();
  });

  for (const dialect of testDialects()) {
    it(`sends an assignment to the handler's address with a link to the console, and keeps it unread on the console, on ${dialect.name}`, () =>
      withTestDb(dialect, async ({ db }) => {
        smtp.received.length = 0;
        const handler = await account(db, 'te.pai', ['reviewer'], ['donghu'], 'te.pai@example.gov.cn');
        const deps: NotifyDeps = { db, mailer, publicOrigin: ORIGIN, logger: pino({ level: 'silent' }) };
        const appeal = { id: 41, title: '厂房用电增容', handlerId: handler.id, dueOn: '2026-10-09', assignedAt: NOW.toISOString() };
        const [id] = await notifyAppealAssigned(deps, appeal, NOW);
        assert.ok(id);

        assert.equal(smtp.received.length, 1);
        const [email] = smtp.received;
        assert.deepEqual(email!.to, ['te.pai@example.gov.cn']);
        assert.equal(email!.from, 'noreply@example.gov.cn');
        assert.equal(email!.user, SMTP_USER, 'signed in with the credentials of SMTP_URL');
        assert.match(email!.subject, /厂房用电增容/);
        assert.match(email!.subject, /2026-10-09/);
        assert.ok(email!.text.includes(`${ORIGIN}/admin/appeals/${appeal.id}`), email!.text);

        const unread = await unreadNotifications(db, handler, 5);
        assert.equal(unread.count, 1);
        assert.deepEqual(
          unread.newest.map((item) => [item.id, item.kind, item.href, item.email]),
          [[id, 'assigned', `/admin/appeals/${appeal.id}`, 'sent']],
        );
        assert.deepEqual(await notifyAppealAssigned(deps, appeal, minutesLater(1)), [], 'the same assignment is told once');
        assert.equal(smtp.received.length, 1);
      }));

    it(`tells only a question's office when it arrives or is transferred there, and emails it at the next sweep, on ${dialect.name}`, () =>
      withTestDb(dialect, async ({ db }) => {
        smtp.received.length = 0;
        const donghu = await account(db, 'dh.review', ['reviewer'], ['donghu'], 'dh@example.gov.cn');
        const donghuEditor = await account(db, 'dh.edit', ['editor'], ['donghu', 'xihu']);
        const xihu = await account(db, 'xh.edit', ['editor'], ['xihu'], 'xh@example.gov.cn');
        const admin = await account(db, 'boss', ['admin'], [], 'boss@example.gov.cn');
        const asked = await askQuestion(db, question('donghu', '东湖区人才公寓'), NOW);

        const subjects = async (user: ConsoleUser) => (await notificationsFor(db, user)).map((item) => item.subject);
        assert.equal((await subjects(donghu)).length, 1);
        assert.match((await subjects(donghu))[0]!, /收到新问题“东湖区人才公寓”/);
        assert.equal((await subjects(donghuEditor)).length, 1);
        assert.deepEqual(await subjects(xihu), []);
        assert.deepEqual(await subjects(admin), [], 'admins are told only of offices without accounts');
        assert.equal(smtp.received.length, 0, 'written in the question’s transaction, emailed by the sweep');

        const deps: NotifyDeps = { db, mailer, publicOrigin: undefined, logger: pino({ level: 'silent' }) };
        assert.equal(await sendEmails(deps, minutesLater(1)), 1, 'one of the two office accounts has an address');
        assert.deepEqual(
          smtp.received.map((email) => email.to),
          [['dh@example.gov.cn']],
        );
        assert.ok(smtp.received[0]!.text.includes(`/admin/questions/${asked.id}`));

        const actor = { userId: donghu.id, userName: donghu.name };
        assert.equal(await transferQuestion(db, donghu, actor, asked.id, 'received', 'xihu', minutesLater(2)), 'done');
        assert.equal((await subjects(xihu)).length, 1);
        assert.match((await subjects(xihu))[0]!, /已转办至本单位/);
        assert.equal((await subjects(donghuEditor)).length, 2, 'the editor of both offices is told of the arrival in xihu too');
        assert.equal((await subjects(donghu)).length, 1, 'the office it left is not told again');

        await askQuestion(db, question('honggutan', '无人负责的频道'), minutesLater(3));
        assert.match((await subjects(admin))[0]!, /无人负责的频道/, 'an office without accounts: the admins are told');
      }));

    it(`leaves the reminder when the server closes the connection, and the sweep sends it after the retry interval, on ${dialect.name}`, () =>
      withTestDb(dialect, async ({ db }) => {
        smtp.received.length = 0;
        const closing = await startClosingServer();
        const broken = smtpMailer({ url: closing.url, from: FROM });
        try {
          const handler = await account(db, 'te.pai', ['reviewer'], ['donghu'], 'te.pai@example.gov.cn');
          const { logger, lines } = capturedLogger();
          const deps: NotifyDeps = { db, mailer: broken, publicOrigin: ORIGIN, logger };
          const [id] = await notifyAppealAssigned(
            deps,
            { id: 7, title: '融资对接', handlerId: handler.id, dueOn: '2026-10-09', assignedAt: NOW.toISOString() },
            NOW,
          );

          const [kept] = (await unreadNotifications(db, handler, 5)).newest;
          assert.deepEqual([kept?.id, kept?.email], [id, 'pending'], 'the reminder is on the console, its email still to send');
          const row = await db.selectFrom('notification').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
          assert.equal(Number(row.email_attempts), 1);
          assert.ok(row.email_error, 'the failure is recorded');
          assert.equal(row.email_sent_at, null);
          assert.ok(
            lines.some((line) => line.level === 40 && line.attempt === 1),
            'the failure is logged as a warning',
          );

          const recovered: NotifyDeps = { ...deps, mailer };
          assert.equal(await sendEmails(recovered, minutesLater(EMAIL_RETRY_MINUTES - 1)), 0, 'not before the retry interval');
          assert.equal(await sendEmails(recovered, minutesLater(EMAIL_RETRY_MINUTES)), 1);
          assert.deepEqual(
            smtp.received.map((email) => email.to),
            [['te.pai@example.gov.cn']],
          );
          assert.equal((await unreadNotifications(db, handler, 5)).newest[0]?.email, 'sent');
          assert.equal(await sendEmails(recovered, minutesLater(3 * EMAIL_RETRY_MINUTES)), 0, 'sent once');
        } finally {
          broken.close();
          await closing.close();
        }
      }));

    it(`tries a refused email a bounded number of times, then leaves it on the console only, on ${dialect.name}`, () =>
      withTestDb(dialect, async ({ db }) => {
        smtp.received.length = 0;
        smtp.state.refusing = true;
        try {
          const handler = await account(db, 'te.pai', ['reviewer'], ['donghu'], 'te.pai@example.gov.cn');
          const { logger, lines } = capturedLogger();
          const deps: NotifyDeps = { db, mailer, publicOrigin: ORIGIN, logger };
          const [id] = await notifyAppealAssigned(
            deps,
            { id: 8, title: '用工招聘', handlerId: handler.id, dueOn: '2026-10-09', assignedAt: NOW.toISOString() },
            NOW,
          );
          for (let round = 1; round <= MAX_EMAIL_ATTEMPTS + 2; round += 1) await sendEmails(deps, minutesLater(round * EMAIL_RETRY_MINUTES));

          const row = await db.selectFrom('notification').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
          assert.equal(Number(row.email_attempts), MAX_EMAIL_ATTEMPTS);
          assert.match(row.email_error ?? '', /Mailbox busy/);
          assert.equal(smtp.received.length, 0);
          assert.equal((await unreadNotifications(db, handler, 5)).newest[0]?.email, 'failed');
          assert.equal(lines.filter((line) => line.level === 40).length, MAX_EMAIL_ATTEMPTS - 1, 'each failed try but the last is a warning');
          assert.equal(lines.filter((line) => line.level === 50).length, 1, 'the last is an error');
        } finally {
          smtp.state.refusing = false;
        }
      }));
  }
});

for (const dialect of testDialects()) {
  describe(`one's own reminders on ${dialect.name}`, () => {
    it('marks only one’s own reminder read, once, and keeps the address only when valid', () =>
      withTestDb(dialect, async ({ db }) => {
        const handler = await account(db, 'te.pai', ['reviewer'], ['donghu']);
        const other = await account(db, 'other', ['reviewer'], ['donghu']);
        const deps: NotifyDeps = { db, mailer: undefined, publicOrigin: undefined, logger: pino({ level: 'silent' }) };
        const [id] = await notifyAppealAssigned(
          deps,
          { id: 9, title: '供应链', handlerId: handler.id, dueOn: '2026-10-09', assignedAt: NOW.toISOString() },
          NOW,
        );
        assert.equal((await unreadNotifications(db, handler, 5)).newest[0]?.email, 'none', 'no address: no email');

        assert.equal(await markNotificationRead(db, other, { userId: other.id, userName: other.name }, id!, NOW), 'not_found');
        assert.equal((await unreadNotifications(db, handler, 5)).count, 1);
        const actor = { userId: handler.id, userName: handler.name };
        assert.equal(await markNotificationRead(db, handler, actor, id!, NOW), 'done');
        assert.equal(await markNotificationRead(db, handler, actor, id!, NOW), 'done');
        assert.equal((await unreadNotifications(db, handler, 5)).count, 0);
        const audit = await db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'notification.read').execute();
        assert.deepEqual(audit, [{ action: 'notification.read', target_id: String(id) }], 'audited once');

        const setEmail = (text: string) => setNotificationEmail(db, handler, actor, text, NOW);
        assert.deepEqual(await setEmail('not an address'), { problem: '请填写有效的邮箱地址,例如 zhang.san@example.gov.cn。' });
        assert.equal(await db.selectFrom('notification_email').selectAll().executeTakeFirst(), undefined);
        assert.equal(await setEmail(' te.pai@example.gov.cn '), 'done');
        assert.equal((await db.selectFrom('notification_email').select('email').executeTakeFirstOrThrow()).email, 'te.pai@example.gov.cn');
        assert.equal(await setEmail(''), 'done');
        assert.equal(await db.selectFrom('notification_email').selectAll().executeTakeFirst(), undefined, 'an empty address removes it');
      }));
  });
}
