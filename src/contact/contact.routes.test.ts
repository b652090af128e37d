import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openForm } from '../../test/helpers/forms.ts';
import { appDeps, openSeededApp } from '../../test/helpers/test-app.ts';
import { createApp } from '../app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { CASE_LOOKUP_LIMIT } from '../http/case-status.tsx';
import { CONTACT_LIMIT } from './contact.routes.tsx';
import { leaveMessage, markMessageHandled } from './message.service.ts';

const VALID = {
  channel: 'donghu',
  subject: '咨询厂房租赁',
  body: '请问东湖区有没有适合电商企业的办公楼宇?',
  name: '王五',
  contact: 'wang@example.cn',
  consent: 'yes',
};

describe('联系我们', () => {
  it('shows the configured contact details, and only those', async () => {
    const seeded = await openSeededApp();
    try {
      const html = await (await seeded.app.request('/contact')).text();
      assert.match(html, /<dt>单位<\/dt><dd>南昌市投资促进局<\/dd>/);
      assert.match(html, /<a href="tel:0791-88888888">0791-88888888<\/a>/);
      assert.doesNotMatch(html, /电子邮箱<\/dt>/, 'unconfigured lines are left out');
      const bare = createApp({ ...appDeps(seeded), contact: { office: undefined, address: undefined, phone: undefined, email: undefined, hours: undefined } });
      assert.match(await (await bare.request('/contact')).text(), /联系方式尚未公布/);
    } finally {
      await seeded.close();
    }
  });

  it('stores a message for the chosen office and confirms it', async () => {
    const seeded = await openSeededApp();
    try {
      const form = await openForm(seeded.app, '/contact');
      const response = await form.post(VALID);
      assert.equal(response.status, 303);
      const location = response.headers.get('location') ?? '';
      const code = /^\/contact\/status\?code=(LY-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})&new=1$/.exec(location)?.[1];
      assert.ok(code, location);
      const confirmation = await (await seeded.app.request(location)).text();
      assert.match(confirmation, /留言已收到/);
      assert.match(confirmation, new RegExp(`<p class="tracking-code">${code}</p>`));
      const stored = await seeded.db.selectFrom('contact_message').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual(
        [stored.channel, stored.subject, stored.sender_contact, stored.status, stored.tracking_code],
        ['donghu', '咨询厂房租赁', 'wang@example.cn', 'open', code],
      );

      const invalid = await form.post({ ...VALID, body: '太短', contact: '' });
      assert.equal(invalid.status, 400);
      const html = await invalid.text();
      assert.match(html, /留言内容至少 10 个字/);
      assert.match(html, /请填写联系方式/);
      assert.match(html, /value="咨询厂房租赁"/);
    } finally {
      await seeded.close();
    }
  });
});

for (const dialect of testDialects()) {
  describe(`联系我们 status and rate limit on ${dialect.name}`, () => {
    it("shows a message's status by its code, never the office's internal reply note", async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const admin = { id: 1, name: 'admin', roles: ['admin' as const], channels: [], mustChangePassword: false };
        const mine = await leaveMessage(seeded.db, { ...VALID, consent: 'yes' });
        const theirs = await leaveMessage(seeded.db, { ...VALID, subject: '别人的留言主题', consent: 'yes' });
        const page = async (code: string) => {
          const response = await seeded.app.request(`/contact/status?code=${code}`);
          return { status: response.status, html: await response.text() };
        };
        const open = await page(mine.trackingCode);
        assert.equal(open.status, 200);
        assert.match(open.html, /<td class="message-status">待处理<\/td>/);
        assert.match(open.html, /咨询厂房租赁/);
        assert.doesNotMatch(open.html, /别人的留言主题|wang@example\.cn|王五|适合电商企业/, "neither other people's messages nor personal data or the body");

        await markMessageHandled(
          seeded.db,
          admin,
          { userId: 1, userName: 'admin' },
          mine.id,
          '内部备注:已电话联系,客户对租金有异议。',
          new Date('2026-03-01T16:30:00Z'),
        );
        const handled = await page(mine.trackingCode);
        assert.match(handled.html, /<td class="message-status">已处理<\/td>/);
        assert.match(handled.html, /2026-03-02 已处理/);
        assert.doesNotMatch(handled.html, /内部备注/);
        assert.match((await page(theirs.trackingCode)).html, /<td class="message-status">待处理<\/td>/);

        const unknown = await page('LY-2222-2222');
        assert.equal(unknown.status, 404);
        assert.match(unknown.html, /没有找到这个查询码对应的留言/);
        assert.equal((await page('hello')).status, 400);
        assert.equal((await page('')).status, 200);
      } finally {
        await seeded.close();
      }
    });

    it('shares the lookup limit with the other status pages, so codes cannot be guessed faster by switching', async (t) => {
      const seeded = await openSeededApp({ dialect });
      t.mock.timers.enable({ apis: ['Date'], now: Date.UTC(2026, 2, 1, 10, 1, 0) });
      try {
        const lookup = (path: string) => seeded.app.request(path, { headers: { 'X-Forwarded-For': '198.51.100.70' } });
        const paths = ['/contact/status?code=LY-2222-2222', '/enterprises/status?code=RZ-2222-2222', '/submit/status?code=TG-2222-2222'];
        for (let i = 0; i < CASE_LOOKUP_LIMIT.max; i += 1) assert.equal((await lookup(paths[i % 3]!)).status, 404);
        for (const path of paths) {
          const limited = await lookup(path);
          assert.equal(limited.status, 429, path);
          assert.match(await limited.text(), /查询过于频繁/);
        }
      } finally {
        await seeded.close();
      }
    });

    it('counts only accepted messages: typos cost nothing, one too many is shown again filled in', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const form = await openForm(seeded.app, '/contact', '198.51.100.71');
        for (let i = 0; i < 6; i += 1) assert.equal((await form.post({ ...VALID, contact: `138001380${i}` })).status, 400, 'a mistyped phone number');
        for (let i = 0; i < CONTACT_LIMIT.max; i += 1) assert.equal((await form.post({ ...VALID, contact: '+44 20 7946 0958' })).status, 303);
        const limited = await form.post({ ...VALID, subject: '第六条留言' });
        assert.equal(limited.status, 429);
        const html = await limited.text();
        assert.match(html, /提交过于频繁/);
        assert.match(html, /value="第六条留言"/);
        assert.match(html, /请问东湖区有没有适合电商企业的办公楼宇/);
        const stored = await seeded.db.selectFrom('contact_message').select('sender_contact').execute();
        assert.deepEqual(
          stored.map((row) => row.sender_contact),
          Array(CONTACT_LIMIT.max).fill('+442079460958'),
        );
      } finally {
        await seeded.close();
      }
    });
  });
}
