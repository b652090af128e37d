import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { createApp } from '../app.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { leaveMessage } from '../contact/message.service.ts';
import { importSeedFile } from '../importer/importer.service.ts';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { SEED_FILE, writingFor } from '../../test/helpers/seed.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';

const PASSWORD = 'correct horse battery';

for (const dialect of testDialects()) {
  describe(`the inspection console page on ${dialect.name}`, () => {
    it('is for signed-in users, scoped to their roles and channels, linking each finding to where it is fixed; the console home counts it', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        await importSeedFile(db, writingFor(opened), SEED_FILE);
        for (const [name, role, channels] of [
          ['admin', 'admin', []],
          ['ed.anyi', 'editor', ['anyi']],
          ['rev.xihu', 'reviewer', ['xihu']],
        ] as const) {
          await createUser(db, COMMAND_LINE, { name, roles: [role], password: PASSWORD, channels: [...channels] }, passwordPolicy('modern'));
        }
        const message = { channel: 'xihu', subject: '厂房租赁咨询', body: '请问怎么租?', name: '王五', contact: '13800138000', consent: 'yes' as const };
        const late = await leaveMessage(db, message, new Date(Date.now() - 100 * 86_400_000));
        const app = createApp(appDeps(opened));

        const anonymous = await app.request('/admin/inspection');
        assert.equal(anonymous.status, 303);
        assert.equal(anonymous.headers.get('Location'), '/admin/login?next=%2Fadmin%2Finspection');

        const pageOf = async (name: string) => {
          const client = consoleClient(app);
          await client.signIn(name, PASSWORD);
          const response = await client.get('/admin/inspection');
          assert.equal(response.status, 200, name);
          return { html: await response.text(), home: await (await client.get('/admin')).text() };
        };
        const findings = (html: string) =>
          [...html.matchAll(/<li data-check="([^"]+)" data-severity="([^"]+)"><a href="([^"]+)">/g)].map((m) => m.slice(1).join(' '));

        const editor = await pageOf('ed.anyi');
        assert.deepEqual(
          [...editor.html.matchAll(/<h1>([^<]*)<\/h1>/g)].map((m) => m[1]),
          ['网站检查'],
          'one heading',
        );
        assert.match(editor.html, /检查时间:<time datetime="[^"]+Z">\d{4}-\d{2}-\d{2} \d{2}:\d{2}\(北京时间\)<\/time>/);
        assert.match(editor.html, /<a href="\/admin\/inspection">重新检查<\/a>/);
        const editorFindings = findings(editor.html);
        // The seed's newest article is years old, and its articles fill 5 of the 16 channels.
        assert.ok(editorFindings.includes('home-page veto /admin/articles/new'), editorFindings.join('\n'));
        assert.ok(editorFindings.includes('empty-channels veto /admin/articles/new'));
        assert.equal(editorFindings.filter((f) => f.startsWith('empty-channels')).length, 1, 'only their own empty channel');
        assert.match(editor.html, /频道「安义县」没有文章\(全站共 11 个空白频道\)/);
        assert.doesNotMatch(editor.html, /进贤县/);
        assert.ok(!editorFindings.some((f) => f.startsWith('unanswered-messages')), 'messages are the reviewers’ work');
        assert.ok(editorFindings.some((f) => f.startsWith('broken-links ok')));
        assert.ok(editorFindings.some((f) => f.startsWith('page-speed ok')));
        assert.match(editor.home, /<a href="\/admin\/inspection">网站检查<\/a> <strong data-count="inspection-veto">2<\/strong>/);

        const reviewer = await pageOf('rev.xihu');
        assert.deepEqual(findings(reviewer.html), [
          `unanswered-messages veto /admin/messages/${late.id}`,
          'unanswered-questions ok /admin/questions',
          'overdue-appeals ok /admin/appeals',
        ]);
        assert.match(reviewer.html, /留言《厂房租赁咨询》已 (100|101) 天未答复/);
        assert.match(reviewer.home, /data-count="inspection-veto">1</);

        const admin = await pageOf('admin');
        const adminFindings = findings(admin.html);
        assert.equal(adminFindings.filter((f) => f.startsWith('empty-channels veto')).length, 11);
        assert.ok(adminFindings.includes(`unanswered-messages veto /admin/messages/${late.id}`));
        assert.match(admin.html, /单项否决 <strong data-count="veto">13<\/strong> 项/);
        assert.ok(admin.html.indexOf('id="inspection-veto"') < admin.html.indexOf('id="inspection-warning"'), 'veto items first');
      }));
  });
}
