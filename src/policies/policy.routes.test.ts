import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';

const PASSWORD = 'correct horse battery';
const DONGHU_POLICY = {
  title: '东湖区促进楼宇经济发展若干措施',
  docNumber: '东府发[2025]3号',
  issuer: '东湖区人民政府',
  level: '区',
  channel: 'donghu',
  topic: '产业扶持',
  writtenOn: '2025-02-20',
  publishedOn: '2025-03-01',
  effectiveOn: '2025-03-01',
  validUntil: '',
  body: '## 支持对象\n\n对新引进的**总部企业**给予租金补贴。<script>alert(1)</script>',
};
const CITY_POLICY = {
  ...DONGHU_POLICY,
  title: '南昌市楼宇经济高质量发展实施意见',
  docNumber: '洪府发〔2025〕12号',
  issuer: '南昌市人民政府',
  level: '市',
  channel: 'nanchang',
  publishedOn: '2025-06-01',
  body: '全市楼宇经济扶持政策统一按本意见执行。',
};

for (const dialect of testDialects()) {
  describe(`政策文件库 on ${dialect.name}`, () => {
    it('runs a policy from the console to the list, search, page, feeds, sitemap and open API, amended and repealed', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const policy = passwordPolicy('modern');
        await createUser(seeded.db, COMMAND_LINE, { name: 'donghu', roles: ['editor'], password: PASSWORD, channels: ['donghu'] }, policy);
        await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, policy);
        const donghu = consoleClient(seeded.app, '192.0.2.91');
        const admin = consoleClient(seeded.app, '192.0.2.92');
        assert.equal((await donghu.signIn('donghu', PASSWORD)).status, 303);
        assert.equal((await admin.signIn('admin', PASSWORD)).status, 303);

        // The form: Chinese messages beside the fields, the input kept; another channel refused.
        assert.equal((await donghu.get('/admin/policies/new')).status, 200);
        const invalid = await donghu.post('/admin/policies', { ...DONGHU_POLICY, title: '', docNumber: '第三号', validUntil: '2025-01-01' });
        assert.equal(invalid.status, 400);
        const invalidHtml = await invalid.text();
        for (const message of [/请填写标题/, /发文字号格式如/, /有效期不能早于实施日期/]) assert.match(invalidHtml, message);
        assert.match(invalidHtml, /value="东湖区人民政府"/, 'what was typed stays');
        assert.equal((await donghu.post('/admin/policies', { ...DONGHU_POLICY, channel: 'nanchang' })).status, 400);
        assert.equal((await donghu.post('/admin/policies', DONGHU_POLICY, false)).status, 403, 'CSRF');
        const created = await donghu.post('/admin/policies', DONGHU_POLICY);
        assert.equal(created.status, 303);
        const id = Number(/^\/admin\/policies\/(\d+)\?saved=1$/.exec(created.headers.get('location') ?? '')?.[1]);
        assert.ok(id > 0);
        const cityCreated = await admin.post('/admin/policies', CITY_POLICY);
        const cityId = Number(/(\d+)/.exec(cityCreated.headers.get('location') ?? '')?.[1]);
        assert.equal((await donghu.get(`/admin/policies/${cityId}`)).status, 404, 'another channel’s policy');
        assert.doesNotMatch(await (await donghu.get('/admin/policies')).text(), /南昌市楼宇经济高质量发展实施意见/);

        // Public list and search.
        const list = await (await seeded.app.request('/policies')).text();
        assert.ok(list.indexOf(CITY_POLICY.title) < list.indexOf(DONGHU_POLICY.title), 'newest 发布日期 first');
        assert.match(list, /现行有效/);
        for (const q of ['东府发〔2025〕3号', '东府发2025 3', '楼宇 总部企业']) {
          const found = await (await seeded.app.request(`/policies?q=${encodeURIComponent(q)}`)).text();
          assert.match(found, new RegExp(`<a href="/policies/${id}">`), q);
          if (q !== '楼宇 总部企业') assert.doesNotMatch(found, new RegExp(`<a href="/policies/${cityId}">`), q);
        }
        const siteSearch = await (await seeded.app.request(`/search?q=${encodeURIComponent('总部企业 租金补贴')}`)).text();
        assert.match(siteSearch, /相关政策文件/, 'the site search lists policies too');
        assert.match(siteSearch, new RegExp(`<a href="/policies/${id}">`));
        assert.doesNotMatch(await (await seeded.app.request(`/search?q=${encodeURIComponent('融资')}`)).text(), /相关政策文件/);
        assert.match(await (await seeded.app.request('/policies?level=市')).text(), new RegExp(`/policies/${cityId}"`));
        assert.doesNotMatch(await (await seeded.app.request('/policies?channel=donghu')).text(), new RegExp(`/policies/${cityId}"`));
        for (const [query, message] of [
          ['topic=旅游', '没有这个主题'],
          ['validity=valid', '没有这种效力状态'],
          ['from=2025-02-30', '起始日期格式'],
          ['from=2025-06-01&to=2025-01-01', '起始日期不能晚于截止日期'],
          ['channel=atlantis', '没有这个地区'],
        ]) {
          const response = await seeded.app.request(`/policies?${query}`);
          assert.equal(response.status, 400, query);
          assert.match(await response.text(), new RegExp(message!), query);
        }

        // The page: every field, the body rendered without raw HTML.
        const page = await (await seeded.app.request(`/policies/${id}`)).text();
        for (const label of ['发文字号', '发文机关', '成文日期', '发布日期', '实施日期', '有效期', '政策解读']) assert.match(page, new RegExp(label));
        assert.match(page, /<strong>总部企业<\/strong>/);
        assert.doesNotMatch(page, /<script>alert/);
        assert.equal((await seeded.app.request('/policies/99999')).status, 404);

        // 政策解读: a published article of the seed, by its address.
        const article = await seeded.db.selectFrom('article').select(['id', 'title']).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
        assert.equal((await donghu.post(`/admin/policies/${id}/interpretations`, { article: '/articles/99999' })).status, 400);
        assert.equal((await donghu.post(`/admin/policies/${id}/interpretations`, { article: `https://zs.example.cn/articles/${article.id}` })).status, 303);
        assert.match(await (await seeded.app.request(`/policies/${id}`)).text(), new RegExp(`<a href="/articles/${article.id}">`), 'the cached page is stale');

        // Amended by the city's policy (named by its 文号 in another spelling), then repealed: still readable.
        assert.equal((await donghu.post(`/admin/policies/${id}/validity`, { status: 'amended', replacement: '洪府发〔2031〕1号' })).status, 400);
        assert.equal((await donghu.post(`/admin/policies/${id}/validity`, { status: 'amended', replacement: '洪府发(2025)12' })).status, 303);
        const amended = await (await seeded.app.request(`/policies/${id}`)).text();
        assert.match(amended, /本文件已修订/);
        assert.match(amended, new RegExp(`<a href="/policies/${cityId}">《${CITY_POLICY.title}》</a>`));
        assert.match(await (await seeded.app.request(`/policies/${cityId}`)).text(), /本文件替代/);
        assert.equal((await donghu.post(`/admin/policies/${id}/validity`, { status: 'repealed' })).status, 303);
        const repealed = await seeded.app.request(`/policies/${id}`);
        assert.equal(repealed.status, 200);
        assert.match(await repealed.text(), /本文件已废止/);
        assert.match(await (await seeded.app.request('/policies?validity=repealed')).text(), new RegExp(`/policies/${id}"`));

        // Feeds, sitemap, open API.
        for (const feed of ['/policies/rss.xml', '/policies/atom.xml']) {
          const xml = await (await seeded.app.request(feed)).text();
          assert.match(xml, new RegExp(`/policies/${id}<`), feed);
          assert.match(xml, /已废止/);
        }
        const sitemap = await (await seeded.app.request('/sitemap.xml')).text();
        assert.match(sitemap, new RegExp(`/policies/${id}</loc>`));
        assert.match(sitemap, /\/policies<\/loc>/);
        const first = (await (await seeded.app.request('/api/v1/policies?limit=1')).json()) as { items: Array<{ id: number }>; nextCursor: string | null };
        assert.deepEqual(
          first.items.map((item) => item.id),
          [cityId],
        );
        assert.ok(first.nextCursor);
        const second = (await (await seeded.app.request(`/api/v1/policies?limit=1&cursor=${first.nextCursor}`)).json()) as typeof first;
        assert.deepEqual(
          second.items.map((item) => item.id),
          [id],
        );
        assert.equal(second.nextCursor, null);
        const byNumber = (await (await seeded.app.request(`/api/v1/policies?q=${encodeURIComponent('东府发2025 3')}`)).json()) as {
          items: Array<{ validity: string }>;
        };
        assert.deepEqual(
          byNumber.items.map((item) => item.validity),
          ['repealed'],
        );
        const bad = await seeded.app.request('/api/v1/policies?validity=valid');
        assert.equal(bad.status, 400);
        assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
        const one = (await (await seeded.app.request(`/api/v1/policies/${id}`)).json()) as {
          docNumber: string;
          channel: { slug: string };
          interpretations: Array<{ id: number }>;
        };
        assert.equal(one.docNumber, DONGHU_POLICY.docNumber);
        assert.equal(one.channel.slug, 'donghu');
        assert.deepEqual(
          one.interpretations.map((item) => item.id),
          [Number(article.id)],
        );
        assert.equal((await seeded.app.request('/api/v1/policies/99999')).status, 404);

        const audit = await seeded.db.selectFrom('audit_log').select(['action', 'user_name']).where('target_type', '=', 'policy').orderBy('id').execute();
        assert.deepEqual(
          audit.map((entry) => `${entry.action} ${entry.user_name}`),
          ['policy.create donghu', 'policy.create admin', 'policy.link donghu', 'policy.amend donghu', 'policy.repeal donghu'],
        );
        assert.equal((await donghu.post(`/admin/policies/${id}/interpretations/${article.id}/unlink`)).status, 303);
        assert.doesNotMatch(await (await seeded.app.request(`/policies/${id}`)).text(), new RegExp(`<a href="/articles/${article.id}">`));
      } finally {
        await seeded.close();
      }
    });
  });
}
