import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { createApp } from '../app.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { articleForEditing, editedArticleSchema, publishDueArticles, saveEditedArticle, unpublishArticle, type EditedArticle } from './article-editing.service.ts';

const editor: ConsoleUser = { id: 1, name: 'ed.donghu', role: 'editor', channels: ['donghu'], mustChangePassword: false };
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
    const messages = (values: Record<string, string>) => (schema.safeParse({ title: 't', channel: 'donghu', publishedOn: '2026-03-01', status: 'published', body: 'b', ...values }).error?.issues ?? []).map((i) => i.message);
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
        const searchable = async () => ((await (await app.request('/api/search?q=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E%E4%BA%A7%E4%B8%9A%E5%9B%AD')).json()) as { total: number }).total;

        const id = await saveEditedArticle(opened.db, writing, editor, actor, undefined, input({ status: 'draft' }), now);
        assert.equal(typeof id, 'number');
        assert.equal(await visible(id as number), false, 'a draft is not public');
        assert.equal(await searchable(), 0);
        assert.doesNotMatch(await (await app.request('/channels/donghu')).text(), /数字经济产业园开园/);

        await saveEditedArticle(opened.db, writing, editor, actor, id as number, input({}), now);
        assert.equal(await visible(id as number), true);
        assert.equal(await searchable(), 1);
        const html = await (await app.request(`/articles/${id}`)).text();
        assert.match(html, /<div class="article-body"><h2>园区概况<\/h2>\n<p>首批入驻<strong>二十家<\/strong>企业。&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/);
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
        assert.deepEqual(found?.revisions.map((r) => r.status), ['scheduled', 'published', 'draft'], 'newest revision first');
        const audit = await opened.db.selectFrom('audit_log').select('action').orderBy('id').execute();
        assert.deepEqual(audit.map((row) => row.action), ['article.create', 'article.update', 'article.unpublish', 'article.update', 'article.publish_scheduled']);
      }));

    it('keeps editors to their channels', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        const admin: ConsoleUser = { id: 2, name: 'admin', role: 'admin', channels: [], mustChangePassword: false };
        const xihu = await saveEditedArticle(opened.db, writing, admin, actor, undefined, input({ channel: 'xihu' }), now);
        assert.equal(await saveEditedArticle(opened.db, writing, editor, actor, undefined, input({ channel: 'xihu' }), now), 'not_found');
        assert.equal(await saveEditedArticle(opened.db, writing, editor, actor, xihu as number, input({}), now), 'not_found', 'cannot pull a 西湖区 article into 东湖区');
        assert.equal(await unpublishArticle(opened.db, writing, editor, actor, xihu as number, now), 'not_found');
        assert.equal(await articleForEditing(opened.db, editor, xihu as number), undefined);
        assert.equal((await opened.db.selectFrom('article').select('status').where('id', '=', xihu as number).executeTakeFirstOrThrow()).status, 'published');
      }));
  });
}
