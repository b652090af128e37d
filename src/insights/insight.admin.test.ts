import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';

const PASSWORD = 'correct horse battery';
const HUGE = '9'.repeat(400);

for (const dialect of testDialects()) {
  describe(`console figures and channels on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    let admin: ReturnType<typeof consoleClient>;
    before(async () => {
      seeded = await openSeededApp({ dialect });
      await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
      admin = consoleClient(seeded.app, '192.0.2.50');
      assert.equal((await admin.signIn('admin', PASSWORD)).status, 303);
    });
    after(() => seeded?.close());

    const factRow = (id: number) =>
      seeded.db.selectFrom('indicator_fact').select(['value', 'growth', 'stretch', 'curation']).where('id', '=', id).executeTakeFirstOrThrow();
    const projectRows = () => seeded.db.selectFrom('project').select(['id', 'name', 'amount', 'channel', 'curation']).orderBy('id').execute();

    it('refuses a fact correction with a number too long to be a figure, and stores nothing', async () => {
      const { id } = await seeded.db.selectFrom('indicator_fact').select('id').orderBy('id').executeTakeFirstOrThrow();
      const before = await factRow(Number(id));
      await admin.get('/admin/facts');
      for (const [field, label] of [
        ['value', '数值'],
        ['growth', '增长'],
        ['stretch', '力争'],
      ] as const) {
        const response = await admin.post(`/admin/facts/${id}/correct`, {
          year: '2014',
          kind: 'actual',
          value: '429',
          unit: '亿元',
          growth: '8',
          stretch: '',
          [field]: HUGE,
        });
        assert.equal(response.status, 400, field);
        assert.match(await response.text(), new RegExp(`${label}超出范围:整数部分最多 15 位`), field);
      }
      assert.equal(
        (await admin.post(`/admin/facts/${id}/correct`, { year: '2014', kind: 'actual', value: '1234567.1234567', unit: '亿元', growth: '', stretch: '' }))
          .status,
        400,
        'seven decimals',
      );
      assert.deepEqual(await factRow(Number(id)), before);
      assert.doesNotMatch(await (await admin.get('/admin/facts')).text(), /Infinity/);
      assert.equal(
        (await admin.post(`/admin/facts/${id}/correct`, { year: '2014', kind: 'actual', value: '-999999999999999.5', unit: '亿元', growth: '', stretch: '' }))
          .status,
        303,
        'fifteen digits are a figure',
      );
    });

    it('refuses project totals too long to be a figure when adding or correcting, and stores nothing', async () => {
      const before = await projectRows();
      await admin.get('/admin/projects');
      const added = await admin.post('/admin/projects', { name: '超大数字测试项目', amount: HUGE, channel: 'donghu', industry: '', stage: '签约' });
      assert.equal(added.status, 400);
      assert.match(await added.text(), /总投资（亿元）超出范围:整数部分最多 6 位,小数最多 2 位/);
      const target = before[0]!;
      const corrected = await admin.post(`/admin/projects/${target.id}/correct`, { name: target.name, amount: '1000000', industry: '' });
      assert.equal(corrected.status, 400);
      assert.match(await corrected.text(), /总投资（亿元）超出范围/);
      assert.deepEqual(await projectRows(), before);
      assert.doesNotMatch(await (await admin.get('/admin/projects')).text(), /Infinity/);
    });

    it('refuses a project in a channel that does not exist, even one named like an object member', async () => {
      const before = await projectRows();
      await admin.get('/admin/projects');
      for (const channel of ['__proto__', 'constructor', 'atlantis']) {
        const response = await admin.post('/admin/projects', { name: `地区测试项目${channel.length}`, amount: '', channel, industry: '', stage: '签约' });
        assert.equal(response.status, 400, channel);
        assert.match(await response.text(), /没有这个地区,请从列表中选择/, channel);
      }
      assert.deepEqual(await projectRows(), before);
    });

    it('lets an editor read an article’s facts beside its text and confirm them all in one step', async () => {
      await createUser(seeded.db, COMMAND_LINE, { name: 'ed.xihu', roles: ['editor'], password: PASSWORD, channels: ['xihu'] }, passwordPolicy('modern'));
      const donghu = await seeded.db
        .selectFrom('indicator_fact')
        .select(['article_id', 'id', 'sentence'])
        .where('channel', '=', 'donghu')
        .orderBy('id')
        .execute();
      const articleId = Number(donghu[0]!.article_id);
      const path = `/admin/facts/articles/${articleId}`;
      const confirmedCount = async () =>
        (await seeded.db.selectFrom('indicator_fact').select('id').where('article_id', '=', articleId).where('curation', '=', 'confirmed').execute()).length;

      assert.match(await (await admin.get('/admin/facts')).text(), new RegExp(`<a href="${path}#fact-\\d+">对照原文审核</a>`));
      const page = await (await admin.get(path)).text();
      assert.match(page, /<mark id="sentence-\d+">地区生产总值增长7.5%<sup>\[\d+\]<\/sup><\/mark>/, 'each sentence marked in the text');
      assert.match(page, /<li id="fact-\d+"><strong>东湖区 地区生产总值<\/strong> 2014年实际:429亿元 增长8%/);
      assert.match(page, /把握较低:/);
      const version = /name="version" value="([0-9a-f]+)"/.exec(page)![1]!;

      assert.equal((await admin.post(`${path}/confirm`, { version }, false)).status, 403, 'without the CSRF token');
      const stale = await admin.post(`${path}/confirm`, { version: '0'.repeat(32) });
      assert.equal(stale.status, 409);
      assert.match(await stale.text(), /您打开本页后,本文数据已有变化.*未作任何确认/);
      assert.equal(await confirmedCount(), 0);

      const xihu = consoleClient(seeded.app, '192.0.2.51');
      assert.equal((await xihu.signIn('ed.xihu', PASSWORD)).status, 303);
      assert.equal((await xihu.get(path)).status, 404, 'not the editor’s channel');
      await xihu.get('/admin/facts');
      assert.equal((await xihu.post(`${path}/confirm`, { version })).status, 404);
      assert.equal(await confirmedCount(), 0);

      const done = await admin.post(`${path}/confirm`, { version });
      assert.equal(done.status, 303);
      assert.equal(await confirmedCount(), donghu.length);
      assert.match(await (await admin.get(path)).text(), /本文数据均已审核/);
      assert.doesNotMatch(await (await seeded.app.request('/data/donghu')).text(), /系统识别，待核实<\/span>/);
    });

    it('corrects a fact’s place, qualifier and plan period, refusing what cannot be one', async () => {
      const { id } = await seeded.db
        .selectFrom('indicator_fact')
        .select('id')
        .where('channel', '=', 'qingyunpu')
        .where('indicator', '=', 'gdp')
        .where('kind', '=', 'target')
        .executeTakeFirstOrThrow();
      const row = () =>
        seeded.db
          .selectFrom('indicator_fact')
          .select(['place', 'qualifier', 'kind', 'year', 'period', 'curation'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      const before = await row();
      await admin.get('/admin/facts');
      const base = { year: '2015', kind: 'target', value: '', unit: '', growth: '8', stretch: '9', place: '青云谱区', qualifier: '' };
      for (const [change, message] of [
        [{ qualifier: '大约' }, /限定词须为 左右、以上、以内、突破、力争、预计 之一/],
        [{ place: '很'.repeat(21) }, /地区不超过 20 个字/],
        [{ kind: 'period_average', year: '' }, /年均或累计数据须填写期间,如 2021-2025/],
        [{ kind: 'period_average', year: '', period: '2025-2021' }, /年均或累计数据须填写期间/],
        [{ kind: 'period_total', period: '2021-2025' }, /年均或累计数据填写期间,不填年份/],
        [{ period: '2021-2025' }, /只有年均或累计数据填写期间/],
      ] as const) {
        const response = await admin.post(`/admin/facts/${id}/correct`, { ...base, ...change });
        assert.equal(response.status, 400, JSON.stringify(change));
        assert.match(await response.text(), message);
      }
      assert.deepEqual(await row(), before);

      assert.equal(
        (await admin.post(`/admin/facts/${id}/correct`, { ...base, place: '全国', qualifier: '左右', kind: 'period_average', year: '', period: '2021-2025' }))
          .status,
        303,
      );
      assert.deepEqual(await row(), { place: '全国', qualifier: '左右', kind: 'period_average', year: null, period: '2021-2025', curation: 'corrected' });
      const html = await (await seeded.app.request('/data')).text();
      assert.match(html, /<tr><td>全国<\/td><td>地区生产总值<\/td><td>2021-2025<\/td><td>年均<\/td><td>—<\/td><td>8%<\/td><td>9%<\/td><td>左右<\/td>/);
    });
  });
}
