import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { parseAgeInDays, purgePersonalData } from './purge.service.ts';

for (const dialect of testDialects()) {
  describe(`purge on ${dialect.name}`, () => {
    it('blanks personal data of items closed before the cutoff, keeps open and recent ones and the audit trail', () =>
      withTestDb(dialect, async ({ db }) => {
        const submission = (code: string, closedAt: string | null) => ({
          tracking_code: code,
          title: '标题五个字',
          body: '正文',
          channel: 'donghu',
          author_name: '张三',
          author_contact: '13800138000',
          consented_at: '2025-01-01T00:00:00Z',
          status: closedAt ? ('rejected' as const) : ('pending' as const),
          reject_reason: null,
          article_id: null,
          created_at: '2025-01-01T00:00:00Z',
          closed_at: closedAt,
          purged_at: null,
        });
        await db
          .insertInto('submission')
          .values([submission('TG-OLD', '2025-01-10T00:00:00Z'), submission('TG-NEW', '2025-12-01T00:00:00Z'), submission('TG-OPEN', null)])
          .execute();
        await db
          .insertInto('contact_message')
          .values({
            tracking_code: 'LY-2222-2222',
            channel: 'xihu',
            subject: '主题',
            body: '内容',
            sender_name: '李四',
            sender_contact: 'li@example.cn',
            status: 'handled',
            reply_note: '已答复',
            created_at: '2025-01-01T00:00:00Z',
            closed_at: '2025-02-01T00:00:00Z',
            purged_at: null,
          })
          .execute();
        const question = (code: string, closedAt: string | null) => ({
          tracking_code: code,
          channel: 'xihu',
          category: '其他',
          title: '问题标题',
          body: '问题内容',
          asker_name: '王五',
          asker_contact: '13900139000',
          publish_consent: 1,
          status: closedAt ? ('declined' as const) : ('accepted' as const),
          decline_reason: closedAt && '不属于本单位职责',
          answer: null,
          answered_by: null,
          created_at: '2025-01-01T00:00:00Z',
          accepted_at: closedAt ? null : '2025-01-02T00:00:00Z',
          answered_at: null,
          closed_at: closedAt,
          purged_at: null,
        });
        await db
          .insertInto('question')
          .values([question('WD-OLD', '2025-01-10T00:00:00Z'), question('WD-OPEN', null)])
          .execute();
        await db
          .insertInto('audit_log')
          .values({
            at: '2025-01-10T00:00:00Z',
            user_id: null,
            user_name: 'rev',
            action: 'submission.reject',
            target_type: 'submission',
            target_id: '1',
            before: null,
            after: null,
            client: null,
          })
          .execute();

        const appeal = (code: string, status: 'closed' | 'resolved', closedAt: string | null) => ({
          tracking_code: code,
          credit_code: '91110000802100433B',
          enterprise_name: '东湖数字科技有限公司',
          contact_name: '赵六',
          contact_phone: '13700137000',
          channel: 'donghu',
          category: '融资' as const,
          title: '诉求标题',
          body: '诉求内容',
          status,
          handler_id: null,
          assigned_at: '2025-01-02T00:00:00Z',
          due_on: '2025-01-09',
          due_provisional: 0,
          resolution: '已协调银行',
          resolved_at: '2025-01-05T00:00:00Z',
          resolved_on_time: 1,
          rating: closedAt ? ('satisfied' as const) : null,
          rating_comment: null,
          rated_at: closedAt,
          created_at: '2025-01-01T00:00:00Z',
          closed_at: closedAt,
          purged_at: null,
        });
        await db
          .insertInto('appeal')
          .values([appeal('SQ-OLD', 'closed', '2025-01-10T00:00:00Z'), appeal('SQ-NEW', 'closed', '2025-12-01T00:00:00Z'), appeal('SQ-RATE', 'resolved', null)])
          .execute();

        const report = await purgePersonalData(db, COMMAND_LINE, new Date('2025-06-01T00:00:00Z'), new Date('2025-06-01T00:00:00Z'));
        assert.deepEqual(report, { submissions: 1, applications: 0, messages: 1, questions: 1, appeals: 1 });
        const rows = await db.selectFrom('submission').select(['tracking_code', 'author_name', 'author_contact', 'title']).orderBy('tracking_code').execute();
        assert.deepEqual(rows, [
          { tracking_code: 'TG-NEW', author_name: '张三', author_contact: '13800138000', title: '标题五个字' },
          { tracking_code: 'TG-OLD', author_name: null, author_contact: null, title: '标题五个字' },
          { tracking_code: 'TG-OPEN', author_name: '张三', author_contact: '13800138000', title: '标题五个字' },
        ]);
        const message = await db.selectFrom('contact_message').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual([message.sender_name, message.sender_contact, message.reply_note], [null, null, '已答复']);
        const questions = await db
          .selectFrom('question')
          .select(['tracking_code', 'asker_name', 'asker_contact', 'decline_reason'])
          .orderBy('tracking_code')
          .execute();
        assert.deepEqual(questions, [
          { tracking_code: 'WD-OLD', asker_name: null, asker_contact: null, decline_reason: '不属于本单位职责' },
          { tracking_code: 'WD-OPEN', asker_name: '王五', asker_contact: '13900139000', decline_reason: null },
        ]);
        const appeals = await db
          .selectFrom('appeal')
          .select(['tracking_code', 'contact_name', 'contact_phone', 'resolution'])
          .orderBy('tracking_code')
          .execute();
        assert.deepEqual(appeals, [
          { tracking_code: 'SQ-NEW', contact_name: '赵六', contact_phone: '13700137000', resolution: '已协调银行' },
          { tracking_code: 'SQ-OLD', contact_name: null, contact_phone: null, resolution: '已协调银行' },
          { tracking_code: 'SQ-RATE', contact_name: '赵六', contact_phone: '13700137000', resolution: '已协调银行' },
        ]);
        const audit = await db.selectFrom('audit_log').select('action').orderBy('id').execute();
        assert.deepEqual(
          audit.map((row) => row.action),
          ['submission.reject', 'privacy.purge'],
        );
        assert.deepEqual(
          await purgePersonalData(db, COMMAND_LINE, new Date('2025-06-01T00:00:00Z')),
          { submissions: 0, applications: 0, messages: 0, questions: 0, appeals: 0 },
          'nothing twice',
        );
      }));
  });
}

it('reads ages in days', () => {
  assert.equal(parseAgeInDays('180d'), 180);
  for (const bad of ['180', '0d', '-1d', '6m', '']) assert.equal(parseAgeInDays(bad), undefined, bad);
});
