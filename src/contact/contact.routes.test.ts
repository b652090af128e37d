import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openForm } from '../../test/helpers/forms.ts';
import { appDeps, openSeededApp } from '../../test/helpers/test-app.ts';
import { createApp } from '../app.ts';

const VALID = { channel: 'donghu', subject: '咨询厂房租赁', body: '请问东湖区有没有适合电商企业的办公楼宇?', name: '王五', contact: 'wang@example.cn', consent: 'yes' };

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
      assert.match(await (await seeded.app.request(response.headers.get('location')!)).text(), /留言已收到/);
      const stored = await seeded.db.selectFrom('contact_message').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual([stored.channel, stored.subject, stored.sender_contact, stored.status], ['donghu', '咨询厂房租赁', 'wang@example.cn', 'open']);

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
