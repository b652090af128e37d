import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { saveEditedArticle } from '../articles/article-editing.service.ts';
import { leaveMessage } from '../contact/message.service.ts';
import { messageSchema } from '../contact/message.ts';
import type { Db } from '../db/database.ts';
import { applyForSettlement } from '../enterprises/application.service.ts';
import { applicationSchema } from '../enterprises/application.ts';
import { addManualProject, updateProjectPlan } from '../insights/project-curation.service.ts';
import type { ProjectStage } from '../lib/project-stages.ts';
import { submitContribution } from '../submissions/submission.service.ts';
import { submissionSchema } from '../submissions/submission.ts';
import { channels, writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { shippedCalendar } from '../../test/helpers/test-app.ts';
import { askQuestion } from '../questions/question.service.ts';
import { dashboardFor, type Dashboard, type QueueKind } from './dashboard.service.ts';

const user = (id: number, name: string, role: ConsoleUser['roles'][number], channelSlugs: string[]): ConsoleUser => ({
  id,
  name,
  roles: [role],
  channels: channelSlugs,
  mustChangePassword: false,
});
const admin = user(1, 'admin', 'admin', []);
const donghuReviewer = user(2, 'rev.donghu', 'reviewer', ['donghu']);
const xihuReviewer = user(3, 'rev.xihu', 'reviewer', ['xihu']);
const editor = user(4, 'ed.east', 'editor', ['donghu', 'xihu']);
const actor = { userId: 1, userName: 'admin' };

// 16:00 in Beijing on 10 March; the real clock is never read.
const now = new Date('2026-03-10T08:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const queue = (dashboard: Dashboard, kind: QueueKind) => dashboard.queues.find((q) => q.kind === kind);
const kinds = (dashboard: Dashboard) => dashboard.queues.map((q) => q.kind);

async function contribute(db: Db, channel: string, title: string, at: Date) {
  const input = submissionSchema([channel]).parse({
    title,
    body: `${title}的正文内容,介绍了项目的投资规模。`,
    channel,
    name: '投稿人',
    contact: '13800138000',
    consent: 'yes',
  });
  await submitContribution(db, input, at);
}

for (const dialect of testDialects()) {
  describe(`console home on ${dialect.name}`, () => {
    it('shows a reviewer the oldest waiting items of their channels first, with their age, and only their queues', () =>
      withTestDb(dialect, async ({ db }) => {
        await contribute(db, 'xihu', '西湖区最早的投稿', ago(10 * DAY));
        await contribute(db, 'donghu', '东湖区投稿五小时', ago(5 * HOUR));
        await contribute(db, 'donghu', '东湖区投稿三天', ago(3 * DAY));
        await contribute(db, 'donghu', '东湖区投稿十分钟', ago(10 * MINUTE));
        await contribute(db, 'donghu', '东湖区投稿七天', ago(7 * DAY));
        await contribute(db, 'donghu', '东湖区投稿一天', ago(DAY + HOUR));
        await contribute(db, 'donghu', '东湖区投稿两天', ago(2 * DAY));
        const application = applicationSchema(['donghu']).parse({
          companyName: '东湖数字科技有限公司',
          creditCode: '91110000802100433B',
          industry: 'I',
          channel: 'donghu',
          plannedInvestment: '3000',
          contactPerson: '赵六',
          contactMobile: '13700137000',
          description: '数字内容产业总部,计划租用写字楼两层。',
          consent: 'yes',
        });
        assert.ok('id' in (await applyForSettlement(db, application, ago(2 * DAY))));
        const message = messageSchema(['xihu']).parse({
          channel: 'xihu',
          subject: '咨询商铺政策',
          body: '请问西湖区对新开商铺有什么扶持政策?',
          name: '钱七',
          contact: 'qian@example.cn',
          consent: 'yes',
        });
        await leaveMessage(db, message, ago(30 * MINUTE));
        const question = {
          channel: 'xihu',
          category: '其他',
          title: '西湖区商铺扶持',
          body: '请问商铺有什么扶持?',
          name: '钱七',
          contact: 'qian@example.cn',
          publish: false,
          consent: 'yes' as const,
        };
        await askQuestion(db, question, ago(2 * HOUR));

        const donghu = await dashboardFor({ db, channels, calendar: shippedCalendar }, donghuReviewer, now);
        assert.deepEqual(kinds(donghu), ['submissions', 'applications', 'messages', 'questions']);
        const submissions = queue(donghu, 'submissions')!;
        assert.equal(submissions.count, 6, 'all six counted though five are listed');
        assert.deepEqual(
          submissions.oldest.map((item) => [item.title, item.age]),
          [
            ['东湖区投稿七天', '7 天前'],
            ['东湖区投稿三天', '3 天前'],
            ['东湖区投稿两天', '2 天前'],
            ['东湖区投稿一天', '1 天前'],
            ['东湖区投稿五小时', '5 小时前'],
          ],
        );
        assert.deepEqual(
          queue(donghu, 'applications')!.oldest.map((item) => [item.title, item.age]),
          [['东湖数字科技有限公司', '2 天前']],
        );
        assert.deepEqual([queue(donghu, 'messages')!.count, queue(donghu, 'messages')!.oldest], [0, []], 'xihu’s message is not donghu’s');
        assert.deepEqual([donghu.warnedProjects, donghu.unreviewedFacts, donghu.staleChannels], [undefined, undefined, undefined], 'a reviewer does not edit');

        const xihu = await dashboardFor({ db, channels, calendar: shippedCalendar }, xihuReviewer, now);
        assert.deepEqual(
          queue(xihu, 'submissions')!.oldest.map((item) => [item.title, item.age]),
          [['西湖区最早的投稿', '10 天前']],
        );
        assert.deepEqual(
          queue(xihu, 'messages')!.oldest.map((item) => [item.title, item.age]),
          [['咨询商铺政策', '30 分钟前']],
        );
        assert.equal(queue(xihu, 'applications')!.count, 0);
        assert.deepEqual(
          queue(xihu, 'questions')!.oldest.map((item) => [item.title, item.age]),
          [['西湖区商铺扶持', '2 小时前']],
        );
        assert.equal(queue(donghu, 'questions')!.count, 0, 'xihu’s question is not donghu’s');

        const all = await dashboardFor({ db, channels, calendar: shippedCalendar }, admin, now);
        assert.deepEqual(kinds(all), ['submissions', 'applications', 'messages', 'questions', 'articles']);
        assert.equal(queue(all, 'submissions')!.count, 7);
        assert.equal(queue(all, 'submissions')!.oldest[0]!.title, '西湖区最早的投稿');
        assert.equal(queue(all, 'messages')!.count, 1);

        const editing = await dashboardFor({ db, channels, calendar: shippedCalendar }, editor, now);
        assert.deepEqual(
          kinds(editing),
          ['submissions', 'questions', 'articles'],
          "an editor reviews their channels' contributions and questions, not applications or messages",
        );
      }));

    it('shows an editor the red and yellow projects, unconfirmed facts and quiet channels of their channels, in Beijing dates', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const writing = writingFor(opened);
        // 00:30 on 10 March in Beijing, still 9 March in UTC: the 14-day rule counts Beijing days.
        const midnight = new Date('2026-03-09T16:30:00.000Z');
        const publish = (channel: string, title: string, publishedOn: string, status: 'published' | 'draft', at: Date) =>
          saveEditedArticle(
            db,
            writing,
            admin,
            actor,
            undefined,
            { title, channel, publishedOn, status, publishAt: null, body: `${title}。本文介绍频道近况。` },
            at,
          );
        await publish('donghu', '东湖区十四天前的文章', '2026-02-24', 'published', ago(14 * DAY));
        const xihuArticle = await publish('xihu', '西湖区十五天前的文章', '2026-02-23', 'published', ago(15 * DAY));
        await publish('xihu', '西湖区未发布的草稿', '2026-03-09', 'draft', ago(2 * DAY));
        await publish('qingyunpu', '青云谱区的草稿', '2026-03-09', 'draft', ago(DAY));

        const project = async (name: string, channel: string, milestone: ProjectStage, plannedOn: string) => {
          const added = await addManualProject(db, admin, actor, { name, amountYi: null, channel, industry: null, stage: '签约' });
          assert.ok('id' in added);
          await updateProjectPlan(db, admin, actor, added.id, { milestone, plannedOn });
        };
        await project('东湖区逾期开工项目', 'donghu', '开工/在建', '2026-02-28');
        await project('西湖区临近竣工项目', 'xihu', '竣工', '2026-03-30');
        await project('东湖区远期项目', 'donghu', '开工/在建', '2026-06-01');
        await project('青云谱区逾期项目', 'qingyunpu', '开工/在建', '2026-03-01');

        const fact = (channel: string, curation: 'confirmed' | null) => ({
          article_id: xihuArticle as number,
          channel,
          indicator: 'gdp',
          place: null,
          year: 2025,
          period: null,
          kind: 'actual' as const,
          value: 100,
          unit: '亿元',
          growth: null,
          stretch: null,
          qualifier: null,
          sentence: `地区生产总值100亿元(${channel})`,
          extracted_key: null,
          curation,
          curated_by: null,
          curated_at: null,
        });
        await db.deleteFrom('indicator_fact').execute();
        await db
          .insertInto('indicator_fact')
          .values([fact('donghu', null), fact('xihu', null), fact('xihu', 'confirmed'), fact('qingyunpu', null)])
          .execute();

        const editing = await dashboardFor({ db, channels, calendar: shippedCalendar }, editor, midnight);
        assert.equal(editing.today, '2026-03-10');
        assert.deepEqual(
          editing.warnedProjects!.shown.map((p) => [p.name, p.level, p.days]),
          [
            ['东湖区逾期开工项目', 'red', -10],
            ['西湖区临近竣工项目', 'yellow', 20],
          ],
        );
        assert.equal(editing.unreviewedFacts, 2);
        assert.deepEqual(
          editing.staleChannels!.map((c) => [c.slug, c.lastPublishedOn, c.days]),
          [['xihu', '2026-02-23', 15]],
          'donghu, 14 days quiet, is not yet stale; a draft is no update',
        );
        const articles = queue(editing, 'articles')!;
        assert.deepEqual([articles.count, articles.oldest.map((a) => [a.title, a.status, a.age])], [1, [['西湖区未发布的草稿', 'draft', '1 天前']]]);

        const all = await dashboardFor({ db, channels, calendar: shippedCalendar }, admin, midnight);
        assert.deepEqual(
          all.warnedProjects!.shown.map((p) => p.name),
          ['东湖区逾期开工项目', '青云谱区逾期项目', '西湖区临近竣工项目'],
        );
        assert.equal(all.unreviewedFacts, 3);
        const stale = new Map(all.staleChannels!.map((c) => [c.slug, c.lastPublishedOn]));
        assert.equal(stale.size, channels.all.length - 1, 'every channel but donghu');
        assert.equal(stale.get('xihu'), '2026-02-23');
        assert.equal(stale.get('qingyunpu'), null, 'a channel with only a draft has never been updated');
        assert.equal(queue(all, 'articles')!.count, 2);

        const later = await dashboardFor({ db, channels, calendar: shippedCalendar }, editor, new Date(midnight.getTime() + DAY));
        assert.deepEqual(
          later.staleChannels!.map((c) => c.slug),
          ['xihu', 'donghu'],
          'a day later donghu is quiet too, longest first',
        );
      }));
  });
}
