import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSeedText } from '../importer/seed-format.ts';
import { seedText } from '../../test/helpers/seed.ts';
import { ChannelCatalog } from '../channels/channel-catalog.ts';
import { readChannelFile } from '../channels/channel.ts';
import { extractIndicators, reportYearOf } from './indicators.ts';
import { placeOfArticle } from './report-place.ts';

const report = (district: string) => {
  const block = parseSeedText(seedText())
    .flatMap((item) => (item.kind === 'block' ? [item.block] : []))
    .find((b) => b.title.includes(`2015年${district}政府工作报告`))!;
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
    const block = parseSeedText(seedText())
      .flatMap((item) => (item.kind === 'block' ? [item.block] : []))
      .find((b) => b.title.includes('青云谱区政府工作报告'))!;
    const gdp = extractIndicators(block.title, block.body).find((f) => f.indicator === 'gdp' && f.kind === 'target')!;
    assert.equal(gdp.sentence, '地区生产总值增长确保8%,力争9%');
    assert.ok(block.body.includes(gdp.sentence));
  });

  it('reads the phrasings of other reports and years', () => {
    const facts = (body: string, title = '2024年南昌市政府工作报告') =>
      extractIndicators(title, body).map((f) => [f.indicator, f.year, f.kind, f.value, f.unit, f.growth, f.stretch]);
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
    const body =
      '第三产业增加值占地区生产总值比重达36.1%,同比提高了1个百分点。财政总收入在全省100个县(市、区)中排名第9。全年用于民生的资金9.76亿元,约占地方公共财政预算支出的64.1%。';
    assert.deepEqual(extractIndicators('2015年东湖区政府工作报告', body), []);
  });

  it('finds the report year', () => {
    assert.equal(reportYearOf('【东湖区招商】2015年东湖区政府工作报告', ''), 2015);
    assert.equal(reportYearOf('政府工作报告', '——2015年1月15日在青云谱区第十五届人民代表大会…'), 2015);
    assert.equal(reportYearOf('园区新闻', '今天'), undefined);
  });

  it('keeps the old facts the same when the place and the new fields are added', () => {
    const block = parseSeedText(seedText())
      .flatMap((item) => (item.kind === 'block' ? [item.block] : []))
      .find((b) => b.title.includes('2015年东湖区政府工作报告'))!;
    const facts = extractIndicators(block.title, block.body);
    assert.ok(facts.every((f) => f.place === '东湖区' && f.period === null));
    assert.deepEqual(
      facts.filter((f) => f.qualifier !== null).map((f) => [f.indicator, f.qualifier]),
      [
        ['gdp', '预计'],
        ['fixed_asset_investment', '预计'],
        ['retail_sales', '预计'],
        ['fdi_actual', '预计'],
        ['domestic_capital', '预计'],
        ['exports', '预计'],
      ],
    );
  });
});

// Sentences written for these tests in the style of government work reports (numbers invented).
const channels = new ChannelCatalog(readChannelFile());
type Row = [string, string, string, number | null, string | null, number | null, string | null, number | null, number | null, string | null];
const rows = (body: string, title = '2026年江西省政府工作报告'): Row[] =>
  extractIndicators(title, body, placeOfArticle(title, body, channels)).map((f) => [
    f.indicator,
    f.place,
    f.kind,
    f.year,
    f.period,
    f.value,
    f.unit,
    f.growth,
    f.stretch,
    f.qualifier,
  ]);
const TARGETS = '今年经济社会发展主要预期目标是：';

describe('indicator reading rules', () => {
  const cases: Array<{ rule: string; body: string; title?: string; expected: Row[] }> = [
    {
      rule: 'per-capita, per-unit and ratio figures are not the indicator',
      body: '全省地区生产总值3.6万亿元、增长5.2%，人均地区生产总值突破1万美元。单位地区生产总值能耗下降3%，研发投入占地区生产总值比重达2.1%。',
      expected: [['gdp', '江西省', 'actual', 2025, null, 3.6, '万亿元', 5.2, null, null]],
    },
    {
      rule: '进出口 is the total; 出口 inside it is not exports',
      body: '外贸进出口总额5600亿元、增长4%，其中出口3900亿元、增长6%。',
      expected: [
        ['trade_total', '江西省', 'actual', 2025, null, 5600, '亿元', 4, null, null],
        ['exports', '江西省', 'actual', 2025, null, 3900, '亿元', 6, null, null],
      ],
    },
    {
      rule: '从X提高到Y: the level is Y',
      body: '一般公共预算收入从500亿元提高到650亿元。',
      expected: [['local_budget_revenue', '江西省', 'actual', 2025, null, 650, '亿元', null, null, null]],
    },
    {
      rule: '突破A、达B: the level is B, without a qualifier; 突破A alone keeps 突破',
      body: '地区生产总值突破1万亿元、达1.2万亿元。社会消费品零售总额突破5000亿元。',
      expected: [
        ['gdp', '江西省', 'actual', 2025, null, 1.2, '万亿元', null, null, null],
        ['retail_sales', '江西省', 'actual', 2025, null, 5000, '亿元', null, null, '突破'],
      ],
    },
    {
      rule: '年均 and 累计 in a five-year review are figures over the plan period',
      body: '“十四五”时期，全省地区生产总值年均增长6.1%，固定资产投资累计完成1.8万亿元。',
      expected: [
        ['gdp', '江西省', 'period_average', null, '2021-2025', null, null, 6.1, null, null],
        ['fixed_asset_investment', '江西省', 'period_total', null, '2021-2025', 1.8, '万亿元', null, null, null],
      ],
    },
    {
      rule: '年均 in the next plan is over the next period; a range is a goal',
      body: '“十五五”时期，地区生产总值年均增长5%左右。\n全省将加快发展，地区生产总值年均增长5%—6%。',
      expected: [
        ['gdp', '江西省', 'period_average', null, '2026-2030', null, null, 5, null, '左右'],
        ['gdp', '江西省', 'period_average', null, '2026-2030', null, null, 5, 6, null],
      ],
    },
    {
      rule: '累计 with a five-year growth is one sum; a growth over three years is dropped',
      body: '五年来，一般公共预算收入累计完成2000亿元，5年增长15%；财政总收入达到450亿元，3年增长30%。',
      expected: [
        ['local_budget_revenue', '江西省', 'period_total', null, '2021-2025', 2000, '亿元', 15, null, null],
        ['fiscal_revenue', '江西省', 'actual', 2025, null, 450, '亿元', null, null, null],
      ],
    },
    {
      rule: '分别 pairs only within its own clause; a later 分别 about other things pairs nothing',
      body: '社会消费品零售总额1.5万亿元、固定资产投资8000亿元，分别增长5%、3%；地区生产总值增长5.2%，规模以上工业增加值增长7%，城乡居民收入分别增长4%、6%。',
      expected: [
        ['retail_sales', '江西省', 'actual', 2025, null, 1.5, '万亿元', 5, null, null],
        ['fixed_asset_investment', '江西省', 'actual', 2025, null, 8000, '亿元', 3, null, null],
        ['gdp', '江西省', 'actual', 2025, null, null, null, 5.2, null, null],
        ['industrial_value_added', '江西省', 'actual', 2025, null, null, null, 7, null, null],
      ],
    },
    {
      rule: '完成全年主要目标任务 does not turn last year’s results into targets',
      body: '顺利完成全年主要目标任务，地区生产总值增长5.5%。',
      expected: [['gdp', '江西省', 'actual', 2025, null, null, null, 5.5, null, null]],
    },
    {
      rule: 'synonyms: 经济增长, 全年投资, 社零额, 规模工业增加值, 全省生产总值',
      body: `全省生产总值增长5.1%。\n${TARGETS}经济增长5%左右，全年投资增长4%，社零额增长5%以上，规模工业增加值增长6%。`,
      expected: [
        ['gdp', '江西省', 'actual', 2025, null, null, null, 5.1, null, null],
        ['gdp', '江西省', 'target', 2026, null, null, null, 5, null, '左右'],
        ['fixed_asset_investment', '江西省', 'target', 2026, null, null, null, 4, null, null],
        ['retail_sales', '江西省', 'target', 2026, null, null, null, 5, null, '以上'],
        ['industrial_value_added', '江西省', 'target', 2026, null, null, null, 6, null, null],
      ],
    },
    {
      rule: 'qualifiers kept as their own field; 确保X、力争Y is growth and stretch; 美元 kept',
      body: `${TARGETS}实际使用外资力争突破20亿美元，外贸出口增长3%以内，力争财政总收入增长8%，确保实际利用内资增长6%、力争增长8%。`,
      expected: [
        ['fdi_actual', '江西省', 'target', 2026, null, 20, '亿美元', null, null, '突破'],
        ['exports', '江西省', 'target', 2026, null, null, null, 3, null, '以内'],
        ['fiscal_revenue', '江西省', 'target', 2026, null, null, null, 8, null, '力争'],
        ['domestic_capital', '江西省', 'target', 2026, null, null, null, 6, 8, null],
      ],
    },
    {
      rule: 'targets stated after the 主要预期目标 paragraph are this year’s targets',
      body: `全省固定资产投资增长2%。\n${TARGETS}地区生产总值增长5%。\n扩大有效投资。固定资产投资增长4%左右。`,
      expected: [
        ['fixed_asset_investment', '江西省', 'actual', 2025, null, null, null, 2, null, null],
        ['gdp', '江西省', 'target', 2026, null, null, null, 5, null, null],
        ['fixed_asset_investment', '江西省', 'target', 2026, null, null, null, 4, null, '左右'],
      ],
    },
    {
      rule: 'figures of 全国 and 全省 quoted in a district report are theirs',
      title: '2026年东湖区政府工作报告',
      body: '全区地区生产总值480亿元、增长5%，增速高于全国（4.8%）；全省实际使用外资20亿美元、下降2%。',
      expected: [
        ['gdp', '东湖区', 'actual', 2025, null, 480, '亿元', 5, null, null],
        ['gdp', '全国', 'actual', 2025, null, null, null, 4.8, null, null],
        ['fdi_actual', '江西省', 'actual', 2025, null, 20, '亿美元', -2, null, null],
      ],
    },
    {
      rule: 'another province’s report is that province’s, never 南昌市',
      title: '2026年浙江省政府工作报告',
      body: '全省生产总值增长5.5%，全市地区生产总值增长9%。',
      expected: [
        ['gdp', '浙江省', 'actual', 2025, null, null, null, 5.5, null, null],
        ['gdp', '浙江省', 'actual', 2025, null, null, null, 9, null, null],
      ],
    },
    {
      rule: 'parts are not the indicator: a zone inside the place, cross-border e-commerce, a partner, processing trade',
      body: '其中高新区规上工业增加值增长9%，跨境电商进出口增长20%，对东盟进出口增长8%，进出口加工总值达到100亿元。',
      expected: [],
    },
    {
      rule: 'a bare 出口 listed after another item’s figure is that item’s; listed among names it is exports',
      body: '猕猴桃产值增长8.5%、出口增长50%。规上工业增加值、出口分别增长6%、3%。',
      expected: [
        ['industrial_value_added', '江西省', 'actual', 2025, null, null, null, 6, null, null],
        ['exports', '江西省', 'actual', 2025, null, null, null, 3, null, null],
      ],
    },
    {
      rule: 'a milestone is no figure unless set for a year ahead',
      body: '地区生产总值迈上4万亿元台阶。力争到2030年，全省地区生产总值迈上5万亿元新台阶。',
      expected: [['gdp', '江西省', 'target', 2030, null, 5, '万亿元', null, null, '力争']],
    },
  ];
  for (const { rule, body, title, expected } of cases) {
    it(rule, () => assert.deepEqual(rows(body, title), expected));
  }
});

describe('how sure the reader is', () => {
  const confidence = (body: string, title = '2026年江西省政府工作报告') =>
    extractIndicators(title, body, placeOfArticle(title, body, channels)).map((f) => [f.indicator, f.confidence.level, f.confidence.reasons]);

  it('is sure of a figure written right after its name in a report', () => {
    assert.deepEqual(confidence('地区生产总值3.6万亿元、增长5.2%。'), [['gdp', 'high', []]]);
  });

  it('says when values were paired across an enumeration or shared by several names', () => {
    assert.deepEqual(confidence('社会消费品零售总额、固定资产投资增长4%；规上工业增加值、出口分别增长6%、3%。'), [
      ['retail_sales', 'low', ['多个指标共用一个数值']],
      ['fixed_asset_investment', 'high', []],
      ['industrial_value_added', 'low', ['枚举配对']],
      ['exports', 'low', ['枚举配对']],
    ]);
  });

  it('says when the year and the place come from the context of an article that is no report', () => {
    assert.deepEqual(confidence('实际使用外资9亿美元、增长4%。', '青山湖区外资稳步增长'), [['fdi_actual', 'low', ['地点由上下文推断', '年份由上下文推断']]]);
  });

  it('says when other numbers stand between a name and its value, and when a figure is a comparison', () => {
    assert.deepEqual(confidence('地区生产总值在全省100个县中排名第9，总量480亿元，增长5%，高于全国（4.8%）。', '2026年东湖区政府工作报告'), [
      ['gdp', 'low', ['数值与指标之间隔有其他数字']],
      ['gdp', 'low', ['数值与指标之间隔有其他数字', '比较句中的他地数值']],
    ]);
  });

  it('says when a target is known only from where it stands in the report, and when a name is a looser synonym', () => {
    assert.deepEqual(confidence(`${TARGETS}地区生产总值增长5%。\n扩大有效投资。全年投资增长4%左右。`), [
      ['gdp', 'high', []],
      ['fixed_asset_investment', 'low', ['指标名称为近义词', '类型由段落位置推断']],
    ]);
  });
});
