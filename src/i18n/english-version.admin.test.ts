// The console's English-version editor, for articles and policies: scoped by channel, validated,
// audited, and the lists show which items lack an English version.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { MACHINE_TRANSLATION_NOTICE } from './english-version.ts';

const PASSWORD = 'correct horse battery';

for (const dialect of testDialects()) {
  describe(`the English-version editor on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    let admin: ReturnType<typeof consoleClient>;
    let xihu: ReturnType<typeof consoleClient>;
    let donghuArticle: number;
    before(async () => {
      seeded = await openSeededApp({ dialect });
      const policy = passwordPolicy('modern');
      await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, policy);
      await createUser(seeded.db, COMMAND_LINE, { name: 'ed.xihu', roles: ['editor'], password: PASSWORD, channels: ['xihu'] }, policy);
      admin = consoleClient(seeded.app, '192.0.2.60');
      xihu = consoleClient(seeded.app, '192.0.2.61');
      assert.equal((await admin.signIn('admin', PASSWORD)).status, 303);
      assert.equal((await xihu.signIn('ed.xihu', PASSWORD)).status, 303);
      const row = await seeded.db.selectFrom('article').select('id').where('channel', '=', 'donghu').orderBy('id').executeTakeFirstOrThrow();
      donghuArticle = Number(row.id);
    });
    after(() => seeded?.close());

    const englishRows = () => seeded.db.selectFrom('article_english').selectAll().execute();

    it('refuses an incomplete version with a message per field and stores nothing', async () => {
      await admin.get(`/admin/articles/${donghuArticle}/english`);
      const response = await admin.post(`/admin/articles/${donghuArticle}/english`, { title: 'Only a title', summary: '', body: '' });
      assert.equal(response.status, 400);
      const html = await response.text();
      assert.match(html, /请填写英文摘要。/);
      assert.match(html, /请填写英文正文。/);
      assert.match(html, /请说明英文版是否来自机器翻译。/);
      assert.match(html, /value="Only a title"/, 'the input is kept');
      assert.deepEqual(await englishRows(), []);
    });

    it('saves a machine translation, which readers see marked; the list shows who lacks one', async () => {
      const response = await admin.post(`/admin/articles/${donghuArticle}/english`, {
        title: 'Donghu signs projects',
        summary: 'Projects were signed.',
        body: 'Projects were signed in Donghu.',
        machineTranslated: 'yes',
      });
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), `/admin/articles/${donghuArticle}/english?saved=saved`);
      const page = await (await seeded.app.request(`/en/articles/${donghuArticle}`)).text();
      assert.ok(page.includes(MACHINE_TRANSLATION_NOTICE));
      const list = await (await admin.get('/admin/articles')).text();
      assert.match(list, new RegExp(`<a href="/admin/articles/${donghuArticle}/english">有</a>`));
      const lacking = await (await admin.get('/admin/articles?english=missing')).text();
      assert.doesNotMatch(lacking, new RegExp(`/admin/articles/${donghuArticle}/english`));
      assert.match(lacking, /缺少,去撰写/);
      const audit = await seeded.db.selectFrom('audit_log').select(['action', 'user_name', 'channel']).where('action', '=', 'article.english_update').execute();
      assert.deepEqual(audit, [{ action: 'article.english_update', user_name: 'admin', channel: 'donghu' }]);
    });

    it("an editor of another channel can neither open nor save the article's English version", async () => {
      assert.equal((await xihu.get(`/admin/articles/${donghuArticle}/english`)).status, 404);
      const before = await englishRows();
      const response = await xihu.post(`/admin/articles/${donghuArticle}/english`, { title: 'x', summary: 'y', body: 'z', machineTranslated: 'no' });
      assert.equal(response.status, 404);
      assert.deepEqual(await englishRows(), before);
    });

    it('an emptied form removes the version, audited', async () => {
      const response = await admin.post(`/admin/articles/${donghuArticle}/english`, { title: '', summary: '', body: '' });
      assert.equal(response.headers.get('location'), `/admin/articles/${donghuArticle}/english?saved=removed`);
      assert.deepEqual(await englishRows(), []);
      const page = await (await seeded.app.request(`/en/articles/${donghuArticle}`)).text();
      assert.match(page, /No English version yet/);
      const removed = await seeded.db.selectFrom('audit_log').select('action').where('action', '=', 'article.english_remove').execute();
      assert.equal(removed.length, 1);
    });
  });
}
