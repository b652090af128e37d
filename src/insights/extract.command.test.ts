import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFromText } from './extract.command.ts';

describe('zhaoshang extract on a report the portal has never seen', () => {
  it('attributes a province’s figures to that province, with kind, period, qualifier and confidence', () => {
    const [article] = extractFromText(
      '2026年浙江省政府工作报告\n全省生产总值增长5.5%。“十四五”时期，全省生产总值年均增长5.9%。\n今年经济社会发展主要预期目标是：全省生产总值增长5%左右。',
    );
    assert.equal(article!.place, '浙江省');
    assert.deepEqual(
      article!.indicators.map((f) => [f.indicator, f.place, f.channel, f.kind, f.year, f.period, f.growth, f.qualifier, f.confidence.level]),
      [
        ['gdp', '浙江省', null, 'actual', 2025, null, 5.5, null, 'high'],
        ['gdp', '浙江省', null, 'period_average', null, '2021-2025', 5.9, null, 'high'],
        ['gdp', '浙江省', null, 'target', 2026, null, 5, '左右', 'high'],
      ],
    );
  });

  it('names the portal channel when the place is one', () => {
    const [article] = extractFromText('2026年青山湖区政府工作报告\n全区地区生产总值912亿元、增长5.3%；全省地区生产总值增长5.1%。');
    assert.deepEqual(
      article!.indicators.map((f) => [f.place, f.channel]),
      [
        ['青山湖区', 'qingshanhu'],
        ['江西省', null],
      ],
    );
  });
});
