import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openForm } from '../../test/helpers/forms.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { CASE_LOOKUP_LIMIT as STATUS_LIMIT } from '../http/case-status.tsx';
import { submitContribution } from './submission.service.ts';

const VALID = {
  title: '红谷滩区新签约数字经济项目',
  body: '红谷滩区本周签约三个数字经济项目,总投资约12亿元,预计明年投产。',
  channel: 'honggutan',
  name: '张三',
  contact: '13800138000',
  consent: 'yes',
};

for (const dialect of testDialects()) {
  describe(`投稿 on ${dialect.name}`, () => {
    it('stores a contribution, answers with a tracking code and shows its status', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const form = await openForm(seeded.app, '/submit');
        assert.equal((await seeded.app.request('/submit')).headers.get('cache-control'), 'no-store');
        const response = await form.post(VALID);
        assert.equal(response.status, 303);
        const location = response.headers.get('location') ?? '';
        const code = /code=(TG-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})&new=1$/.exec(location)?.[1];
        assert.ok(code, location);

        const stored = await seeded.db.selectFrom('submission').selectAll().executeTakeFirstOrThrow();
        assert.equal(stored.tracking_code, code);
        assert.equal(stored.title, VALID.title);
        assert.equal(stored.channel, 'honggutan');
        assert.equal(stored.author_contact, '13800138000');
        assert.equal(stored.status, 'pending');

        const status = await seeded.app.request(location);
        const html = await status.text();
        assert.equal(status.status, 200);
        assert.match(html, new RegExp(`<p class="tracking-code">${code}</p>`));
        assert.match(html, /<td class="submission-status">待审核<\/td>/);
        assert.ok(!html.includes('13800138000') && !html.includes('张三'), 'no personal data on the status page');
        // Lower case and no dashes are accepted too.
        assert.equal((await seeded.app.request(`/submit/status?code=${code.replaceAll('-', '').toLowerCase()}`)).status, 200);
      } finally {
        await seeded.close();
      }
    });

    it('follows the article a contribution became: a link while it is public, a note once it is withdrawn', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const code = await submitContribution(seeded.db, { ...VALID, consent: 'yes' });
        const article = await seeded.db.selectFrom('article').select('id').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
        await seeded.db
          .updateTable('submission')
          .set({ status: 'published', article_id: Number(article.id) })
          .where('tracking_code', '=', code)
          .execute();
        const statusPage = async () => (await seeded.app.request(`/submit/status?code=${code}`)).text();

        assert.match(await statusPage(), new RegExp(`<td class="submission-article"><a href="/articles/${article.id}">查看已发布的文章</a></td>`));
        await seeded.db.updateTable('article').set({ status: 'draft' }).where('id', '=', Number(article.id)).execute();
        const unpublished = await statusPage();
        assert.match(unpublished, /<td class="submission-status">已发布<\/td>/);
        assert.match(unpublished, /<td class="submission-article">该文章已撤下或删除,目前不再公开。<\/td>/);
        assert.doesNotMatch(unpublished, new RegExp(`href="/articles/${article.id}"`), 'no dead link');
        await seeded.db.deleteFrom('article').where('id', '=', Number(article.id)).execute();
        assert.match(await statusPage(), /该文章已撤下或删除/);
      } finally {
        await seeded.close();
      }
    });

    it('limits tracking code lookups per client, so codes cannot be guessed quickly', async (t) => {
      const seeded = await openSeededApp({ dialect });
      // A fixed clock one minute into a ten-minute window: the count cannot roll over mid-test.
      t.mock.timers.enable({ apis: ['Date'], now: Date.UTC(2026, 2, 1, 10, 1, 0) });
      try {
        const lookup = (code: string, client = '198.51.100.7') => seeded.app.request(`/submit/status?code=${code}`, { headers: { 'X-Forwarded-For': client } });
        for (let i = 0; i < STATUS_LIMIT.max; i += 1) assert.equal((await lookup(`TG-2222-${'23456789ABCDEFGHJKMNPQRSTUVWXYZ'[i]}222`)).status, 404);
        const limited = await lookup('TG-3333-3333');
        assert.equal(limited.status, 429);
        assert.equal(limited.headers.get('retry-after'), '540');
        assert.match(await limited.text(), /查询过于频繁,请在 9 分钟后再试/);
        assert.equal((await lookup('TG-3333-3333', '198.51.100.8')).status, 404, 'other clients are not limited');
        const page = await seeded.app.request('/submit', { headers: { 'X-Forwarded-For': '198.51.100.7' } });
        assert.equal(page.status, 200, 'other pages are not limited');
      } finally {
        await seeded.close();
      }
    });
  });
}

describe('投稿 form checks', () => {
  it('names each problem next to its field and keeps what was typed', async () => {
    const seeded = await openSeededApp();
    try {
      const cases: Array<[Record<string, string>, string, RegExp]> = [
        [{ title: '' }, 'title', /请填写标题/],
        [{ title: '短' }, 'title', /标题至少 5 个字/],
        [{ title: '标'.repeat(101) }, 'title', /标题不能超过 100 个字/],
        [{ body: '太短了' }, 'body', /正文至少 20 个字/],
        [{ channel: 'atlantis' }, 'channel', /请选择投稿频道/],
        [
          { contact: '12345' },
          'contact',
          /联系方式格式不正确:手机号码应为 11 位,您填写了 5 位。联系方式可填写电子邮箱、手机号码、带区号的固定电话,或带国家代码的国际号码/,
        ],
        [{ contact: '+44 20' }, 'contact', /联系方式格式不正确:国际号码的国家代码和号码共应为 8 至 15 位数字,您填写了 4 位。/],
        [{ consent: '' }, 'consent', /请阅读并同意个人信息的使用说明/],
      ];
      // One client for all: posts that fail validation do not count towards the rate limit.
      const form = await openForm(seeded.app, '/submit', '198.51.100.10');
      for (const [change, field, message] of cases) {
        const response = await form.post({ ...VALID, ...change });
        assert.equal(response.status, 400, field);
        const html = await response.text();
        assert.match(html, message, field);
        assert.match(html, /aria-invalid="true"/);
        if (field !== 'title') assert.match(html, new RegExp(`value="${VALID.title}"`), 'other input is kept');
      }
      assert.equal(
        await seeded.db
          .selectFrom('submission')
          .select('id')
          .execute()
          .then((rows) => rows.length),
        0,
        'nothing stored',
      );
      assert.equal(
        (await form.post({ ...VALID, contact: 'reader@example.cn' })).status,
        303,
        'after seven mistakes the same client gets through; an e-mail address is a contact',
      );
      assert.equal((await form.post({ ...VALID, contact: '+1 (415) 555-0100' })).status, 303, 'so is an international number');
      const contacts = await seeded.db.selectFrom('submission').select('author_contact').orderBy('id').execute();
      assert.deepEqual(
        contacts.map((row) => row.author_contact),
        ['reader@example.cn', '+14155550100'],
      );
    } finally {
      await seeded.close();
    }
  });

  it('refuses a filled honeypot, a missing token and too many posts', async () => {
    const seeded = await openSeededApp();
    try {
      const form = await openForm(seeded.app, '/submit', '203.0.113.9');
      assert.equal((await form.post({ ...VALID, website: 'http://spam.example' })).status, 400);
      const forged = await seeded.app.request('/submit', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '203.0.113.10' },
        body: new URLSearchParams(VALID).toString(),
      });
      assert.equal(forged.status, 403);
      // The honeypot post counted; four more reach the limit of five in ten minutes.
      for (let i = 0; i < 4; i += 1) assert.equal((await form.post({ ...VALID, title: `第${i}篇合格的稿件标题` })).status, 303);
      const limited = await form.post(VALID);
      assert.equal(limited.status, 429);
      assert.match(await limited.text(), /提交过于频繁,请在 \d+ 分钟后再试/);
      assert.equal((await openForm(seeded.app, '/submit', '203.0.113.11').then((other) => other.post(VALID))).status, 303, 'other clients are not limited');
      assert.equal((await seeded.db.selectFrom('submission').select('id').execute()).length, 5);
    } finally {
      await seeded.close();
    }
  });

  it('answers bad and unknown tracking codes with a message', async () => {
    const seeded = await openSeededApp();
    try {
      const bad = await seeded.app.request('/submit/status?code=hello');
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /查询码格式不正确/);
      const unknown = await seeded.app.request('/submit/status?code=TG-2222-2222');
      assert.equal(unknown.status, 404);
      assert.match(await unknown.text(), /没有找到这个查询码/);
      assert.match(await (await seeded.app.request('/submit/status')).text(), /name="code"/);
    } finally {
      await seeded.close();
    }
  });
});
