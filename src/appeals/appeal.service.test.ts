import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { createUser, setUserDisabled } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE, type Actor } from '../audit/audit.service.ts';
import { readCalendarYears, WorkingCalendar } from '../calendar/working-calendar.ts';
import type { Db } from '../db/database.ts';
import { shippedCalendar, TEST_APPEAL_WORKING_DAYS } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { unreadNotifications } from '../notifications/notification.service.ts';
import type { AppealCategory, AppealInput } from './appeal.ts';
import {
  addProgressNote,
  appealForDesk,
  appealProgress,
  appealQueue,
  assignAppeal,
  decideExtensionRequest,
  fileAppeal,
  handlersFor,
  myAppeals,
  rateAppeal,
  requestExtension,
  resolveAppeal,
  reviewAppeal,
  settleProvisionalDeadlines,
  transferAppeal,
  type DeskRules,
} from './appeal.service.ts';

const RULES: DeskRules = { calendar: shippedCalendar, workingDays: TEST_APPEAL_WORKING_DAYS };
const PASSWORD = 'correct horse battery';

/** An instant at a Beijing wall-clock time. */
const beijing = (dateTime: string) => new Date(`${dateTime}+08:00`);

const input = (channel: string, category: AppealCategory, title = '企业用工招聘困难'): AppealInput => ({
  company: { kind: 'china', creditCode: '91110000802100433B' },
  enterpriseName: '东湖数字科技有限公司',
  contactName: '赵六',
  contactPhone: '13700137000',
  channel,
  category,
  title,
  body: '今年扩产需要新招一线工人两百名,招聘困难,希望协调。',
  consent: 'yes',
});

/** The desk's accounts: an admin, an office user for each of two districts, and a disabled one. */
async function people(db: Db) {
  const policy = passwordPolicy('modern');
  const user = async (name: string, role: 'admin' | 'editor' | 'reviewer', channels: string[]): Promise<ConsoleUser> => {
    const created = await createUser(db, COMMAND_LINE, { name, roles: [role], password: PASSWORD, channels }, policy);
    if (!('id' in created)) throw new Error(created.problem);
    return { id: created.id, name, roles: [role], channels, mustChangePassword: false };
  };
  const admin = await user('admin', 'admin', []);
  const donghu = await user('dh.office', 'editor', ['donghu']);
  const xihu = await user('xh.office', 'reviewer', ['xihu']);
  const gone = await user('dh.gone', 'reviewer', ['donghu']);
  await setUserDisabled(db, COMMAND_LINE, gone.id, true);
  const actor = (user: ConsoleUser): Actor => ({ userId: user.id, userName: user.name });
  return { admin, donghu, xihu, gone, actor };
}

for (const dialect of testDialects()) {
  describe(`appeal service on ${dialect.name}`, () => {
    it('counts the deadline in working days over the National Day holiday and its 调休 Saturday, per category', () =>
      withTestDb(dialect, async ({ db }) => {
        const { admin, donghu, actor } = await people(db);
        const assignedOn = beijing('2026-09-30T10:00:00');
        const hiring = await fileAppeal(db, input('donghu', '用工'), assignedOn);
        assert.equal(await assignAppeal(db, RULES, admin, actor(admin), hiring.id, donghu.id, assignedOn), 'done');
        const assigned = await appealForDesk(db, admin, hiring.id);
        // 10-01…07 off, 08 and 09 worked, Saturday 10-10 worked (调休), 12 and 13: the fifth.
        assert.equal(RULES.workingDays['用工'], 5);
        assert.deepEqual([assigned?.status, assigned?.handlerId, assigned?.dueOn, assigned?.dueProvisional], ['assigned', donghu.id, '2026-10-13', false]);
        const { newest } = await unreadNotifications(db, donghu, 5);
        assert.deepEqual(
          newest.map((reminder) => [reminder.kind, reminder.href]),
          [['assigned', `/admin/appeals/${hiring.id}`]],
          'the handler is told with the assignment',
        );

        const permit = await fileAppeal(db, input('donghu', '审批'), assignedOn);
        assert.equal(await assignAppeal(db, RULES, admin, actor(admin), permit.id, donghu.id, assignedOn), 'done');
        assert.equal((await appealForDesk(db, admin, permit.id))?.dueOn, shippedCalendar.addWorkingDays('2026-09-30', RULES.workingDays['审批']).date);
        assert.notEqual(RULES.workingDays['审批'], RULES.workingDays['用工'], 'the category’s own setting');

        // Late in December a deadline reaches into a year without its holiday file.
        const lateInYear = await fileAppeal(db, input('donghu', '审批'), beijing('2026-12-28T09:00:00'));
        assert.equal(await assignAppeal(db, RULES, admin, actor(admin), lateInYear.id, donghu.id, beijing('2026-12-28T09:00:00')), 'done');
        const provisional = await appealProgress(db, (await appealForDesk(db, admin, lateInYear.id))!.trackingCode);
        assert.equal(provisional?.dueProvisional, true);
        assert.ok(provisional?.dueOn?.startsWith('2027-'));
      }));

    it('counts a provisional deadline again, with its extensions, once next year’s holiday file is there, and says so to the enterprise', () =>
      withTestDb(dialect, async ({ db }) => {
        const { admin, donghu, actor } = await people(db);
        const on = beijing('2026-12-28T09:00:00');
        const { id, trackingCode } = await fileAppeal(db, input('donghu', '用工'), on);
        assert.equal(await assignAppeal(db, RULES, admin, actor(admin), id, donghu.id, on), 'done');
        assert.equal(await requestExtension(db, donghu, actor(donghu), id, { workingDays: 2, reason: '等待税务部门核实材料。' }, on), 'done');
        const [pending] = (await appealForDesk(db, admin, id))!.extensions;
        assert.equal(await decideExtensionRequest(db, RULES, admin, actor(admin), id, pending!.id, true, on), 'done');
        // Monday to Friday: 12-29, 30, 31, 01-01, 01-04 (five), then 01-05, 01-06 (the extension).
        assert.deepEqual([(await appealProgress(db, trackingCode))?.dueOn, (await appealProgress(db, trackingCode))?.dueProvisional], ['2027-01-06', true]);

        assert.equal(await settleProvisionalDeadlines(db, shippedCalendar), 0, 'still no 2027 file: nothing to settle');
        // A 2027 file as an operator would add it (test data, not the real notice): New Year 01-01…03.
        const with2027 = new WorkingCalendar([
          ...readCalendarYears(),
          { year: 2027, source: 'test', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], workdays: [] },
        ]);
        const restart = beijing('2026-12-30T08:00:00');
        assert.equal(await settleProvisionalDeadlines(db, with2027, restart), 1);
        const settled = await appealProgress(db, trackingCode);
        assert.deepEqual([settled?.dueOn, settled?.dueProvisional], ['2027-01-07', false], 'seven working days without New Year’s Day');
        const recounted = settled?.steps.at(-1);
        assert.equal(recounted?.kind, 'deadline_recounted');
        assert.match(recounted?.text ?? '', /由 2027-01-06 改为 2027-01-07/);
        assert.equal(await settleProvisionalDeadlines(db, with2027, restart), 0, 'settled once');
      }));

    it('moves the deadline on from the current one by an approved extension; only the handler asks, only an admin decides, one at a time', () =>
      withTestDb(dialect, async ({ db }) => {
        const { admin, donghu, actor } = await people(db);
        const on = beijing('2026-09-30T10:00:00');
        const { id } = await fileAppeal(db, input('donghu', '用工'), on);
        assert.equal(await assignAppeal(db, RULES, admin, actor(admin), id, donghu.id, on), 'done');
        const extension = { workingDays: 3, reason: '需要等待人社部门的招聘会安排。' };
        assert.deepEqual(await requestExtension(db, admin, actor(admin), id, extension, on), { problem: '只有该诉求的承办人可以申请延期。' });
        assert.equal(await requestExtension(db, donghu, actor(donghu), id, extension, on), 'done');
        assert.deepEqual(await requestExtension(db, donghu, actor(donghu), id, extension, on), { problem: '已有一项延期申请等待审批。' });
        const [pending] = (await appealForDesk(db, admin, id))!.extensions;
        assert.equal(pending?.status, 'pending');
        assert.equal(await decideExtensionRequest(db, RULES, donghu, actor(donghu), id, pending!.id, true, on), 'not_found', 'not an admin');
        assert.equal(await decideExtensionRequest(db, RULES, admin, actor(admin), id, pending!.id, true, on), 'done');
        const extended = await appealForDesk(db, admin, id);
        assert.equal(extended?.dueOn, shippedCalendar.addWorkingDays('2026-10-13', extension.workingDays).date);
        assert.equal(extended?.dueOn, '2026-10-16');
        assert.equal(await decideExtensionRequest(db, RULES, admin, actor(admin), id, pending!.id, false, on), 'already_moved', 'decided once');

        assert.equal(await requestExtension(db, donghu, actor(donghu), id, { workingDays: 2, reason: '再等两天。' }, on), 'done');
        const second = (await appealForDesk(db, admin, id))!.extensions.find((request) => request.status === 'pending')!;
        assert.equal(await decideExtensionRequest(db, RULES, admin, actor(admin), id, second.id, false, on), 'done');
        assert.equal((await appealForDesk(db, admin, id))?.dueOn, '2026-10-16', 'a rejection keeps the deadline');
        const kinds = (await appealForDesk(db, admin, id))!.events.map((event) => event.kind);
        assert.deepEqual(kinds, ['assigned', 'extension_requested', 'extension_approved', 'extension_requested', 'extension_rejected']);
        const audit = await db.selectFrom('audit_log').select('action').where('target_type', '=', 'appeal').orderBy('id').execute();
        assert.deepEqual(
          audit.map((row) => row.action),
          ['appeal.assign', 'appeal.extension_request', 'appeal.extension_approve', 'appeal.extension_request', 'appeal.extension_reject'],
        );
      }));

    it('judges a resolution on time on the deadline’s Beijing date and late the day after', () =>
      withTestDb(dialect, async ({ db }) => {
        const { admin, donghu, actor } = await people(db);
        const on = beijing('2026-09-30T10:00:00');
        const onTime = await fileAppeal(db, input('donghu', '用工', '按期办结的诉求'), on);
        const late = await fileAppeal(db, input('donghu', '用工', '超期办结的诉求'), on);
        for (const { id } of [onTime, late]) assert.equal(await assignAppeal(db, RULES, admin, actor(admin), id, donghu.id, on), 'done');
        const due = (await appealForDesk(db, admin, onTime.id))!.dueOn!;
        // 23:30 Beijing on the due date is still that date, though UTC has it at 15:30.
        assert.equal(await resolveAppeal(db, donghu, actor(donghu), onTime.id, '已协调人社部门组织专场招聘会。', beijing(`${due}T23:30:00`)), 'done');
        const dayAfter = shippedCalendar.addWorkingDays(due, 1).date;
        assert.equal(await resolveAppeal(db, donghu, actor(donghu), late.id, '已协调招聘。', beijing(`${dayAfter}T00:10:00`)), 'done');
        assert.equal((await appealForDesk(db, admin, onTime.id))?.resolvedOnTime, true);
        assert.equal((await appealForDesk(db, admin, late.id))?.resolvedOnTime, false);
        assert.equal(await resolveAppeal(db, donghu, actor(donghu), late.id, '再办结一次。'), 'already_moved');
      }));

    it('closes on 满意 or 基本满意, reopens on 不满意 for review with a new deadline, and rates only what is resolved', () =>
      withTestDb(dialect, async ({ db }) => {
        const { admin, donghu, actor } = await people(db);
        const on = beijing('2026-09-30T10:00:00');
        const filed = [];
        for (const title of ['满意的', '基本满意的', '不满意的']) filed.push(await fileAppeal(db, input('donghu', '融资', `${title}融资诉求`), on));
        const [satisfied, basically, unsatisfied] = filed;
        assert.equal(await rateAppeal(db, satisfied!.trackingCode, { rating: 'satisfied', comment: '' }, on), 'not_resolved', 'not yet resolved');
        assert.equal(await rateAppeal(db, 'SQ-2222-2222', { rating: 'satisfied', comment: '' }, on), 'not_found');
        for (const { id } of filed) {
          assert.equal(await assignAppeal(db, RULES, admin, actor(admin), id, donghu.id, on), 'done');
          assert.equal(await rateAppeal(db, (await appealForDesk(db, admin, id))!.trackingCode, { rating: 'satisfied', comment: '' }, on), 'not_resolved');
          assert.equal(await resolveAppeal(db, donghu, actor(donghu), id, '已对接三家银行。', beijing('2026-10-09T10:00:00')), 'done');
        }
        const ratedAt = beijing('2026-10-10T09:00:00');
        assert.equal(await rateAppeal(db, satisfied!.trackingCode, { rating: 'satisfied', comment: '' }, ratedAt), 'closed');
        assert.equal(await rateAppeal(db, basically!.trackingCode, { rating: 'basically_satisfied', comment: '利率偏高。' }, ratedAt), 'closed');
        assert.equal(await rateAppeal(db, unsatisfied!.trackingCode, { rating: 'unsatisfied', comment: '贷款仍未落实。' }, ratedAt), 'reopened');
        assert.equal(await rateAppeal(db, satisfied!.trackingCode, { rating: 'unsatisfied', comment: '改主意了' }, ratedAt), 'not_resolved', 'rated once');

        const rows = await db.selectFrom('appeal').select(['title', 'status', 'rating', 'closed_at']).orderBy('id').execute();
        assert.deepEqual(rows, [
          { title: '满意的融资诉求', status: 'closed', rating: 'satisfied', closed_at: ratedAt.toISOString() },
          { title: '基本满意的融资诉求', status: 'closed', rating: 'basically_satisfied', closed_at: ratedAt.toISOString() },
          { title: '不满意的融资诉求', status: 'reopened', rating: 'unsatisfied', closed_at: null },
        ]);
        const progress = await appealProgress(db, unsatisfied!.trackingCode);
        assert.deepEqual(
          progress?.steps.map((step) => [step.kind, step.text]),
          [
            ['assigned', null],
            ['resolved', null],
            ['rated', '不满意:贷款仍未落实。'],
            ['reopened', null],
          ],
        );

        assert.equal(await assignAppeal(db, RULES, admin, actor(admin), unsatisfied!.id, donghu.id, ratedAt), 'already_moved', 'a review, not an assignment');
        const reviewedOn = beijing('2026-10-12T09:00:00');
        assert.equal(await reviewAppeal(db, RULES, admin, actor(admin), unsatisfied!.id, admin.id, reviewedOn), 'done');
        const reviewed = await appealForDesk(db, admin, unsatisfied!.id);
        assert.deepEqual(
          [reviewed?.status, reviewed?.handlerId, reviewed?.dueOn, reviewed?.resolution, reviewed?.resolvedOnTime, reviewed?.rating],
          ['assigned', admin.id, shippedCalendar.addWorkingDays('2026-10-12', RULES.workingDays['融资']).date, null, null, null],
        );
        assert.equal(await reviewAppeal(db, RULES, admin, actor(admin), unsatisfied!.id, admin.id, reviewedOn), 'already_moved', 'reviewed once');
        const audit = await db
          .selectFrom('audit_log')
          .select('action')
          .where('target_type', '=', 'appeal')
          .where('target_id', '=', String(unsatisfied!.id))
          .orderBy('id')
          .execute();
        assert.deepEqual(
          audit.map((row) => row.action),
          ['appeal.assign', 'appeal.resolve', 'appeal.review'],
        );
      }));

    it('refuses transitions from the wrong status, and a transfer sends a request back to the other office’s desk', () =>
      withTestDb(dialect, async ({ db }) => {
        const { admin, donghu, xihu, actor } = await people(db);
        const { id } = await fileAppeal(db, input('donghu', '要素保障'));
        assert.equal(await addProgressNote(db, donghu, actor(donghu), id, '已联系企业。'), 'already_moved', 'not assigned yet');
        assert.equal(await resolveAppeal(db, donghu, actor(donghu), id, '已解决。'), 'already_moved');
        assert.equal(await reviewAppeal(db, RULES, admin, actor(admin), id, donghu.id), 'already_moved');
        assert.equal(await assignAppeal(db, RULES, donghu, actor(donghu), id, donghu.id), 'done');
        assert.equal(await assignAppeal(db, RULES, donghu, actor(donghu), id, donghu.id), 'already_moved', 'assigned once');
        assert.equal(await addProgressNote(db, donghu, actor(donghu), id, '已现场查看用电情况。'), 'done');
        assert.deepEqual(await transferAppeal(db, donghu, actor(donghu), id, 'donghu'), { problem: '请选择另一个办理单位。' });
        assert.equal(await requestExtension(db, donghu, actor(donghu), id, { workingDays: 2, reason: '等待供电公司。' }), 'done');
        assert.equal(await transferAppeal(db, donghu, actor(donghu), id, 'xihu'), 'done');

        assert.equal(await appealForDesk(db, donghu, id), undefined, 'gone from the old office');
        const moved = await appealForDesk(db, xihu, id);
        assert.deepEqual([moved?.status, moved?.channel, moved?.handlerId, moved?.dueOn], ['received', 'xihu', null, null]);
        assert.deepEqual(
          moved?.extensions.map((extension) => extension.status),
          ['rejected'],
          'what waited is not left pending',
        );
        const progress = await appealProgress(db, moved!.trackingCode);
        assert.deepEqual(
          progress?.steps.map((step) => [step.kind, step.text]),
          [
            ['assigned', null],
            ['note', '已现场查看用电情况。'],
            ['transferred', 'xihu'],
          ],
          'the enterprise sees progress notes and the new office, not who handles it nor the extension reasons',
        );
        assert.equal(await addProgressNote(db, donghu, actor(donghu), id, '还在办。'), 'not_found');
      }));

    it('keeps each office to its own requests and assigns only to active accounts of the office', () =>
      withTestDb(dialect, async ({ db }) => {
        const { admin, donghu, xihu, gone, actor } = await people(db);
        const first = await fileAppeal(db, input('donghu', '其他', '东湖的诉求'), beijing('2026-10-09T09:00:00'));
        const second = await fileAppeal(db, input('xihu', '其他', '西湖的诉求'), beijing('2026-10-09T10:00:00'));
        const third = await fileAppeal(db, input('donghu', '其他', '东湖的第二项诉求'), beijing('2026-10-09T11:00:00'));
        assert.deepEqual(
          (await handlersFor(db, 'donghu')).map((handler) => handler.name),
          ['admin', 'dh.office'],
          'the disabled account and the other office are left out',
        );
        assert.deepEqual(await assignAppeal(db, RULES, admin, actor(admin), first.id, xihu.id), { problem: '请选择一位负责该单位、账号可用的承办人。' });
        assert.deepEqual(await assignAppeal(db, RULES, admin, actor(admin), first.id, gone.id), { problem: '请选择一位负责该单位、账号可用的承办人。' });
        assert.equal(await appealForDesk(db, xihu, first.id), undefined);
        assert.equal(await assignAppeal(db, RULES, xihu, actor(xihu), first.id, xihu.id), 'not_found');
        assert.equal(await transferAppeal(db, xihu, actor(xihu), first.id, 'xihu'), 'not_found');

        assert.equal(await assignAppeal(db, RULES, donghu, actor(donghu), first.id, donghu.id), 'done');
        assert.deepEqual(
          (await appealQueue(db, donghu, {})).map((item) => item.title),
          ['东湖的第二项诉求', '东湖的诉求'],
          'waiting for the desk first',
        );
        assert.deepEqual(
          (await appealQueue(db, xihu, {})).map((item) => item.title),
          ['西湖的诉求'],
        );
        assert.deepEqual(
          (await appealQueue(db, admin, { status: 'received' })).map((item) => item.id),
          [second.id, third.id],
        );
        assert.deepEqual(
          (await appealQueue(db, admin, { category: '用工' })).map((item) => item.id),
          [],
        );
        assert.equal(await assignAppeal(db, RULES, donghu, actor(donghu), third.id, donghu.id, beijing('2026-09-30T09:00:00')), 'done');
        assert.deepEqual(
          (await myAppeals(db, donghu)).map((item) => item.title),
          ['东湖的第二项诉求', '东湖的诉求'],
          'the nearest deadline first',
        );
        assert.deepEqual(await myAppeals(db, xihu), []);
      }));
  });
}
