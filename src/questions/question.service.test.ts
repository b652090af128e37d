import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { ChannelCatalog } from '../channels/channel-catalog.ts';
import { readChannelFile } from '../channels/channel.ts';
import type { Db } from '../db/database.ts';
import { chinaDate, chinaDayStart, daysBetween } from '../lib/china-time.ts';
import { randomSource } from '../../test/helpers/random.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { shippedCalendar } from '../../test/helpers/test-app.ts';
import type { QuestionInput } from './question.ts';
import { unansweredQuestionsCheck } from './question.inspection.ts';
import {
  acceptQuestion,
  answerQuestion,
  askQuestion,
  declineQuestion,
  questionForReview,
  questionQueue,
  questionStatistics,
  transferQuestion,
} from './question.service.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const DONGHU: ConsoleUser = { id: 2, name: 'dh', roles: ['editor'], channels: ['donghu'], mustChangePassword: false };
const XIHU: ConsoleUser = { id: 3, name: 'xh', roles: ['reviewer'], channels: ['xihu'], mustChangePassword: false };
/** Beijing 2026-11-30 09:00. */
const NOW = new Date('2026-11-30T01:00:00.000Z');

const input = (channel: string, title: string): QuestionInput => ({
  channel,
  category: '其他',
  title,
  body: '请问这个问题怎么办理?',
  name: '钱七',
  contact: '13700137000',
  publish: true,
  consent: 'yes',
});

/** Asks at `askedAt`, accepts and answers at `answeredAt` (Beijing times given as UTC instants). */
async function answered(db: Db, channel: string, askedAt: string, answeredAt: string): Promise<number> {
  const { id } = await askQuestion(db, input(channel, `问题${askedAt}`), new Date(askedAt));
  assert.equal(await acceptQuestion(db, ADMIN, COMMAND_LINE, id, new Date(askedAt)), 'done');
  assert.equal(await answerQuestion(db, ADMIN, COMMAND_LINE, id, '答复', new Date(answeredAt)), 'done');
  return id;
}

for (const dialect of testDialects()) {
  describe(`question service on ${dialect.name}`, () => {
    it('keeps each office to its own questions, and hands a transferred one over with its history', () =>
      withTestDb(dialect, async ({ db }) => {
        const { id } = await askQuestion(db, input('donghu', '东湖的问题'));
        assert.deepEqual(
          (await questionQueue(db, XIHU, 'received')).map((q) => q.id),
          [],
        );
        assert.equal(await questionForReview(db, XIHU, id), undefined);
        assert.equal(await acceptQuestion(db, XIHU, COMMAND_LINE, id), 'not_found');
        assert.equal(await declineQuestion(db, XIHU, COMMAND_LINE, id, '原因'), 'not_found');
        assert.equal(await transferQuestion(db, XIHU, COMMAND_LINE, id, 'received', 'xihu'), 'not_found');

        assert.equal(await acceptQuestion(db, DONGHU, COMMAND_LINE, id), 'done');
        assert.equal(await transferQuestion(db, DONGHU, COMMAND_LINE, id, 'received', 'xihu'), 'already_closed', 'the status it was seen in');
        assert.equal(await transferQuestion(db, DONGHU, COMMAND_LINE, id, 'accepted', 'xihu'), 'done');
        assert.equal(await questionForReview(db, DONGHU, id), undefined, 'gone from the old office');
        assert.equal(await answerQuestion(db, DONGHU, COMMAND_LINE, id, '答复'), 'not_found');
        const moved = await questionForReview(db, XIHU, id);
        assert.equal(moved?.status, 'accepted', 'accepted stays accepted');
        assert.deepEqual(
          moved?.transfers.map((t) => [t.from, t.to]),
          [['donghu', 'xihu']],
        );
        assert.equal(await answerQuestion(db, XIHU, COMMAND_LINE, id, '西湖区答复'), 'done');
        assert.equal((await questionForReview(db, XIHU, id))?.answeredBy, 'xihu');
        assert.equal(await answerQuestion(db, XIHU, COMMAND_LINE, id, '再答一次'), 'already_closed');
      }));

    it('computes received, answered, average and longest days by office and by Beijing month of receipt', () =>
      withTestDb(dialect, async ({ db, dialect: sqlDialect }) => {
        // 2026-01-31 23:30 Beijing is 15:30 UTC: a January question, though UTC says the 31st too.
        await answered(db, 'donghu', '2026-01-31T15:30:00Z', '2026-02-03T02:00:00Z'); // Jan 31 → Feb 3: 3 days
        await answered(db, 'donghu', '2026-02-01T16:30:00Z', '2026-02-11T01:00:00Z'); // Feb 2 → Feb 11: 9 days
        await answered(db, 'xihu', '2026-02-10T01:00:00Z', '2026-02-10T09:00:00Z'); // same day: 0 days
        await askQuestion(db, input('xihu', '未答复'), new Date('2026-02-20T01:00:00Z'));
        const { byOffice, byMonth } = await questionStatistics(db, sqlDialect.chinaCalendar);
        assert.deepEqual(byOffice, [
          { key: 'donghu', received: 2, answered: 2, averageDays: 6, longestDays: 9 },
          { key: 'xihu', received: 2, answered: 1, averageDays: 0, longestDays: 0 },
        ]);
        assert.deepEqual(byMonth, [
          { key: '2026-01', received: 1, answered: 1, averageDays: 3, longestDays: 3 },
          { key: '2026-02', received: 3, answered: 2, averageDays: 4.5, longestDays: 9 },
        ]);
      }));

    it('counts in SQL what the rows it inserted say, on every engine: by office and Beijing month, days between Beijing dates', () =>
      withTestDb(dialect, async ({ db, dialect: sqlDialect }) => {
        const random = randomSource(20261130);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
        // Instants near Beijing midnight (16:00 UTC) and across a year's end and a leap day, where
        // a UTC date or a month taken from the stored text would be wrong.
        const instant = (from: string, spanDays: number) => {
          const day = Date.parse(from) + Math.floor(random() * spanDays) * 86_400_000;
          return new Date(day + pick([15, 15.99, 16, 16.01, 23.5, 3]) * 3_600_000).toISOString();
        };
        const rows = Array.from({ length: 60 }, (_, n) => {
          const createdAt = instant(pick(['2025-12-20T00:00:00Z', '2028-02-20T00:00:00Z']), 20);
          const status = pick(['received', 'accepted', 'declined', 'answered', 'answered'] as const);
          const channel = pick(['donghu', 'xihu', 'nanchang']);
          const answeredAt = status === 'answered' ? new Date(Date.parse(createdAt) + Math.floor(random() * 40 * 24) * 3_600_000).toISOString() : null;
          return {
            tracking_code: `WD-TEST-${n}`,
            channel,
            category: '其他',
            title: `问题${n}`,
            body: '问题正文',
            asker_name: null,
            asker_contact: null,
            publish_consent: n % 2,
            status,
            decline_reason: status === 'declined' ? '原因' : null,
            answer: answeredAt && '答复',
            // Some answered after a 转办: the 答复单位 is not the office first asked.
            answered_by: answeredAt && pick([channel, 'qingyunpu']),
            created_at: createdAt,
            accepted_at: status === 'received' || status === 'declined' ? null : createdAt,
            answered_at: answeredAt,
            closed_at: answeredAt,
            purged_at: null,
          };
        });
        await db.insertInto('question').values(rows).execute();

        const expected = (keyOf: (row: (typeof rows)[number]) => string) => {
          const keys = [...new Set(rows.map(keyOf))].sort();
          return keys.map((key) => {
            const group = rows.filter((row) => keyOf(row) === key);
            const days = group.flatMap((row) => (row.answered_at ? [daysBetween(chinaDate(row.created_at), chinaDate(row.answered_at))] : []));
            return {
              key,
              received: group.length,
              answered: days.length,
              averageDays: days.length === 0 ? undefined : Math.round((days.reduce((sum, day) => sum + day, 0) / days.length) * 10) / 10,
              longestDays: days.length === 0 ? undefined : Math.max(...days),
            };
          });
        };
        const { byOffice, byMonth } = await questionStatistics(db, sqlDialect.chinaCalendar);
        assert.deepEqual(
          byOffice,
          expected((row) => row.answered_by ?? row.channel),
        );
        assert.deepEqual(
          byMonth,
          expected((row) => chinaDate(row.created_at).slice(0, 7)),
        );
        assert.ok(
          byMonth.some((row) => row.key === '2026-01') && byMonth.some((row) => row.key === '2028-03'),
          'the data crosses a year and a leap day, as meant',
        );
      }));

    it('reports questions unanswered 30 Beijing days (not 29), 60 noted, 90 a veto (not 89); answered and declined ones never', () =>
      withTestDb(dialect, async ({ db }) => {
        const context = {
          db,
          channels: new ChannelCatalog(readChannelFile()),
          calendar: shippedCalendar,
          now: NOW,
          requestPage: () => Promise.reject(new Error('no page')),
        };
        assert.deepEqual(
          (await unansweredQuestionsCheck.run(context)).map((f) => f.severity),
          ['ok'],
        );
        const ask = async (days: number, at: 'first' | 'last') => {
          const day = new Date(Date.parse('2026-11-30T00:00:00Z') - days * 86_400_000).toISOString().slice(0, 10);
          const dayStart = Date.parse(chinaDayStart(day)!);
          return (await askQuestion(db, input('donghu', `等了${days}天`), new Date(at === 'first' ? dayStart : dayStart + 86_400_000 - 1))).id;
        };
        for (const days of [90, 89, 60, 30]) await ask(days, 'last');
        await ask(29, 'first');
        assert.equal(await acceptQuestion(db, ADMIN, COMMAND_LINE, await ask(120, 'first')), 'done', 'accepted is still unanswered');
        assert.equal(await declineQuestion(db, ADMIN, COMMAND_LINE, await ask(150, 'first'), '不属于职责范围'), 'done');
        await answered(db, 'donghu', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z');

        const found = await unansweredQuestionsCheck.run(context);
        assert.deepEqual(
          found.map((f) => [f.severity, f.message.replace(/\(.*\)/, '')]),
          [
            ['veto', '问题《等了120天》已 120 天未答复'],
            ['veto', '问题《等了90天》已 90 天未答复'],
            ['warning', '问题《等了89天》已 89 天未答复'],
            ['warning', '问题《等了60天》已 60 天未答复'],
            ['warning', '问题《等了30天》已 30 天未答复'],
          ],
        );
        assert.match(found[2]!.message, /满 60 天\)$/);
        assert.match(found[4]!.message, /满 30 天\)$/);
        assert.ok(found.every((f) => f.channel === 'donghu' && /^\/admin\/questions\/\d+$/.test(f.href)));
      }));
  });
}
