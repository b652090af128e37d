import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { createApp } from '../app.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { submitContribution } from '../submissions/submission.service.ts';
import { submissionSchema } from '../submissions/submission.ts';
import { addCalendarDays } from '../calendar/working-calendar.ts';
import { chinaDate } from '../lib/china-time.ts';
import { insertAppeals } from '../../test/helpers/appeal-rows.ts';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';

const PASSWORD = 'correct horse battery';

for (const dialect of testDialects()) {
  describe(`console home page on ${dialect.name}`, () => {
    it('lists each user the queues their role opens, scoped to their channels, linking to each item', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        for (const [name, role, channels] of [
          ['admin', 'admin', []],
          ['rev.donghu', 'reviewer', ['donghu']],
          ['ed.donghu', 'editor', ['donghu']],
        ] as const) {
          await createUser(db, COMMAND_LINE, { name, roles: [role], password: PASSWORD, channels: [...channels] }, passwordPolicy('modern'));
        }
        const contribute = (channel: string, title: string, at: string) =>
          submitContribution(
            db,
            submissionSchema([channel]).parse({
              title,
              body: `${title}的正文内容,介绍了项目的投资规模。`,
              channel,
              name: '投稿人',
              contact: '13800138000',
              consent: 'yes',
            }),
            new Date(at),
          );
        await contribute('donghu', '东湖区新引进总部企业', '2026-03-01T02:00:00.000Z');
        await contribute('xihu', '西湖区商圈改造项目签约', '2026-03-02T02:00:00.000Z');
        const ids = new Map((await db.selectFrom('submission').select(['id', 'channel']).execute()).map((row) => [row.channel, Number(row.id)]));
        // The page reads the real clock: deadlines well past today's, whatever day the test runs.
        const overdueOn = addCalendarDays(chinaDate(new Date()), -10);
        const [donghuLate] = await insertAppeals(db, [
          { channel: 'donghu', category: '用工', filedAt: '2026-03-01T02:00:00.000Z', status: 'assigned', title: '东湖区用工诉求', dueOn: overdueOn },
          { channel: 'xihu', category: '审批', filedAt: '2026-03-01T02:00:00.000Z', status: 'assigned', title: '西湖区审批诉求', dueOn: overdueOn },
        ]);
        const app = createApp(appDeps(opened));
        const home = async (name: string) => {
          const client = consoleClient(app);
          await client.signIn(name, PASSWORD);
          const response = await client.get('/admin');
          assert.equal(response.status, 200, name);
          return response.text();
        };

        const reviewer = await home('rev.donghu');
        assert.match(reviewer, /data-count="submissions">1</);
        assert.match(reviewer, new RegExp(`<a href="/admin/submissions/${ids.get('donghu')}">东湖区新引进总部企业</a>`));
        assert.match(
          reviewer,
          /<time datetime="2026-03-01T02:00:00.000Z" title="2026-03-01 10:00\(北京时间\)">[^<]+<\/time>/,
          'its age, the Beijing time beside it',
        );
        assert.doesNotMatch(reviewer, /西湖区商圈改造项目签约/);
        assert.match(reviewer, /data-count="appeals-red">1</);
        assert.match(reviewer, new RegExp(`<li data-appeal="${donghuLate}" data-level="red">.*?<a href="/admin/appeals/${donghuLate}">东湖区用工诉求</a>`));
        assert.match(reviewer, /已逾期 10 天/);
        assert.doesNotMatch(reviewer, /西湖区审批诉求/, 'another district’s request');
        assert.doesNotMatch(reviewer, /data-count="(articles|warned-projects|unreviewed-facts|stale-channels)"/, 'no editing parts for a reviewer');

        const editor = await home('ed.donghu');
        assert.doesNotMatch(editor, /data-count="(applications|messages)"/, 'an editor cannot open the application and message queues');
        assert.match(editor, /data-count="submissions">1</, "an editor reviews their channel's contributions");
        assert.match(editor, /data-count="stale-channels">1</, 'donghu has no article at all');
        assert.match(editor, /<li data-channel="donghu"><a href="\/channels\/donghu">[^<]+<\/a><span class="meta">还没有发布过文章<\/span>/);
        assert.match(editor, /data-count="unreviewed-facts">0</);

        const admin = await home('admin');
        assert.match(admin, /data-count="submissions">2</);
        assert.ok(admin.indexOf('东湖区新引进总部企业') < admin.indexOf('西湖区商圈改造项目签约'), 'oldest first');
        assert.match(admin, /data-count="articles">0</);
        assert.match(admin, /data-count="appeals-red">2</);
      }));
  });
}
