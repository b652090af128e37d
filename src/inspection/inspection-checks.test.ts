import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { unpublishArticle } from '../articles/article-editing.service.ts';
import { saveArticleDraft } from '../articles/article.service.ts';
import { createApp } from '../app.ts';
import { ChannelCatalog } from '../channels/channel-catalog.ts';
import { readChannelFile } from '../channels/channel.ts';
import { leaveMessage, markMessageHandled } from '../contact/message.service.ts';
import type { Db } from '../db/database.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { chinaDayStart } from '../lib/china-time.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { appDeps, shippedCalendar } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import type { OpenDb } from '../db/connect.ts';
import { brokenLinksCheck, sitePathsIn } from './checks/broken-links.check.ts';
import { emptyChannelsCheck } from './checks/empty-channels.check.ts';
import { homePageCheck } from './checks/home-page.check.ts';
import { pageSpeedCheck } from './checks/page-speed.check.ts';
import { unansweredMessagesCheck } from './checks/unanswered-messages.check.ts';
import type { InspectionContext } from './inspection-check.ts';
import { runInspection } from './inspection.service.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const allChannels = new ChannelCatalog(readChannelFile());
const noPages = () => Promise.reject(new Error('no page expected'));
/** Beijing 2026-11-30 09:00. */
const NOW = new Date('2026-11-30T01:00:00.000Z');

function context(db: Db, overrides: Partial<InspectionContext> = {}): InspectionContext {
  return { db, channels: allChannels, calendar: shippedCalendar, now: NOW, requestPage: noPages, ...overrides };
}

async function publish(opened: OpenDb, title: string, publishedOn: string, options: { channel?: string; body?: string } = {}): Promise<number> {
  const draft = { originalTitle: title, body: options.body ?? `${title}的正文。`, publishedOn, channel: options.channel, bodyFormat: 'markdown' as const };
  return (await saveArticleDraft(opened.db, writingFor(opened), draft)).id;
}

/** The Beijing calendar date `days` days before 2026-11-30. */
function daysBeforeToday(days: number): string {
  return new Date(Date.parse('2026-11-30T00:00:00Z') - days * 86_400_000).toISOString().slice(0, 10);
}

describe('sitePathsIn', () => {
  it('reads the site paths Markdown links to, without query or fragment, and leaves other links alone', () => {
    const body =
      '见[上一篇](/articles/3)、[频道](/channels/donghu#top)、[搜索](/search?q=招商)、[外站](https://example.cn/x)、[协议相对](//example.cn/y)和[上一篇](/articles/3)。';
    assert.deepEqual(sitePathsIn(body), ['/articles/3', '/channels/donghu', '/search']);
  });
});

for (const dialect of testDialects()) {
  describe(`inspection checks on ${dialect.name}`, () => {
    it('home page: 14 days without a new article passes, 15 is a veto, counted in Beijing dates', () =>
      withTestDb(dialect, async (opened) => {
        assert.deepEqual(
          (await homePageCheck.run(context(opened.db))).map((f) => f.severity),
          ['veto'],
          'no article at all',
        );
        const id = await publish(opened, '【东湖区招商】东湖区新签约项目', '2026-11-15');
        // 2026-11-29 23:59 in Beijing is 14 days after 11-15; one minute later it is 15.
        const lastMinuteOf14 = await homePageCheck.run(context(opened.db, { now: new Date('2026-11-29T15:59:00.000Z') }));
        assert.deepEqual(lastMinuteOf14, [{ severity: 'ok', message: '首页 14 天前更新(最新文章 2026-11-15)', href: `/articles/${id}`, channel: undefined }]);
        const day15 = await homePageCheck.run(context(opened.db, { now: new Date('2026-11-29T16:00:00.000Z') }));
        assert.deepEqual(day15, [{ severity: 'veto', message: '首页已 15 天未更新(最新文章 2026-11-15)', href: '/admin/articles/new', channel: undefined }]);
      }));

    it('empty channels: a warning for each of four, a veto for each of five or more', () =>
      withTestDb(dialect, async (opened) => {
        const six = new ChannelCatalog(readChannelFile().slice(0, 6));
        const [first, second] = six.all;
        await publish(opened, '全市招商动态', '2026-11-20', { channel: first!.slug });
        const five = await emptyChannelsCheck.run(context(opened.db, { channels: six }));
        assert.equal(five.length, 5);
        assert.ok(five.every((f) => f.severity === 'veto' && f.href === '/admin/articles/new'));
        assert.deepEqual(
          five.map((f) => f.channel),
          six.all.slice(1).map((c) => c.slug),
        );
        assert.match(five[0]!.message, /^频道「.+」没有文章\(全站共 5 个空白频道\)$/);

        await publish(opened, '区县招商动态', '2026-11-21', { channel: second!.slug });
        const four = await emptyChannelsCheck.run(context(opened.db, { channels: six }));
        assert.equal(four.length, 4);
        assert.ok(four.every((f) => f.severity === 'warning'));
        assert.ok(!four.some((f) => f.channel === second!.slug));

        const two = new ChannelCatalog(readChannelFile().slice(0, 2));
        assert.deepEqual(
          (await emptyChannelsCheck.run(context(opened.db, { channels: two }))).map((f) => f.severity),
          ['ok'],
        );
      }));

    it('unanswered messages: listed from 30 Beijing days, 60 noted, 90 a veto; answered ones never', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const receive = async (days: number, at: 'first' | 'last') => {
          const dayStart = Date.parse(chinaDayStart(daysBeforeToday(days))!);
          const createdAt = new Date(at === 'first' ? dayStart : dayStart + 86_400_000 - 1);
          const input = { channel: 'donghu', subject: `等了${days}天`, body: '请问厂房怎么租?', name: '王五', contact: '13800138000', consent: 'yes' as const };
          return (await leaveMessage(db, input, createdAt)).id;
        };
        assert.deepEqual(
          (await unansweredMessagesCheck.run(context(db))).map((f) => f.severity),
          ['ok'],
        );
        for (const days of [90, 89, 60, 59, 30]) await receive(days, 'last');
        await receive(29, 'first');
        const answered = await receive(120, 'first');
        assert.equal(await markMessageHandled(db, ADMIN, COMMAND_LINE, answered, '已电话答复'), 'done');

        const found = await unansweredMessagesCheck.run(context(db));
        assert.deepEqual(
          found.map((f) => [f.severity, f.message.replace(/\(.*\)/, '')]),
          [
            ['veto', '留言《等了90天》已 90 天未答复'],
            ['warning', '留言《等了89天》已 89 天未答复'],
            ['warning', '留言《等了60天》已 60 天未答复'],
            ['warning', '留言《等了59天》已 59 天未答复'],
            ['warning', '留言《等了30天》已 30 天未答复'],
          ],
        );
        assert.deepEqual(
          found.map((f) => /,(.+)\)$/.exec(f.message)![1]),
          ['满 90 天,单项否决', '满 60 天', '满 60 天', '满 30 天', '满 30 天'],
        );
        assert.match(found[0]!.message, new RegExp(`\\(${daysBeforeToday(90)} 收到`));
        assert.match(found[0]!.href, /^\/admin\/messages\/\d+$/);
        assert.ok(found.every((f) => f.channel === 'donghu'));
      }));

    it('broken links: missing or unpublished articles, unknown channels and other 404 paths, read through the router', () =>
      withTestDb(dialect, async (opened) => {
        const app = createApp(appDeps(opened));
        const requested: string[] = [];
        const requestPage = async (path: string) => (requested.push(path), app.request(path));
        const target = await publish(opened, '【东湖区招商】被链接的文章', '2026-11-01', { channel: 'donghu' });
        const good = await publish(opened, '【东湖区招商】链接都有效', '2026-11-02', {
          channel: 'donghu',
          body: `见[前文](/articles/${target})、[频道](/channels/donghu)与[搜索](/search?q=招商)。`,
        });
        assert.deepEqual(
          (await brokenLinksCheck.run(context(opened.db, { requestPage }))).map((f) => [f.severity, f.message]),
          [['ok', '2 篇文章中没有失效的站内链接']],
        );
        const bad = await publish(opened, '【西湖区招商】链接失效', '2026-11-03', {
          channel: 'xihu',
          body: `见[前文](/articles/${target})、[不存在](/articles/999999)、[频道](/channels/atlantis)、[页面](/no-such-page)与[页面](/no-such-page)。`,
        });
        const found = await brokenLinksCheck.run(context(opened.db, { requestPage }));
        assert.deepEqual(found, [
          {
            severity: 'warning',
            message: '文章《链接失效》有 3 个失效的站内链接:/articles/999999、/channels/atlantis、/no-such-page',
            href: `/admin/articles/${bad}`,
            channel: 'xihu',
          },
        ]);
        assert.ok(!found.some((f) => f.href === `/admin/articles/${good}`));
        assert.deepEqual(
          requested.sort(),
          ['/no-such-page', '/search', '/search'],
          'each other path asked once a run; articles and channels need no page load',
        );

        assert.equal(await unpublishArticle(opened.db, writingFor(opened), ADMIN, COMMAND_LINE, target), 'done');
        const afterUnpublishing = await brokenLinksCheck.run(context(opened.db, { requestPage }));
        assert.deepEqual(
          afterUnpublishing.map((f) => [f.href, f.message]),
          [
            [`/admin/articles/${bad}`, `文章《链接失效》有 4 个失效的站内链接:/articles/${target}、/articles/999999、/channels/atlantis、/no-such-page`],
            [`/admin/articles/${good}`, `文章《链接都有效》有 1 个失效的站内链接:/articles/${target}`],
          ],
          'a link to an article taken offline is broken too',
        );
      }));

    it('page speed: times the home page, every channel and the newest article against the limit', () =>
      withTestDb(dialect, async (opened) => {
        const app = createApp(appDeps(opened));
        const requested: string[] = [];
        const requestPage = async (path: string) => (requested.push(path), app.request(path));
        const id = await publish(opened, '【东湖区招商】最新文章', '2026-11-20', { channel: 'donghu' });
        const generous = await pageSpeedCheck(60_000).run(context(opened.db, { requestPage }));
        assert.equal(generous.length, 1);
        assert.equal(generous[0]!.severity, 'ok');
        assert.match(generous[0]!.message, new RegExp(`^${allChannels.all.length + 2} 个页面都在 60 秒内打开\\(最慢 \\d+ 毫秒\\)$`));
        assert.deepEqual(requested, ['/', ...allChannels.all.map((c) => `/channels/${c.slug}`), `/articles/${id}`]);

        const none = await pageSpeedCheck(0).run(context(opened.db, { requestPage }));
        assert.equal(none.length, allChannels.all.length + 2, 'with no time allowed every page is slow');
        assert.ok(none.every((f) => f.severity === 'warning' && /^页面 \S+ 用了 \d+\.\d 秒才打开$/.test(f.message)));
        assert.deepEqual(none.find((f) => f.href === '/channels/xihu')?.channel, 'xihu');
      }));

    it('a console user is shown the checks their role fixes, and of channel findings only their channels', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        await leaveMessage(
          db,
          { channel: 'xihu', subject: '久未答复', body: '请答复。', name: '赵六', contact: '13900139000', consent: 'yes' },
          new Date('2026-07-01T02:00:00.000Z'),
        );
        const checks = [homePageCheck, emptyChannelsCheck, unansweredMessagesCheck];
        const editor = { id: 2, name: 'ed', roles: ['editor' as const], channels: ['donghu'], mustChangePassword: false };
        const reviewer = { id: 3, name: 'rev', roles: ['reviewer' as const], channels: ['donghu'], mustChangePassword: false };
        const all = await runInspection(context(db), checks);
        assert.equal(all.counts.veto, 1 + allChannels.all.length + 1, 'no article, every channel empty, one message of 152 days');
        const ofEditor = await runInspection(context(db), checks, editor);
        assert.deepEqual(
          ofEditor.findings.map((f) => [f.check, f.channel]),
          [
            ['home-page', undefined],
            ['empty-channels', 'donghu'],
          ],
        );
        assert.deepEqual(
          ofEditor.checks.map((c) => c.id),
          ['home-page', 'empty-channels'],
        );
        const ofReviewer = await runInspection(context(db), checks, reviewer);
        assert.deepEqual(ofReviewer.findings, [], 'the late message is to another office');
        assert.deepEqual(
          ofReviewer.checks.map((c) => c.id),
          ['unanswered-messages'],
        );
        assert.equal(ofReviewer.checkedAt, NOW.toISOString());
      }));
  });
}
