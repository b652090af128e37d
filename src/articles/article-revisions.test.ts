import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { createApp } from '../app.ts';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { editedArticleSchema, saveEditedArticle } from './article-editing.service.ts';

const PASSWORD = 'correct horse battery';
const editor = { id: 1, name: 'ed.donghu', roles: ['editor' as const], channels: ['donghu'], mustChangePassword: false };
const actor = { userId: 1, userName: 'ed.donghu' };

function edited(title: string, body: string) {
  const parsed = editedArticleSchema(['donghu'], new Date()).safeParse({
    title,
    channel: 'donghu',
    publishedOn: '2026-03-01',
    status: 'published',
    publishAt: '',
    body,
  });
  if (!parsed.success) assert.fail(parsed.error.message);
  return parsed.data;
}

for (const dialect of testDialects()) {
  describe(`article revisions on ${dialect.name}`, () => {
    it('compares two versions with the changed Chinese characters marked and the text escaped, and restores one as a new draft', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        const app = createApp(appDeps(opened));
        for (const [name, role, channels] of [
          ['ed.donghu', 'editor', ['donghu']],
          ['ed.xihu', 'editor', ['xihu']],
        ] as const) {
          await createUser(opened.db, COMMAND_LINE, { name, roles: [role], password: PASSWORD, channels: [...channels] }, passwordPolicy('modern'));
        }
        const first = new Date('2026-03-01T02:00:00Z');
        const id = (await saveEditedArticle(
          opened.db,
          writing,
          editor,
          actor,
          undefined,
          edited('园区开园', '概况\n首批入驻十家企业<b>加粗</b>\n结尾'),
          first,
        )) as number;
        await saveEditedArticle(
          opened.db,
          writing,
          editor,
          actor,
          id,
          edited('数字园区开园', '概况\n首批入驻二十家企业<script>alert(1)</script>\n结尾'),
          new Date('2026-03-02T02:00:00Z'),
        );
        const [newest, oldest] = await opened.db.selectFrom('article_revision').select('id').where('article_id', '=', id).orderBy('id', 'desc').execute();

        const client = consoleClient(app, '192.0.2.31');
        await client.signIn('ed.donghu', PASSWORD);
        const page = await client.get(`/admin/articles/${id}/revisions?from=${oldest!.id}&to=${newest!.id}`);
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.match(html, /<ins><span class="diff-label">\[新增:<\/span>数字<span class="diff-label">\]<\/span><\/ins>园区开园/, 'the title change is marked');
        assert.match(
          html,
          /首批入驻<ins><span class="diff-label">\[新增:<\/span>二<span class="diff-label">\]<\/span><\/ins>十家企业/,
          'only the added character is marked',
        );
        assert.match(html, /<del><span class="diff-label">\[删除:<\/span>加粗<span class="diff-label">\]<\/span><\/del>/);
        assert.match(
          html,
          /&lt;<ins><span class="diff-label">\[新增:<\/span>script<span class="diff-label">\]<\/span><\/ins>&gt;/,
          'markup in the text is shown, escaped',
        );
        assert.doesNotMatch(html, /<script>alert|<b>加粗/, 'article text is never markup');
        assert.match(html, /<label>较早版本\(左\)<select name="from">/);
        assert.match(html, new RegExp(`<option value="${oldest!.id}" selected="">#${oldest!.id} 2026-03-01 10:00\\(北京时间\\) ed.donghu 已发布`));
        assert.equal((await client.get(`/admin/articles/${id}/revisions?from=abc&to=`)).status, 200, 'unknown versions fall back to the newest two');

        const other = consoleClient(app, '192.0.2.32');
        await other.signIn('ed.xihu', PASSWORD);
        assert.equal((await other.get(`/admin/articles/${id}/revisions`)).status, 404, 'another channel’s editor sees nothing');
        await other.get('/admin/articles');
        assert.equal((await other.post(`/admin/articles/${id}/revisions/${oldest!.id}/restore`)).status, 404);

        await client.get(`/admin/articles/${id}`);
        const restored = await client.post(`/admin/articles/${id}/revisions/${oldest!.id}/restore`);
        assert.equal(restored.status, 303);
        const draft = await opened.db.selectFrom('article_revision').selectAll().where('article_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
        assert.equal(draft.title, '园区开园');
        assert.equal(draft.status, 'draft');
        assert.equal(Number(draft.restored_from), oldest!.id);
        const article = await opened.db.selectFrom('article').select(['title', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
        assert.deepEqual(article, { title: '数字园区开园', status: 'published' }, 'a restore publishes nothing');
        assert.match(await (await app.request(`/articles/${id}`)).text(), /数字园区开园/, 'readers still see the published version');
        const audit = await opened.db.selectFrom('audit_log').selectAll().where('action', '=', 'article.restore').executeTakeFirstOrThrow();
        assert.equal(audit.user_name, 'ed.donghu');
        assert.equal(audit.channel, 'donghu');
        assert.deepEqual(JSON.parse(audit.after!), { title: '园区开园', restoredFrom: oldest!.id, revisionId: Number(draft.id) });

        const editorPage = await (await client.get(restored.headers.get('location')!)).text();
        assert.match(editorPage, new RegExp(`从修订 #${oldest!.id} 恢复的草稿`));
        assert.match(editorPage, /name="title"[^>]*value="园区开园"/);
        assert.match(editorPage, /首批入驻十家企业&lt;b&gt;加粗&lt;\/b&gt;/);

        await saveEditedArticle(opened.db, writing, editor, actor, id, edited('园区开园', '概况\n首批入驻十家企业\n结尾'), new Date('2026-03-03T02:00:00Z'));
        assert.doesNotMatch(await (await client.get(`/admin/articles/${id}`)).text(), /恢复的草稿/, 'saving ends the restored draft');
      }));
  });
}
