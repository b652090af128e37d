import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffLine, diffText, diffTokens } from './revision-diff.ts';

const marked = (parts: ReturnType<typeof diffLine>['older']) =>
  parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'deleted' ? `[-${p.text}]` : `[+${p.text}]`)).join('');

describe('revision diff', () => {
  it('splits Chinese into characters and keeps Latin words and numbers whole', () => {
    assert.deepEqual(diffTokens('东湖区GDP增长8.5%'), ['东', '湖', '区', 'GDP', '增', '长', '8', '.', '5', '%']);
    assert.deepEqual(diffTokens('new park, 园区'), ['new', ' ', 'park', ',', ' ', '园', '区']);
  });

  it('marks only the changed characters of a Chinese line', () => {
    const cases: Array<[older: string, newer: string, left: string, right: string]> = [
      ['首批入驻十家企业', '首批入驻二十家企业', '首批入驻十家企业', '首批入驻[+二]十家企业'],
      ['投资五亿元建设园区', '投资八亿元建设园区', '投资[-五]亿元建设园区', '投资[+八]亿元建设园区'],
      ['签约仪式在东湖区举行', '签约仪式举行', '签约仪式[-在东湖区]举行', '签约仪式举行'],
      ['Phase one opens', 'Phase two opens', 'Phase [-one] opens', 'Phase [+two] opens'],
    ];
    for (const [older, newer, left, right] of cases) {
      const line = diffLine(older, newer);
      assert.equal(marked(line.older), left, older);
      assert.equal(marked(line.newer), right, newer);
    }
  });

  it('pairs a changed paragraph with its replacement and shows added and removed lines on one side only', () => {
    const rows = diffText('概况\n首批入驻十家企业\n旧段落\n结尾', '概况\n首批入驻二十家企业\n结尾\n新段落');
    assert.deepEqual(
      rows.map((row) => [row.older && marked(row.older), row.newer && marked(row.newer), row.changed]),
      [
        ['概况', '概况', false],
        ['首批入驻十家企业', '首批入驻[+二]十家企业', true],
        ['[-旧段落]', null, true],
        ['结尾', '结尾', false],
        [null, '[+新段落]', true],
      ],
    );
  });

  it('finds no change between equal texts', () => {
    assert.ok(diffText('一\n二', '一\n二').every((row) => !row.changed));
  });
});
