import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSeededApp } from '../../test/helpers/test-app.ts';

describe('/data and /projects', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  before(async () => (seeded = await openSeededApp()));
  after(() => seeded.close());

  it('compares districts with each figure linked to its source, as a table, charts and downloads', async () => {
    const html = await (await seeded.app.request('/data')).text();
    assert.match(html, /<script src="\/static\/echarts\.min\.js\?v=[\d.]+" defer=""><\/script><script src="\/static\/charts\.js\?v=[\w-]+" defer=""><\/script>/);
    assert.match(html, /<td><a href="\/data\/qingyunpu">青云谱区<\/a><\/td><td>地区生产总值<\/td><td>2014<\/td><td>实际<\/td><td>283.12亿元<\/td><td>10%<\/td><td>—<\/td>/);
    assert.match(html, /<td><a href="\/data\/qingyunpu">青云谱区<\/a><\/td><td>地区生产总值<\/td><td>2015<\/td><td>目标<\/td><td>—<\/td><td>8%<\/td><td>9%<\/td>/);
    const chart = /data-chart="([^"]+)"/.exec(html)![1]!.replaceAll('&quot;', '"');
    assert.deepEqual(JSON.parse(chart), { unit: '亿元', categories: ['东湖区', '青云谱区'], series: [{ name: '地区生产总值', data: [429, 283.12] }] });
    assert.match(html, /role="img" aria-label="各地区地区生产总值.最近一年实际..图表,数据见下表."/);

    const json = (await (await seeded.app.request('/data.json?channel=donghu')).json()) as Array<{ indicator: string; year: number; kind: string; value: number | null; growth: number }>;
    assert.equal(json.length, 16);
    const gdp = json.find((r) => r.indicator === 'gdp' && r.kind === 'actual') as unknown as Record<string, unknown>;
    assert.deepEqual([gdp.district, gdp.year, gdp.value, gdp.unit, gdp.growth], ['东湖区', 2014, 429, '亿元', 8]);
    const csvBytes = Buffer.from(await (await seeded.app.request('/data.csv')).arrayBuffer());
    assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark for Excel');
    const csv = csvBytes.toString('utf8');
    assert.ok(csv.startsWith('\uFEFF地区,指标代码,指标,年份,类型,数值,单位,增长(%),力争(%),原文,文章\r\n'));
    assert.equal(csv.trim().split('\r\n').length, 1 + 34);
    assert.match(csv, /\r\n青云谱区,gdp,地区生产总值,2015,target,,,8,9,"地区生产总值增长确保8%,力争9%",\/articles\/\d+\r\n/);
    assert.equal((await seeded.app.request('/data.csv?channel=atlantis')).status, 400);

    const district = await (await seeded.app.request('/data/donghu')).text();
    assert.match(district, /东湖区主要指标增速.按年份./);
    assert.equal((await seeded.app.request('/data/atlantis')).status, 404);
  });

  it('lists the projects with filters, totals by stage and district, and downloads', async () => {
    const html = await (await seeded.app.request('/projects')).text();
    assert.match(html, /<td>富士康智能科技小镇<\/td><td>超100亿元<\/td><td>小蓝经开区<\/td><td>半导体<\/td><td>签约<\/td>/);
    assert.match(html, /<td>王府井百货<\/td><td>近50亿元<\/td><td>青云谱区<\/td><td>商贸<\/td><td>开工\/在建<\/td>/);
    const byStage = JSON.parse([...html.matchAll(/data-chart="([^"]+)"/g)][0]![1]!.replaceAll('&quot;', '"'));
    assert.deepEqual(byStage, { unit: '亿元', categories: ['签约', '开工/在建', '投产/运营'], series: [{ name: '总投资', data: [100, 150, 0.9] }] });

    const qingyunpu = await (await seeded.app.request('/projects?channel=qingyunpu&stage=%E5%BC%80%E5%B7%A5%2F%E5%9C%A8%E5%BB%BA')).text();
    assert.match(qingyunpu, /王府井百货/);
    assert.doesNotMatch(qingyunpu, /富士康/);
    const json = (await (await seeded.app.request('/projects.json?industry=%E5%8D%8A%E5%AF%BC%E4%BD%93')).json()) as Array<{ name: string; articles: string[] }>;
    assert.deepEqual(json.map((p) => p.name), ['富士康智能科技小镇']);
    assert.match(json[0]!.articles[0]!, /^\/articles\/\d+$/);
    const projectsCsv = Buffer.from(await (await seeded.app.request('/projects.csv')).arrayBuffer()).toString('utf8');
    assert.match(projectsCsv, /^\uFEFF项目,总投资,单位,限定,地区,产业,阶段,文章\r\n/);
    assert.match(projectsCsv, /\r\n富士康智能科技小镇,100,亿元,超,小蓝经开区,半导体,签约,\/articles\/\d+\r\n/);
    assert.equal((await seeded.app.request('/projects?stage=nonsense')).status, 400);
  });
});
