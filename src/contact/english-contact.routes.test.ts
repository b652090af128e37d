// The English contact form (/en/contact): English labels and errors, the same queue and limits as
// the Chinese form, which is unchanged.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openForm } from '../../test/helpers/forms.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { CONTACT_LIMIT } from './contact.routes.tsx';

const VALID = {
  channel: 'donghu',
  subject: 'Office space for a software firm',
  body: 'Which parks in Donghu District have offices for about forty people?',
  name: 'Jane Smith',
  contact: '+44 20 7946 0958',
  consent: 'yes',
};

for (const dialect of testDialects()) {
  describe(`the English contact form on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    before(async () => (seeded = await openSeededApp({ dialect })));
    after(() => seeded.close());

    it('is in English, never cached, and names its Chinese counterpart', async () => {
      const response = await seeded.app.request('/en/contact');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const html = await response.text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<label for="field-subject">Subject<span class="required"> \(required\)<\/span><\/label>/);
      assert.match(html, /<option value="donghu">Donghu District investment promotion office<\/option>/);
      assert.match(html, /<dt>Office<\/dt><dd lang="zh-CN">南昌市投资促进局<\/dd>/);
      assert.match(html, /<link rel="alternate" hreflang="zh-CN" href="http:\/\/localhost\/contact"\/>/);
    });

    it('shows English errors beside the fields and keeps the input; stores nothing', async () => {
      const form = await openForm(seeded.app, '/en/contact', '198.51.100.80');
      const response = await form.post({ ...VALID, body: 'Too short', contact: '12345', consent: '' });
      assert.equal(response.status, 400);
      const html = await response.text();
      assert.match(html, /Your form was not sent\. Please correct the following \(3\):/);
      assert.match(html, /Message must be at least 10 characters\./);
      assert.match(html, /Please enter an email address, or a phone number with its country code/);
      assert.match(html, /Please read and agree to how your personal data will be used\./);
      assert.match(html, /value="Office space for a software firm"/);
      assert.doesNotMatch(html, /请/u, 'no Chinese error text');
      assert.equal((await seeded.db.selectFrom('contact_message').select('id').execute()).length, 0);
    });

    it('stores a valid message in the same queue, normalised, and confirms it with its code', async () => {
      const form = await openForm(seeded.app, '/en/contact', '198.51.100.81');
      const response = await form.post(VALID);
      assert.equal(response.status, 303);
      const location = response.headers.get('location') ?? '';
      const code = /^\/en\/contact\?sent=(LY-[A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(location)?.[1];
      assert.ok(code, location);
      const stored = await seeded.db.selectFrom('contact_message').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
      assert.equal(stored.channel, 'donghu');
      assert.equal(stored.sender_contact, '+442079460958');
      const confirmation = await (await seeded.app.request(location)).text();
      assert.match(confirmation, new RegExp(`Its reference is <strong>${code}</strong>`));
      // A forged code in the address is not shown.
      assert.doesNotMatch(await (await seeded.app.request('/en/contact?sent=<b>x</b>')).text(), /Thank you/);
    });

    it('one post too many is refused in English with the input kept', async () => {
      const form = await openForm(seeded.app, '/en/contact', '198.51.100.82');
      for (let i = 0; i < CONTACT_LIMIT.max; i += 1) assert.equal((await form.post(VALID)).status, 303);
      const limited = await form.post({ ...VALID, subject: 'One more question' });
      assert.equal(limited.status, 429);
      const html = await limited.text();
      assert.match(html, /You have sent this form too often\. Please try again in \d+ minutes?; what you typed is kept\./);
      assert.match(html, /value="One more question"/);
    });
  });
}
