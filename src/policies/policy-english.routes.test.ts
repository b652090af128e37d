// The English policy library: only policies with an English version, validity in English, the
// Chinese counterpart linked; the console's English editor of a policy.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import type { ConsoleUser } from '../accounts/account.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { decidePolicyValidity, savePolicy } from './policy.service.ts';
import { savePolicyEnglish } from './policy-english.service.ts';

const PASSWORD = 'correct horse battery';
const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const ACTOR = { userId: 1, userName: 'admin' };
const POLICY = {
  title: '东湖区促进楼宇经济发展若干措施',
  docNumber: '东府发〔2025〕3号',
  issuer: '东湖区人民政府',
  level: '区',
  channel: 'donghu',
  topic: '产业扶持',
  writtenOn: '2025-02-20',
  publishedOn: '2025-03-01',
  effectiveOn: '2025-03-01',
  validUntil: null,
  body: '对新引进的总部企业给予租金补贴。',
};

for (const dialect of testDialects()) {
  describe(`the English policy library on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    let translated: number;
    let repealed: number;
    before(async () => {
      seeded = await openSeededApp({ dialect });
      await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
      const a = await savePolicy(seeded.db, ADMIN, ACTOR, undefined, POLICY);
      const b = await savePolicy(seeded.db, ADMIN, ACTOR, undefined, { ...POLICY, title: '已废止的办法', docNumber: null, publishedOn: '2024-01-01' });
      assert.ok(a !== 'not_found' && b !== 'not_found');
      translated = a;
      repealed = b;
      await decidePolicyValidity(seeded.db, ADMIN, ACTOR, repealed, { status: 'repealed' });
    });
    after(() => seeded.close());

    it('an editor writes the English version in the console; readers see it in the library with its validity', async () => {
      const admin = consoleClient(seeded.app, '192.0.2.70');
      assert.equal((await admin.signIn('admin', PASSWORD)).status, 303);
      await admin.get(`/admin/policies/${translated}/english`);
      const saved = await admin.post(`/admin/policies/${translated}/english`, {
        title: 'Measures of Donghu District to promote the office-building economy',
        summary: 'Rent subsidies for headquarters moving to Donghu.',
        body: 'New **headquarters** receive rent subsidies.',
        machineTranslated: 'no',
      });
      assert.equal(saved.status, 303);
      await admin.get(`/admin/policies/${repealed}/english`);
      await admin.post(`/admin/policies/${repealed}/english`, {
        title: 'Repealed measures',
        summary: 'No longer in force.',
        body: 'Repealed.',
        machineTranslated: 'yes',
      });

      const list = await (await seeded.app.request('/en/policies')).text();
      const items = [...list.matchAll(/<span class="validity validity-(\w+)">([^<]+)<\/span>[\s\S]*?<a href="\/en\/policies\/(\d+)">([^<]+)<\/a>/g)].map(
        (m) => [m[2], Number(m[3]), m[4]],
      );
      assert.deepEqual(items, [
        ['In force', translated, 'Measures of Donghu District to promote the office-building economy'],
        ['Repealed', repealed, 'Repealed measures'],
      ]);
      const filtered = await (await seeded.app.request('/en/policies?validity=repealed')).text();
      assert.doesNotMatch(filtered, new RegExp(`/en/policies/${translated}"`));
      assert.equal((await seeded.app.request('/en/policies?validity=bogus')).status, 400);

      const page = await (await seeded.app.request(`/en/policies/${translated}`)).text();
      assert.match(page, /<dt>Document number<\/dt><dd lang="zh-CN">东府发〔2025〕3号<\/dd>/);
      assert.match(page, /<dt>In effect from<\/dt><dd>1 March 2025<\/dd>/);
      assert.match(page, /<strong>headquarters<\/strong>/);
      assert.doesNotMatch(page, /Machine translation/);
      const chinese = await (await seeded.app.request(`/policies/${translated}`)).text();
      assert.match(chinese, new RegExp(`<link rel="alternate" hreflang="en" href="http://localhost/en/policies/${translated}"/>`));
      const api = (await (await seeded.app.request(`/api/v1/policies/${translated}`)).json()) as { english: { title: string; machineTranslated: boolean } };
      assert.deepEqual([api.english.title, api.english.machineTranslated], ['Measures of Donghu District to promote the office-building economy', false]);
      const audit = await seeded.db
        .selectFrom('audit_log')
        .select(['action', 'target_id'])
        .where('action', '=', 'policy.english_update')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((row) => row.target_id),
        [String(translated), String(repealed)],
      );
    });

    it('the policy keyword search reads the English version: after an edit of either language, and not once it is removed', async () => {
      const found = async (q: string) =>
        [...(await (await seeded.app.request(`/policies?q=${encodeURIComponent(q)}`)).text()).matchAll(/<a href="\/policies\/(\d+)">/g)].map((m) =>
          Number(m[1]),
        );
      assert.deepEqual(await found('HEADQUARTERS office-building'), [translated], 'English words of the summary, title and body, in any case');
      assert.equal(await savePolicy(seeded.db, ADMIN, ACTOR, translated, { ...POLICY, body: '对新引进的总部企业给予租金补贴和奖励。' }), translated);
      assert.deepEqual(await found('headquarters'), [translated], 'an edit of the Chinese policy keeps its English words');
      assert.equal(await savePolicyEnglish(seeded.db, ADMIN, ACTOR, translated, null), 'removed');
      assert.deepEqual(await found('headquarters'), []);
      assert.ok((await found('租金补贴')).includes(translated), 'the Chinese words stay');
    });
  });
}
