import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { createApp } from '../app.ts';
import { sql } from 'kysely';
import { articleCountsByChannel } from './article.service.ts';
import type { Db } from '../db/database.ts';
import { currentContentVersion } from '../db/site-state.store.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb, type TestDialect } from '../../test/helpers/test-db.ts';
import {
  articleForEditing,
  editedArticleSchema,
  publishDueArticles,
  saveEditedArticle,
  unpublishArticle,
  type EditedArticle,
} from './article-editing.service.ts';

const editor: ConsoleUser = { id: 1, name: 'ed.donghu', roles: ['editor'], channels: ['donghu'], mustChangePassword: false };
const actor = { userId: 1, userName: 'ed.donghu' };
const now = new Date('2026-03-01T02:00:00Z'); // 10:00 in Nanchang

function input(changes: Record<string, string>): EditedArticle {
  const parsed = editedArticleSchema(['donghu', 'xihu'], now).safeParse({
    title: '东湖区数字经济产业园开园',
    channel: 'donghu',
    publishedOn: '2026-03-01',
    status: 'published',
    publishAt: '',
    body: '## 园区概况\n\n首批入驻**二十家**企业。<script>alert(1)</script>',
    ...changes,
  });
  if (!parsed.success) assert.fail(parsed.error.issues.map((i) => i.message).join(' '));
  return parsed.data;
}

describe('article editor rules', () => {
  it('needs a future time for scheduled articles and a channel of the editor', () => {
    const schema = editedArticleSchema(['donghu'], now);
    const messages = (values: Record<string, string>) =>
      (schema.safeParse({ title: 't', channel: 'donghu', publishedOn: '2026-03-01', status: 'published', body: 'b', ...values }).error?.issues ?? []).map(
        (i) => i.message,
      );
    assert.deepEqual(messages({ status: 'scheduled', publishAt: '' }), ['定时发布须填写发布时间。']);
    assert.deepEqual(messages({ status: 'scheduled', publishAt: '2026-03-01T09:59' }), ['定时发布的时间须晚于现在。']);
    assert.deepEqual(messages({ status: 'scheduled', publishAt: '2026-03-01T10:30' }), []);
    assert.deepEqual(messages({ channel: 'xihu' }), ['请选择频道。']);
    assert.deepEqual(messages({ publishedOn: '2026-02-30' }), ['请填写发布日期,格式如 2025-07-29。']);
  });
});

for (const dialect of testDialects()) {
  describe(`article editing on ${dialect.name}`, () => {
    it('keeps drafts private, publishes Markdown safely, schedules, unpublishes, and records revisions', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        const app = createApp(appDeps(opened));
        const visible = async (id: number) => (await app.request(`/articles/${id}`)).status === 200;
        const searchable = async () =>
          ((await (await app.request('/api/search?q=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E%E4%BA%A7%E4%B8%9A%E5%9B%AD')).json()) as { total: number }).total;

        const id = await saveEditedArticle(opened.db, writing, editor, actor, undefined, input({ status: 'draft' }), now);
        assert.equal(typeof id, 'number');
        assert.equal(await visible(id as number), false, 'a draft is not public');
        assert.equal(await searchable(), 0);
        assert.doesNotMatch(await (await app.request('/channels/donghu')).text(), /数字经济产业园开园/);

        await saveEditedArticle(opened.db, writing, editor, actor, id as number, input({}), now);
        assert.equal(await visible(id as number), true);
        assert.equal(await searchable(), 1);
        const html = await (await app.request(`/articles/${id}`)).text();
        assert.match(
          html,
          /<div class="article-body"><h2>园区概况<\/h2>\n<p>首批入驻<strong>二十家<\/strong>企业。&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/,
        );
        assert.match(await (await app.request('/channels/donghu')).text(), /首批入驻二十家企业/, 'the excerpt is text without markup');

        await unpublishArticle(opened.db, writing, editor, actor, id as number, now);
        assert.equal(await visible(id as number), false);
        assert.equal(await searchable(), 0);

        await saveEditedArticle(opened.db, writing, editor, actor, id as number, input({ status: 'scheduled', publishAt: '2026-03-01T12:00' }), now);
        assert.equal(await publishDueArticles(opened.db, writing, new Date('2026-03-01T03:59:00Z')), 0, 'not yet');
        assert.equal(await visible(id as number), false);
        assert.equal(await publishDueArticles(opened.db, writing, new Date('2026-03-01T04:00:00Z')), 1, '12:00 Beijing time');
        assert.equal(await visible(id as number), true);
        assert.equal(await searchable(), 1);

        const found = await articleForEditing(opened.db, editor, id as number);
        assert.deepEqual(
          found?.revisions.map((r) => r.status),
          ['scheduled', 'published', 'draft'],
          'newest revision first',
        );
        const audit = await opened.db.selectFrom('audit_log').select(['action', 'channel']).orderBy('id').execute();
        assert.deepEqual(
          audit.map((row) => row.action),
          ['article.create', 'article.update', 'article.unpublish', 'article.update', 'article.publish_scheduled'],
        );
        assert.ok(
          audit.every((row) => row.channel === 'donghu'),
          'each entry names the article’s channel',
        );
      }));

    it('keeps editors to their channels', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        const admin: ConsoleUser = { id: 2, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
        const xihu = await saveEditedArticle(opened.db, writing, admin, actor, undefined, input({ channel: 'xihu' }), now);
        assert.equal(await saveEditedArticle(opened.db, writing, editor, actor, undefined, input({ channel: 'xihu' }), now), 'not_found');
        assert.equal(
          await saveEditedArticle(opened.db, writing, editor, actor, xihu as number, input({}), now),
          'not_found',
          'cannot pull a 西湖区 article into 东湖区',
        );
        assert.equal(await unpublishArticle(opened.db, writing, editor, actor, xihu as number, now), 'not_found');
        assert.equal(await articleForEditing(opened.db, editor, xihu as number), undefined);
        assert.equal(
          (
            await opened.db
              .selectFrom('article')
              .select('status')
              .where('id', '=', xihu as number)
              .executeTakeFirstOrThrow()
          ).status,
          'published',
        );
      }));

    it(
      'publishes a due article exactly once when two instances run the schedule at the same moment',
      { skip: dialect.name === 'pglite' && 'a PGlite database belongs to one process' },
      () => racingInstances(dialect),
    );
  });
}

/** Waits until `count` sessions of the PostgreSQL server wait for a lock in a statement containing `text`. */
async function lockWaiters(db: Db, text: string, count: number): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and query like ${`%${text}%`}`.execute(
      db,
    );
    if (Number(rows[0]!.n) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`no session came to wait for a lock in "${text}"`);
}

// Two instances on one database, each with its own connections, publish at the same moment. A third
// holds the content-version row, so the first to claim the articles cannot commit before the second
// has read them: the race the scheduler timers of two instances can run into, made certain.
async function racingInstances(dialect: TestDialect): Promise<void> {
  const opened = await dialect.open();
  const [first, second] = [await opened.another!(), await opened.another!()];
  try {
    const writing = writingFor(opened);
    const titles = ['赣江新区氢能产业园开工', '南昌光伏组件项目投产', '航空装备制造基地签约'];
    for (const title of titles) {
      await saveEditedArticle(opened.db, writing, editor, actor, undefined, input({ title, status: 'scheduled', publishAt: '2026-03-01T12:00' }), now);
    }
    const versionBefore = await currentContentVersion(opened.db);
    const due = new Date('2026-03-01T04:00:00Z');

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = opened.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('content_version')
        .set((eb) => ({ version: eb.ref('version') }))
        .where('id', '=', 1)
        .execute();
      await released;
    });
    const racing = [publishDueArticles(first.db, writingFor(first), due), publishDueArticles(second.db, writingFor(second), due)];
    if (dialect.name === 'postgres') {
      await lockWaiters(opened.db, 'content_version', 1); // the first claimed the articles, waits to count the change
      await lockWaiters(opened.db, 'update "article"', 1); // the second read them and waits for the first
    }
    release();
    await holder;
    const published = await Promise.all(racing);

    assert.deepEqual([...published].sort(), [0, titles.length], 'one instance published them all, the other none');
    const audit = await opened.db.selectFrom('audit_log').select('target_id').where('action', '=', 'article.publish_scheduled').execute();
    assert.equal(audit.length, titles.length, 'one audit entry per article');
    assert.equal(new Set(audit.map((row) => row.target_id)).size, titles.length);
    assert.equal(await currentContentVersion(opened.db), versionBefore + 1, 'the content version counts the publication once');
    assert.equal((await articleCountsByChannel(opened.db)).get('donghu'), titles.length, 'each article counted once');
    const app = createApp(appDeps(opened));
    for (const word of ['氢能', '光伏', '航空装备']) {
      const found = (await (await app.request(`/api/search?q=${encodeURIComponent(word)}`)).json()) as { total: number };
      assert.equal(found.total, 1, `one search hit for ${word}`);
    }
  } finally {
    await first.close();
    await second.close();
    await opened.close();
  }
}
