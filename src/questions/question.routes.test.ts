import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { openForm } from '../../test/helpers/forms.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { ASK_LIMIT } from './question.routes.tsx';

const PASSWORD = 'correct horse battery';
const ASKED = {
  channel: 'nanchang',
  category: '项目落地',
  title: '新能源项目用地如何申请',
  body: '我公司计划在南昌投资新能源电池项目,请问工业用地指标如何申请?',
  name: '赵六',
  contact: 'zhao.liu@example.cn',
  publish: 'yes',
  consent: 'yes',
};
const PERSONAL = /赵六|zhao\.liu@example\.cn/;

for (const dialect of testDialects()) {
  describe(`公开问答 on ${dialect.name}`, () => {
    it('runs a question from the form through 受理, 转办 and 答复 to the public list, never showing the asker', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const policy = passwordPolicy('modern');
        await createUser(seeded.db, COMMAND_LINE, { name: 'city', roles: ['editor'], password: PASSWORD, channels: ['nanchang'] }, policy);
        await createUser(seeded.db, COMMAND_LINE, { name: 'donghu', roles: ['reviewer'], password: PASSWORD, channels: ['donghu'] }, policy);
        const city = consoleClient(seeded.app, '192.0.2.81');
        const donghu = consoleClient(seeded.app, '192.0.2.82');
        assert.equal((await city.signIn('city', PASSWORD)).status, 303);
        assert.equal((await donghu.signIn('donghu', PASSWORD)).status, 303);

        const form = await openForm(seeded.app, '/qa/ask');
        const asked = await form.post(ASKED);
        assert.equal(asked.status, 303);
        const code = /^\/qa\/status\?code=(WD-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})&new=1$/.exec(asked.headers.get('location') ?? '')?.[1];
        assert.ok(code);
        const status = async () => (await seeded.app.request(`/qa/status?code=${code}`)).text();
        assert.match(await status(), /<td class="question-status">待受理<\/td>/);
        const { id } = await seeded.db.selectFrom('question').select('id').executeTakeFirstOrThrow();

        // Only the city office sees it; the district office neither lists nor opens nor acts on it.
        assert.match(await (await city.get('/admin/questions')).text(), /新能源项目用地如何申请/);
        assert.doesNotMatch(await (await donghu.get('/admin/questions')).text(), /新能源项目用地如何申请/);
        assert.equal((await donghu.get(`/admin/questions/${id}`)).status, 404);
        assert.equal((await donghu.confirm(`/admin/questions/${id}/accept`)).status, 404);

        await city.get(`/admin/questions/${id}`);
        const asking = await city.post(`/admin/questions/${id}/accept`);
        assert.match(await asking.text(), /确认受理/, 'asks before accepting');
        assert.equal((await city.confirmFrom(await city.post(`/admin/questions/${id}/accept`))).status, 303);
        assert.match(await status(), /受理日期/);
        assert.equal((await city.confirm(`/admin/questions/${id}/accept`)).status, 400, 'accepted once');

        assert.equal((await city.confirm(`/admin/questions/${id}/transfer`, { to: 'donghu' })).status, 303);
        assert.equal((await city.get(`/admin/questions/${id}`)).status, 404, 'it left the city office');
        const detail = await (await donghu.get(`/admin/questions/${id}`)).text();
        assert.match(detail, /转办/);
        assert.match(detail, /赵六/, 'the office answering sees who asked');
        assert.match(await status(), /已转交 .*东湖.*办理/);

        assert.equal((await donghu.post(`/admin/questions/${id}/answer`, { answer: '  ' })).status, 400);
        const confirmAnswer = await donghu.post(`/admin/questions/${id}/answer`, { answer: '请向东湖区自然资源局提出用地预审申请。' });
        assert.match(await confirmAnswer.clone().text(), /将在公开问答中发布/);
        assert.equal((await donghu.confirmFrom(confirmAnswer)).status, 303);

        const row = await seeded.db.selectFrom('question').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual([row.status, row.channel, row.answered_by], ['answered', 'donghu', 'donghu']);
        assert.ok(row.accepted_at && row.answered_at && row.accepted_at <= row.answered_at);
        const audit = await seeded.db.selectFrom('audit_log').select(['action', 'channel']).where('target_type', '=', 'question').orderBy('id').execute();
        assert.deepEqual(
          audit.map((entry) => `${entry.action}@${entry.channel}`),
          ['question.accept@nanchang', 'question.transfer@nanchang', 'question.answer@donghu'],
        );

        const answered = await status();
        assert.match(answered, /请向东湖区自然资源局提出用地预审申请/);
        const list = await (await seeded.app.request('/qa')).text();
        assert.match(list, new RegExp(`<a href="/qa/${id}">新能源项目用地如何申请</a>`));
        const page = await seeded.app.request(`/qa/${id}`);
        assert.equal(page.status, 200);
        const html = await page.text();
        for (const label of ['受理日期', '答复日期', '答复单位']) assert.match(html, new RegExp(`<dt>${label}</dt>`));
        assert.match(html, /东湖区招商部门/);
        const feeds = [];
        for (const feed of ['/qa/rss.xml', '/qa/atom.xml']) {
          const response = await seeded.app.request(feed);
          assert.equal(response.status, 200, feed);
          const xml = await response.text();
          assert.match(xml, new RegExp(`/qa/${id}<`), 'the entry links its page');
          assert.match(xml, /新能源项目用地如何申请/);
          assert.match(xml, /请向东湖区自然资源局提出用地预审申请/);
          feeds.push(xml);
        }
        assert.match(await (await seeded.app.request('/sitemap.xml')).text(), new RegExp(`/qa/${id}</loc>`));
        const api = await seeded.app.request(`/api/v1/questions/${id}`);
        assert.equal(api.status, 200);
        const json = await api.text();
        assert.deepEqual((({ answeredBy, url }) => ({ answeredBy, url }))(JSON.parse(json)), {
          answeredBy: { slug: 'donghu', name: '东湖区' },
          url: `/qa/${id}`,
        });
        for (const shown of [answered, list, html, json, ...feeds]) assert.doesNotMatch(shown, PERSONAL);
      } finally {
        await seeded.close();
      }
    });

    it('declines with a reason the asker reads, and never publishes what the asker kept private', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
        const admin = consoleClient(seeded.app, '192.0.2.83');
        await admin.signIn('admin', PASSWORD);
        const form = await openForm(seeded.app, '/qa/ask', '198.51.100.83');
        const codeOf = (response: Response) => /code=([^&]+)/.exec(response.headers.get('location') ?? '')![1]!;
        const declinedCode = codeOf(await form.post({ ...ASKED, title: '询问个人纠纷处理' }));
        const privateCode = codeOf(await form.post({ ...ASKED, title: '不公开的问题标题', publish: '' }));
        const ids = await seeded.db.selectFrom('question').select(['id', 'tracking_code']).execute();
        const idOf = (code: string) => ids.find((row) => row.tracking_code === code)!.id;

        assert.equal((await admin.post(`/admin/questions/${idOf(declinedCode)}/decline`, { reason: '' })).status, 400, 'a reason is required');
        assert.equal((await admin.confirm(`/admin/questions/${idOf(declinedCode)}/decline`, { reason: '不属于招商部门职责,请咨询法院。' })).status, 303);
        const declined = await (await seeded.app.request(`/qa/status?code=${declinedCode}`)).text();
        assert.match(declined, /不予受理/);
        assert.match(declined, /不属于招商部门职责,请咨询法院。/);

        assert.equal((await admin.confirm(`/admin/questions/${idOf(privateCode)}/accept`)).status, 303);
        assert.equal((await admin.confirm(`/admin/questions/${idOf(privateCode)}/answer`, { answer: '私下答复的内容。' })).status, 303);
        assert.match(await (await seeded.app.request(`/qa/status?code=${privateCode}`)).text(), /私下答复的内容/, 'the asker reads the answer');
        const list = await (await seeded.app.request('/qa')).text();
        assert.doesNotMatch(list, /不公开的问题标题|询问个人纠纷处理/);
        assert.equal((await seeded.app.request(`/qa/${idOf(privateCode)}`)).status, 404);
        assert.doesNotMatch(await (await seeded.app.request('/qa/rss.xml')).text(), /不公开的问题标题|私下答复的内容/);
        assert.doesNotMatch(await (await seeded.app.request('/sitemap.xml')).text(), /\/qa\//, 'nothing published, nothing listed');
        assert.equal((await seeded.app.request(`/qa/${idOf(declinedCode)}`)).status, 404);
      } finally {
        await seeded.close();
      }
    });

    it('filters the published answers by office and category, and searches them after normalising the keyword', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const publish = async (channel: string, category: string, title: string, answer: string, answeredAt: string) => {
          await seeded.db
            .insertInto('question')
            .values({
              tracking_code: `WD-${title}`,
              channel,
              category,
              title,
              body: '问题正文,请问有什么政策?',
              asker_name: '某人',
              asker_contact: '13800138000',
              publish_consent: 1,
              status: 'answered',
              decline_reason: null,
              answer,
              answered_by: channel,
              created_at: '2026-03-01T00:00:00Z',
              accepted_at: '2026-03-02T00:00:00Z',
              answered_at: answeredAt,
              closed_at: answeredAt,
              purged_at: null,
            })
            .execute();
        };
        await publish('donghu', '投资政策', '东湖区电商扶持政策', '可申请 ABC 专项补贴', '2026-03-05T00:00:00Z');
        await publish('xihu', '人才与用工', '西湖区人才公寓申请', '符合条件可申请,100% 免租', '2026-03-09T00:00:00Z');
        await publish('donghu', '人才与用工', '东湖区招聘补贴', '按人数补贴', '2026-03-07T00:00:00Z');
        const titles = async (query: string) => {
          const response = await seeded.app.request(`/qa${query}`);
          assert.equal(response.status, 200, query);
          return [...(await response.text()).matchAll(/<a href="\/qa\/\d+">([^<]+)<\/a>/g)].map((match) => match[1]);
        };
        assert.deepEqual(await titles(''), ['西湖区人才公寓申请', '东湖区招聘补贴', '东湖区电商扶持政策'], 'newest answered first');
        assert.deepEqual(await titles('?channel=donghu'), ['东湖区招聘补贴', '东湖区电商扶持政策']);
        assert.deepEqual(await titles(`?channel=donghu&category=${encodeURIComponent('人才与用工')}`), ['东湖区招聘补贴']);
        assert.deepEqual(await titles(`?q=${encodeURIComponent('ａｂｃ')}`), ['东湖区电商扶持政策'], 'full-width and upper case fold');
        assert.deepEqual(await titles(`?q=${encodeURIComponent('補貼')}`), ['东湖区招聘补贴', '东湖区电商扶持政策'], 'traditional characters match');
        assert.deepEqual(await titles(`?q=${encodeURIComponent('100%')}`), ['西湖区人才公寓申请'], 'a % is a character, not a wildcard');
        assert.deepEqual(await titles(`?q=${encodeURIComponent('%')}`), ['西湖区人才公寓申请']);
        assert.equal((await seeded.app.request('/qa?channel=nowhere')).status, 400);

        const apiTitles: string[] = [];
        let next = `/api/v1/questions?channel=donghu&limit=1`;
        for (;;) {
          const page = (await (await seeded.app.request(next)).json()) as { items: Array<{ title: string }>; nextCursor: string | null };
          apiTitles.push(...page.items.map((item) => item.title));
          if (!page.nextCursor) break;
          next = `/api/v1/questions?channel=donghu&limit=1&cursor=${encodeURIComponent(page.nextCursor)}`;
        }
        assert.deepEqual(apiTitles, ['东湖区招聘补贴', '东湖区电商扶持政策'], 'the API pages through the same order');
        const searched = (await (await seeded.app.request(`/api/v1/questions?q=${encodeURIComponent('補貼')}`)).json()) as { items: unknown[] };
        assert.equal(searched.items.length, 2);
        assert.equal((await seeded.app.request('/api/v1/questions?category=nothing')).status, 400);
        assert.equal((await seeded.app.request('/qa?page=2')).status, 404);
      } finally {
        await seeded.close();
      }
    });

    it('serves /qa and /qa/:id from the page cache until an answer is published; statistics and status pages are never cached', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
        const admin = consoleClient(seeded.app, '192.0.2.86');
        await admin.signIn('admin', PASSWORD);
        const form = await openForm(seeded.app, '/qa/ask', '198.51.100.86');
        const code = /code=([^&]+)/.exec((await form.post(ASKED)).headers.get('location') ?? '')![1]!;
        const { id } = await seeded.db.selectFrom('question').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow();
        const page = async (path: string) => {
          const response = await seeded.app.request(path);
          assert.equal(response.status, 200, path);
          return { html: await response.text(), cacheControl: response.headers.get('Cache-Control') };
        };
        /** The 收到 and 已答复 columns of a statistics table row. */
        const counts = (html: string, office: string) => {
          const row = new RegExp(`<th scope="row">${office}</th><td>(\\d+)</td><td>(\\d+)</td>`).exec(html);
          return row && [Number(row[1]), Number(row[2])];
        };

        const list = await page('/qa');
        assert.equal(list.cacheControl, 'no-cache', 'a cached page');
        assert.doesNotMatch(list.html, /新能源项目用地如何申请/);
        assert.deepEqual(counts((await page('/qa/stats')).html, '南昌市招商部门'), [1, 0]);
        const hits = seeded.pageCache.stats().hits;
        await page('/qa');
        assert.equal(seeded.pageCache.stats().hits, hits + 1, 'the second request is answered from memory');

        // A change the content version does not hear of stays unseen: the page really is cached.
        const at = new Date().toISOString();
        await seeded.db
          .updateTable('question')
          .set({ status: 'answered', answer: '未经发布的答复', answered_by: 'nanchang', answered_at: at })
          .where('id', '=', id)
          .execute();
        assert.doesNotMatch((await page('/qa')).html, /新能源项目用地如何申请/);
        await seeded.db.updateTable('question').set({ status: 'received', answer: null, answered_by: null, answered_at: null }).where('id', '=', id).execute();

        // The status page is personal progress: rendered each time, never kept.
        const before = seeded.pageCache.stats();
        const status = await page(`/qa/status?code=${code}`);
        assert.match(status.html, /<td class="question-status">待受理<\/td>/);
        assert.match(status.cacheControl ?? '', /no-store/);
        await seeded.db.updateTable('question').set({ status: 'accepted', accepted_at: new Date().toISOString() }).where('id', '=', id).execute();
        assert.match(
          (await page(`/qa/status?code=${code}`)).html,
          /<td class="question-status">已受理<\/td>/,
          'a change unannounced to the cache shows at once',
        );
        assert.equal(seeded.pageCache.stats().pages, before.pages, 'no status page kept');
        assert.equal(seeded.pageCache.stats().misses, before.misses);

        // Another question comes in: the statistics count it at once, and the cached pages stay
        // cached (a public form must not be able to empty the site's cache).
        const pagesBefore = seeded.pageCache.stats().pages;
        await form.post({ ...ASKED, title: '第二个问题的标题' });
        const hitsBefore = seeded.pageCache.stats().hits;
        await page('/qa');
        assert.equal(seeded.pageCache.stats().hits, hitsBefore + 1, 'the list is still served from memory');
        assert.equal(seeded.pageCache.stats().pages, pagesBefore);
        assert.deepEqual(counts((await page('/qa/stats')).html, '南昌市招商部门'), [2, 0]);

        // The answer is published: the list, the question's page and the statistics show it at once.
        assert.equal((await seeded.app.request(`/qa/${id}`)).status, 404);
        assert.equal((await admin.confirm(`/admin/questions/${id}/answer`, { answer: '请向自然资源局提出用地预审申请。' })).status, 303);
        assert.match((await page('/qa')).html, new RegExp(`<a href="/qa/${id}">新能源项目用地如何申请</a>`));
        assert.match((await page(`/qa/${id}`)).html, /请向自然资源局提出用地预审申请/);
        assert.deepEqual(counts((await page('/qa/stats')).html, '南昌市招商部门'), [2, 1]);
        const hitsAfter = seeded.pageCache.stats().hits;
        await page(`/qa/${id}`);
        assert.equal(seeded.pageCache.stats().hits, hitsAfter + 1, 'the question page is cached too');
      } finally {
        await seeded.close();
      }
    });

    it('counts only accepted questions against the limit, and refuses a post without the CSRF token', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const form = await openForm(seeded.app, '/qa/ask', '198.51.100.84');
        for (let i = 0; i < 6; i += 1) assert.equal((await form.post({ ...ASKED, contact: 'not a contact' })).status, 400, 'a typo');
        for (let i = 0; i < ASK_LIMIT.max; i += 1) assert.equal((await form.post(ASKED)).status, 303);
        const limited = await form.post({ ...ASKED, title: '第六个问题的标题' });
        assert.equal(limited.status, 429);
        assert.match(await limited.text(), /value="第六个问题的标题"/);
        const forged = await seeded.app.request('/qa/ask', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '198.51.100.85' },
          body: new URLSearchParams(ASKED).toString(),
        });
        assert.equal(forged.status, 403);
        const count = await seeded.db
          .selectFrom('question')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(count.n), ASK_LIMIT.max);
        assert.equal((await seeded.app.request('/qa/status?code=WD-2222-2222')).status, 404);
        assert.equal((await seeded.app.request('/qa/status?code=nonsense')).status, 400);
      } finally {
        await seeded.close();
      }
    });
  });
}
