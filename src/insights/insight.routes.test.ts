import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { createApp } from '../app.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { appDeps, openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { articleReview, confirmArticleFacts } from './fact-curation.service.ts';
import { curateProject } from './project-curation.service.ts';

const admin: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const actor = { userId: 1, userName: 'admin' };
const MARK = '系统识别，待核实';
type FactRecord = {
  place: string;
  district: string | null;
  indicator: string;
  kind: string;
  year: number | null;
  value: number | null;
  unit: string | null;
  growth: number | null;
  verified: boolean;
  status: string;
  sentence: string;
  article: string;
  source: string;
};

const chartsOf = (html: string) => [...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => JSON.parse(m[1]!.replaceAll('&quot;', '"')));

for (const dialect of testDialects()) {
  describe(`/data and /projects on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    let confirmedOnly: ReturnType<typeof createApp>;
    before(async () => {
      seeded = await openSeededApp({ dialect });
      confirmedOnly = createApp({ ...appDeps(seeded), insightsPublic: 'confirmed' });
    });
    after(() => seeded?.close());
    const json = async (app: ReturnType<typeof createApp>, path: string) => (await (await app.request(path)).json()) as FactRecord[];
    const csvOf = async (app: ReturnType<typeof createApp>, path: string) => Buffer.from(await (await app.request(path)).arrayBuffer()).toString('utf8');

    it('marks every unconfirmed figure with its sentence in HTML, CSV and JSON, and charts none of them', async () => {
      const html = await (await seeded.app.request('/data')).text();
      assert.match(
        html,
        /<script src="\/static\/echarts\.min\.js\?v=[\d.]+" defer=""><\/script><script src="\/static\/charts\.js\?v=[\w-]+" defer=""><\/script>/,
      );
      const gdpRow =
        /<tr class="fact-unverified"><td><a href="\/data\/qingyunpu">青云谱区<\/a><\/td><td>地区生产总值<\/td><td>2014<\/td><td>实际<\/td><td>283.12亿元<span class="unverified">系统识别，待核实<\/span><\/td><td>10%<\/td><td>—<\/td><td>预计<\/td><td><p class="fact-sentence">“全年地区生产总值预计完成283.12亿元,同比增长10%”<\/p><a href="\/articles\/(\d+)\?hl=(\d+)#fact-\2"/.exec(
          html,
        );
      assert.ok(gdpRow, 'the GDP figure is marked, with its sentence and a link to it');
      assert.equal(html.match(/<tr class="fact-unverified">/g)?.length, 34, 'every figure is marked');
      assert.deepEqual(chartsOf(html), [], 'no unconfirmed figure is drawn');
      assert.match(html, /图表只绘制经编辑核实的数据,目前还没有/);

      const records = await json(seeded.app, '/data.json?channel=donghu');
      assert.equal(records.length, 16);
      const gdp = records.find((r) => r.indicator === 'gdp' && r.kind === 'actual')!;
      assert.deepEqual(
        [gdp.place, gdp.district, gdp.year, gdp.value, gdp.unit, gdp.growth, gdp.verified, gdp.status],
        ['东湖区', '东湖区', 2014, 429, '亿元', 8, false, MARK],
      );
      assert.match(gdp.source, /^\/articles\/\d+\?hl=\d+#fact-\d+$/);

      const csvBytes = Buffer.from(await (await seeded.app.request('/data.csv')).arrayBuffer());
      assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark for Excel');
      const csv = csvBytes.toString('utf8');
      assert.ok(csv.startsWith('\uFEFF地区,指标代码,指标,类型,年份,期间,数值,单位,增长(%),力争(%),限定,核实,原文,文章\r\n'));
      assert.equal(csv.trim().split('\r\n').length, 1 + 34);
      assert.match(
        csv,
        /\r\n青云谱区,gdp,地区生产总值,目标,2015,,,,8,9,,系统识别，待核实,"地区生产总值增长确保8%,力争9%",\/articles\/\d+\?hl=\d+#fact-\d+\r\n/,
      );
      assert.equal((await seeded.app.request('/data.csv?channel=atlantis')).status, 400);
      assert.equal((await seeded.app.request('/data/atlantis')).status, 404);
    });

    it('hides every unconfirmed figure when INSIGHTS_PUBLIC=confirmed', async () => {
      // Checked before anything is confirmed: nothing at all may show.
      const html = await (await confirmedOnly.request('/data')).text();
      assert.doesNotMatch(html, /283\.12|系统识别，待核实<\/span>/);
      assert.match(html, /以下仅列出经编辑核实的数据/);
      assert.deepEqual(await json(confirmedOnly, '/data.json'), []);
      assert.equal((await csvOf(confirmedOnly, '/data.csv')).trim().split('\r\n').length, 1);
      const projects = await (await confirmedOnly.request('/projects')).text();
      assert.match(projects, /没有符合条件的项目/);
      assert.deepEqual(await (await confirmedOnly.request('/projects.json')).json(), []);
    });

    it('shows confirmed figures as the portal’s own, charted with the years they pair', async () => {
      const articleOf = async (channel: string) => Number((await json(seeded.app, `/data.json?channel=${channel}`))[0]!.article.split('/').at(-1));
      for (const channel of ['qingyunpu', 'donghu']) {
        const review = (await articleReview(seeded.db, admin, await articleOf(channel)))!;
        assert.equal((await confirmArticleFacts(seeded.db, admin, actor, review.articleId, review.version)).outcome, 'done');
      }
      const html = await (await seeded.app.request('/data')).text();
      assert.doesNotMatch(html, /fact-unverified|<span class="unverified">/);
      assert.match(
        html,
        /<tr><td><a href="\/data\/qingyunpu">青云谱区<\/a><\/td><td>地区生产总值<\/td><td>2015<\/td><td>目标<\/td><td>—<\/td><td>8%<\/td><td>9%<\/td><td>—<\/td><td><a href="\/articles\/\d+\?hl=\d+#fact-\d+" title="地区生产总值增长确保8%,力争9%">原文<\/a><\/td><\/tr>/,
      );
      assert.deepEqual(chartsOf(html), [
        { unit: '亿元', categories: ['东湖区', '青云谱区'], series: [{ name: '2014年地区生产总值', data: [429, 283.12] }] },
        {
          unit: '%',
          categories: ['东湖区', '青云谱区'],
          series: [
            { name: '2014年实际增速', data: [8, 10] },
            { name: '2015年目标增速', data: [7.5, 8] },
          ],
        },
      ]);
      assert.match(html, /<h2>各地区地区生产总值增速:2014年实际 vs 2015年目标<\/h2><p class="chart-note">把2014年的实际增速与2015年的目标增速并列比较/);
      assert.match(html, /role="img" aria-label="各地区地区生产总值.2014年实际..图表,数据见下表."/);

      const district = await (await seeded.app.request('/data/qingyunpu')).text();
      assert.match(district, /<h2>青云谱区主要指标增速:2014年实际 vs 2015年目标<\/h2>/);
      const [chart] = chartsOf(district);
      assert.deepEqual(
        chart.series.map((s: { name: string }) => s.name),
        ['2014年实际增速', '2015年目标增速'],
      );
      assert.equal(chart.categories[0], '地区生产总值');

      const records = await json(confirmedOnly, '/data.json');
      assert.equal(records.length, 34);
      assert.ok(records.every((r) => r.verified && r.status === '已核实'));
      assert.match(await csvOf(confirmedOnly, '/data.csv'), /\r\n东湖区,gdp,地区生产总值,实际,2014,,429,亿元,8,,预计,已核实,/);
    });

    it('marks unconfirmed projects with their sentence, totals only confirmed ones, and hides them when told to', async () => {
      let html = await (await seeded.app.request('/projects')).text();
      assert.match(
        html,
        /<tr class="fact-unverified"><td>王府井百货<span class="unverified">系统识别，待核实<\/span><p class="fact-sentence">“以总投资近50亿元的王府井百货为代表/,
      );
      assert.deepEqual(chartsOf(html), []);
      const csv = await csvOf(seeded.app, '/projects.csv');
      assert.match(csv, /^\uFEFF项目,总投资,单位,限定,地区,产业,阶段,核实,原文,文章\r\n/);
      assert.match(
        csv,
        /\r\n富士康智能科技小镇,100,亿元,超,小蓝经开区,半导体,签约,系统识别，待核实,"南昌小蓝经开区通过招商引资成功签约富士康智能科技小镇项目,/,
      );

      const { id } = await seeded.db.selectFrom('project').select('id').where('name', '=', '王府井百货').executeTakeFirstOrThrow();
      assert.equal(await curateProject(seeded.db, admin, actor, Number(id), { kind: 'confirm' }), 'done');
      html = await (await seeded.app.request('/projects')).text();
      assert.match(html, /<tr><td>王府井百货<\/td><td>近50亿元<\/td><td>青云谱区<\/td><td>商贸<\/td><td>开工\/在建<\/td>/);
      assert.deepEqual(chartsOf(html)[0], { unit: '亿元', categories: ['开工/在建'], series: [{ name: '总投资', data: [50] }] });
      const shown = (await (await confirmedOnly.request('/projects.json')).json()) as Array<{ name: string; verified: boolean; status: string }>;
      assert.deepEqual(
        shown.map((p) => [p.name, p.verified, p.status]),
        [['王府井百货', true, '已核实']],
      );

      const qingyunpu = await (await seeded.app.request('/projects?channel=qingyunpu&stage=%E5%BC%80%E5%B7%A5%2F%E5%9C%A8%E5%BB%BA')).text();
      assert.match(qingyunpu, /王府井百货/);
      assert.doesNotMatch(qingyunpu, /富士康/);
      assert.equal((await seeded.app.request('/projects?stage=nonsense')).status, 400);
    });

    it('links each figure to its sentence, marked in the article, and only a figure of that article', async () => {
      const records = await json(seeded.app, '/data.json?channel=qingyunpu');
      const gdp = records.find((r) => r.indicator === 'gdp' && r.kind === 'actual')!;
      const [, factId] = /hl=(\d+)/.exec(gdp.source)!;
      const page = await seeded.app.request(gdp.source.replace(/#.*/u, ''));
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, new RegExp(`<mark id="fact-${factId}">全年地区生产总值预计完成283.12亿元,同比增长10%</mark>`));
      assert.equal(html.match(/<mark/g)?.length, 1);
      const target = records.find((r) => r.indicator === 'gdp' && r.kind === 'target')!;
      const targetId = /hl=(\d+)/.exec(target.source)![1];
      assert.match(
        await (await seeded.app.request(`${target.article}?hl=${targetId}`)).text(),
        new RegExp(`<mark id="fact-${targetId}">地区生产总值增长确保8%,力争9%</mark>`),
        'each figure its own page',
      );
      assert.doesNotMatch(html, /<script>|onload=/, 'no inline script: the fragment scrolls there');

      const other = (await json(seeded.app, '/data.json?channel=donghu'))[0]!;
      const otherId = /hl=(\d+)/.exec(other.source)![1];
      for (const hl of [otherId, 'abc', '999999', '']) {
        const response = await seeded.app.request(`${gdp.article}?hl=${hl}`);
        assert.equal(response.status, 302, hl);
        assert.equal(response.headers.get('location'), gdp.article);
      }

      // A sentence the page lays out differently is quoted above the text, marked there, escaped.
      await seeded.db.updateTable('indicator_fact').set({ sentence: '<img src=x onerror=alert(1)>' }).where('id', '=', Number(factId)).execute();
      await bumpContentVersion(seeded.db);
      const quoted = await (await seeded.app.request(`${gdp.article}?hl=${factId}`)).text();
      assert.match(quoted, new RegExp(`数据出处原句:<mark id="fact-${factId}">&lt;img src=x onerror=alert\\(1\\)&gt;</mark>`));
      assert.doesNotMatch(quoted, /<img src=x/);

      // An article written in Markdown: the sentence is marked inside the rendered paragraph.
      const industry = records.find((r) => r.indicator === 'industrial_value_added' && r.kind === 'actual')!;
      const industryId = /hl=(\d+)/.exec(industry.source)![1];
      const markdown = '## 回顾\n\n**全年**经济平稳。规模以上工业增加值预计完成86.6亿元,同比增长10%;其余略。';
      await seeded.db
        .updateTable('article')
        .set({ body_format: 'markdown', body: markdown })
        .where('id', '=', Number(gdp.article.split('/').at(-1)))
        .execute();
      await bumpContentVersion(seeded.db);
      const rendered = await (await seeded.app.request(`${gdp.article}?hl=${industryId}`)).text();
      assert.match(
        rendered,
        new RegExp(`<p><strong>全年</strong>经济平稳。<mark id="fact-${industryId}">规模以上工业增加值预计完成86.6亿元,同比增长10%</mark>;其余略。</p>`),
      );
      assert.doesNotMatch(rendered, /数据出处原句/);
    });

    it('shows a figure of a place outside the portal under that place, never as the district’s', async () => {
      const { article_id: articleId } = await seeded.db
        .selectFrom('indicator_fact')
        .select('article_id')
        .where('channel', '=', 'donghu')
        .executeTakeFirstOrThrow();
      await seeded.db
        .insertInto('indicator_fact')
        .values({
          article_id: articleId,
          channel: 'donghu',
          indicator: 'gdp',
          place: '全国',
          year: 2016,
          period: null,
          kind: 'target',
          value: null,
          unit: null,
          growth: 7.4,
          stretch: null,
          qualifier: '左右',
          sentence: '全国经济增长7.4%左右',
          extracted_key: null,
          curation: 'confirmed',
          curated_by: 'admin',
          curated_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();
      await bumpContentVersion(seeded.db);
      const html = await (await seeded.app.request('/data')).text();
      assert.match(html, /<tr><td>全国<\/td><td>地区生产总值<\/td><td>2016<\/td><td>目标<\/td><td>—<\/td><td>7.4%<\/td><td>—<\/td><td>左右<\/td>/);
      assert.deepEqual(
        chartsOf(html)[1].series.map((s: { name: string }) => s.name),
        ['2014年实际增速', '2015年目标增速'],
        'not charted as 东湖区’s (it would pair 2016)',
      );
      assert.doesNotMatch(await (await seeded.app.request('/data/donghu')).text(), /全国经济增长/);
      const national = (await json(seeded.app, '/data.json')).filter((r) => r.place === '全国');
      assert.deepEqual(
        national.map((r) => [r.district, r.growth, (r as unknown as { qualifier: string }).qualifier]),
        [[null, 7.4, '左右']],
      );
      assert.match(await csvOf(seeded.app, '/data.csv'), /\r\n全国,gdp,地区生产总值,目标,2016,,,,7.4,,左右,已核实,全国经济增长7.4%左右,/);
    });
  });
}
