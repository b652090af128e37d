import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSeedText } from '../importer/seed-format.ts';
import { seedText } from '../../test/helpers/seed.ts';
import { extractIndicators, reportYearOf } from './indicators.ts';

const report = (district: string) => {
  const block = parseSeedText(seedText()).flatMap((item) => (item.kind === 'block' ? [item.block] : [])).find((b) => b.title.includes(`2015年${district}政府工作报告`))!;
  return extractIndicators(block.title, block.body).map((f) => [f.indicator, f.year, f.kind, f.value, f.unit, f.growth, f.stretch]);
};

describe('economic indicators', () => {
  it('reads every headline figure of the 2015 东湖区 work report, and nothing else', () => {
    assert.deepEqual(report('东湖区'), [
      ['gdp', 2014, 'actual', 429, '亿元', 8, null],
      ['fixed_asset_investment', 2014, 'actual', 137, '亿元', 16, null],
      ['retail_sales', 2014, 'actual', 240, '亿元', 5.5, null],
      ['fiscal_revenue', 2014, 'actual', 53.14, '亿元', 14.45, null],
      ['local_budget_revenue', 2014, 'actual', 11.01, '亿元', 9, null],
      ['fdi_actual', 2014, 'actual', 1.49, '亿美元', 7.5, null],
      ['domestic_capital', 2014, 'actual', 27.85, '亿元', 8.72, null],
      ['exports', 2014, 'actual', 4.9, '亿元', 6.12, null],
      ['gdp', 2015, 'target', null, null, 7.5, null],
      ['fixed_asset_investment', 2015, 'target', null, null, 15, null],
      ['retail_sales', 2015, 'target', null, null, 6, null],
      ['fiscal_revenue', 2015, 'target', null, null, 10, null],
      ['local_budget_revenue', 2015, 'target', null, null, 10, null],
      ['domestic_capital', 2015, 'target', null, null, 10, null],
      ['fdi_actual', 2015, 'target', null, null, 10, null],
      ['exports', 2015, 'target', null, null, 5, null],
    ]);
  });

  it('reads every headline figure of the 2015 青云谱区 work report, targets with their 力争 stretch', () => {
    assert.deepEqual(report('青云谱区'), [
      ['gdp', 2014, 'actual', 283.12, '亿元', 10, null],
      ['industrial_value_added', 2014, 'actual', 86.6, '亿元', 10, null],
      ['fixed_asset_investment', 2014, 'actual', 164.24, '亿元', 18, null],
      ['retail_sales', 2014, 'actual', 142.21, '亿元', 17, null],
      ['fiscal_revenue', 2014, 'actual', 37.36, '亿元', 19.4, null],
      ['local_budget_revenue', 2014, 'actual', 9.33, '亿元', 14.5, null],
      ['fdi_actual', 2014, 'actual', 13100, '万美元', 13.7, null],
      ['domestic_capital', 2014, 'actual', 28, '亿元', 10.5, null],
      ['exports', 2014, 'actual', 6.4, '亿美元', 11.9, null],
      ['gdp', 2015, 'target', null, null, 8, 9],
      ['fiscal_revenue', 2015, 'target', null, null, 10, 13],
      ['local_budget_revenue', 2015, 'target', null, null, 10, 13],
      ['fixed_asset_investment', 2015, 'target', null, null, 14, 15],
      ['industrial_value_added', 2015, 'target', null, null, 8, 10],
      ['retail_sales', 2015, 'target', null, null, 14, 15],
      ['fdi_actual', 2015, 'target', null, null, 8, 10],
      ['domestic_capital', 2015, 'target', null, null, 8, 10],
      ['exports', 2015, 'target', null, null, 5, 6],
    ]);
  });

  it('keeps the sentence each fact came from', () => {
    const block = parseSeedText(seedText()).flatMap((item) => (item.kind === 'block' ? [item.block] : [])).find((b) => b.title.includes('青云谱区政府工作报告'))!;
    const gdp = extractIndicators(block.title, block.body).find((f) => f.indicator === 'gdp' && f.kind === 'target')!;
    assert.equal(gdp.sentence, '地区生产总值增长确保8%,力争9%');
    assert.ok(block.body.includes(gdp.sentence));
  });

  it('reads the phrasings of other reports and years', () => {
    const facts = (body: string, title = '2024年南昌市政府工作报告') => extractIndicators(title, body).map((f) => [f.indicator, f.year, f.kind, f.value, f.unit, f.growth, f.stretch]);
    assert.deepEqual(facts('全市地区生产总值突破7800亿元,增长5.6%;一般公共预算收入完成480.5亿元,下降2.1%。'), [
      ['gdp', 2023, 'actual', 7800, '亿元', 5.6, null],
      ['local_budget_revenue', 2023, 'actual', 480.5, '亿元', -2.1, null],
    ]);
    assert.deepEqual(facts('今年主要预期目标是:地区生产总值增长5%-5.5%;规上工业增加值增长6%左右;社会消费品零售总额增长6%。'), [
      ['gdp', 2024, 'target', null, null, 5, 5.5],
      ['industrial_value_added', 2024, 'target', null, null, 6, null],
      ['retail_sales', 2024, 'target', null, null, 6, null],
    ]);
    assert.deepEqual(facts('全省地区生产总值达到3.2万亿元,同比增长4.1%。', '2024年江西省政府工作报告'), [['gdp', 2023, 'actual', 3.2, '万亿元', 4.1, null]]);
    assert.deepEqual(facts('固定资产投资增长8.2%,实际使用外资增长12%。', '2023年南昌市国民经济和社会发展统计公报'), [
      ['fixed_asset_investment', 2023, 'actual', null, null, 8.2, null],
      ['fdi_actual', 2023, 'actual', null, null, 12, null],
    ]);
  });

  it('reports nothing for figures that are not indicators', () => {
    const body = '第三产业增加值占地区生产总值比重达36.1%,同比提高了1个百分点。财政总收入在全省100个县(市、区)中排名第9。全年用于民生的资金9.76亿元,约占地方公共财政预算支出的64.1%。';
    assert.deepEqual(extractIndicators('2015年东湖区政府工作报告', body), []);
  });

  it('finds the report year', () => {
    assert.equal(reportYearOf('【东湖区招商】2015年东湖区政府工作报告', ''), 2015);
    assert.equal(reportYearOf('政府工作报告', '——2015年1月15日在青云谱区第十五届人民代表大会…'), 2015);
    assert.equal(reportYearOf('园区新闻', '今天'), undefined);
  });
});
