import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findQuantities, parseChineseNumeral } from './quantity.ts';
import { anyInput } from '../../test/helpers/arbitraries.ts';
import { randomSource } from '../../test/helpers/random.ts';

const DIGIT = '零一二三四五六七八九';
/** Writes n (< 10^16) in Chinese numerals as people do, independently of the parser. */
function toChinese(n: number): string {
  if (n === 0) return '零';
  const section = (x: number): string => {
    let out = '';
    let zero = false;
    for (const [unit, size] of [
      ['千', 1000],
      ['百', 100],
      ['十', 10],
      ['', 1],
    ] as const) {
      const d = Math.floor(x / size) % 10;
      if (d === 0) {
        zero = out !== '';
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += `${DIGIT[d]}${unit}`;
    }
    return out;
  };
  const parts: string[] = [];
  for (const [unit, size] of [
    ['亿', 1e8],
    ['万', 1e4],
    ['', 1],
  ] as const) {
    const chunk = Math.floor(n / size) % (unit === '亿' ? 1e8 : 1e4);
    if (chunk === 0) continue;
    const text = unit === '亿' ? toChinese(chunk) : section(chunk);
    const gap = parts.length > 0 && chunk < (unit === '' ? 1000 : 1000) ? '零' : '';
    parts.push(`${gap}${text}${unit}`);
  }
  return parts.join('');
}

describe('Chinese quantities', () => {
  it('reads Chinese numerals back as the numbers they were written from (1,000 random numbers)', () => {
    const random = randomSource(4754);
    for (let i = 0; i < 1000; i += 1) {
      const n = Math.floor(random() ** 3 * 1e12);
      assert.equal(parseChineseNumeral(toChinese(n)), n, `${n} = ${toChinese(n)}`);
    }
    for (const [text, n] of [
      ['两千零五', 2005],
      ['十二', 12],
      ['十', 10],
      ['两亿三千万', 230_000_000],
      ['三万亿', 3e12],
      ['二〇一五', 2015],
    ] as const) {
      assert.equal(parseChineseNumeral(text), n, text);
    }
    for (const text of ['abc', '十x', '']) assert.ok(Number.isNaN(parseChineseNumeral(text)), text);
  });

  it('normalises every unit to its base with the value the text states (500 random amounts)', () => {
    const units: Array<[string, number]> = [
      ['元', 1],
      ['万元', 1e4],
      ['亿元', 1e8],
      ['万亿元', 1e12],
      ['美元', 1],
      ['万美元', 1e4],
      ['亿美元', 1e8],
      ['平方米', 1],
      ['万平米', 1e4],
      ['平方公里', 1e6],
      ['人', 1],
      ['个', 1],
      ['项', 1],
      ['家', 1],
    ];
    const random = randomSource(32100);
    for (let i = 0; i < 500; i += 1) {
      const value = Math.round(random() * 1e6) / 100;
      const [unit, factor] = units[Math.floor(random() * units.length)]!;
      const [quantity, ...rest] = findQuantities(`全年完成${value}${unit},同比`);
      assert.equal(rest.length, 0);
      assert.equal(quantity?.value, value);
      assert.equal(quantity?.unit, unit);
      assert.ok(Math.abs(quantity!.base - value * factor) <= 1e-6 * value * factor, `${value}${unit}`);
    }
  });

  it('keeps qualifiers and ranges as the text gives them', () => {
    const cases: Array<[string, number, number | undefined, string, string | undefined]> = [
      ['总投资规模超百亿元', 100, undefined, '亿元', '超'],
      ['总投资近50亿元', 50, undefined, '亿元', '近'],
      ['约110亿元', 110, undefined, '亿元', '约'],
      ['总投资9000余万元', 9000, undefined, '万元', '余'],
      ['逾3000家企业', 3000, undefined, '家', '逾'],
      ['突破1.2万亿元', 1.2, undefined, '万亿元', '突破'],
      ['增长5%-5.5%', 5, 5.5, '%', undefined],
      ['增长6%左右', 6, undefined, '%', '左右'],
      ['增长６％以上', 6, undefined, '%', '以上'],
      ['控制在5.33‰以内', 5.33, undefined, '‰', '以内'],
      ['提高1个百分点', 1, undefined, '个百分点', undefined],
      ['签约项目总投资额超千亿元', 1000, undefined, '亿元', '超'],
    ];
    for (const [text, value, upTo, unit, qualifier] of cases) {
      const [quantity] = findQuantities(text);
      assert.deepEqual([quantity?.value, quantity?.upTo, quantity?.unit, quantity?.qualifier], [value, upTo, unit, qualifier], text);
    }
  });

  it('finds each figure of an enumeration in order', () => {
    const found = findQuantities('地区生产总值429亿元、固定资产投资137亿元、社会消费品零售总额240亿元,同比分别增长8%、16%、5.5%');
    assert.deepEqual(
      found.map((q) => `${q.value}${q.unit}`),
      ['429亿元', '137亿元', '240亿元', '8%', '16%', '5.5%'],
    );
  });

  it('never throws on any text, and every figure it reads is finite (fast-check)', () => {
    fc.assert(
      fc.property(anyInput(300), (text) => {
        for (const quantity of findQuantities(text)) {
          for (const number of [quantity.value, quantity.base, quantity.upTo ?? 0]) assert.ok(Number.isFinite(number), `${quantity.text}: ${number}`);
          assert.ok(quantity.text.length > 0 && quantity.index >= 0);
        }
        const numeral = parseChineseNumeral(text);
        assert.ok(Number.isNaN(numeral) || Number.isFinite(numeral));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads an amount written in Arabic or Chinese numerals back inside any words (fast-check)', () => {
    const units: Array<[string, number]> = [
      ['元', 1],
      ['万元', 1e4],
      ['亿元', 1e8],
      ['美元', 1],
      ['亿美元', 1e8],
      ['平方米', 1],
      ['平方公里', 1e6],
      ['家', 1],
      ['个百分点', 1],
      ['%', 1],
    ];
    // Words that are neither numerals nor units nor qualifiers, so the figure stands alone.
    const words = fc.string({ unit: fc.constantFrom(...'全年完成投资同比增长的和在本市区县招商引资签约落地'), maxLength: 12 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.boolean(), fc.constantFrom(...units), words, words, (n, chinese, [unit, factor], before, after) => {
        // Nobody writes 一亿万元: a numeral before a scaled unit has no 万 or 亿 of its own.
        fc.pre(!(chinese && /^[万亿]/u.test(unit) && /[万亿]/u.test(toChinese(n))));
        const [quantity, ...rest] = findQuantities(`${before}${chinese ? toChinese(n) : n}${unit}${after}`);
        assert.equal(rest.length, 0);
        assert.equal(quantity?.base, n * factor);
        // A numeral ending in 万 or 亿 lends it to the unit (一万元 is 1 万元), as 百亿元 reads.
        if (!chinese) assert.deepEqual([quantity.value, quantity.unit], [n, unit]);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads no figure from a run of digits or numerals longer than any figure', () => {
    // 400 digits were read as Infinity 元; 60 个亿 too.
    for (const text of [`${'1'.repeat(400)}元`, `${'9'.repeat(40)}亿元`, `一${'亿'.repeat(60)}元`, `增长1.${'5'.repeat(400)}%`]) {
      assert.deepEqual(findQuantities(text), [], text.slice(0, 12));
    }
    assert.ok(Number.isNaN(parseChineseNumeral('亿'.repeat(100_000))), 'no recursion a character deep');
    assert.deepEqual(
      findQuantities(`${'1'.repeat(40)} 共5亿元`).map((q) => q.value),
      [5],
      'figures after such a run are still read',
    );
  });
});
