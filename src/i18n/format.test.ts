// English formatting of dates, numbers, amounts and percentages: a table of the cases the texts
// hold, and properties over any amount.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { englishDate, englishFigure, englishMoney, englishNumber, englishPercent, MONEY_UNITS, type MoneyUnit } from './format.ts';

describe('English formatting', () => {
  it('formats the amounts the texts print', () => {
    const table: Array<[number, MoneyUnit, string]> = [
      [1, '亿元', 'CNY 100 million'],
      [12.5, '亿元', 'CNY 1.25 billion'],
      [58.2, '亿元', 'CNY 5.82 billion'],
      [1234.56, '亿元', 'CNY 123.456 billion'],
      [0.5, '亿元', 'CNY 50 million'],
      [1, '万元', 'CNY 10 thousand'],
      [3000.25, '万元', 'CNY 30.003 million'],
      [50_000.5, '万元', 'CNY 500.005 million'],
      [100_000_000, '万元', 'CNY 1 trillion'],
      [850, '元', 'CNY 850'],
      [1500, '元', 'CNY 1.5 thousand'],
      [2.3, '亿美元', 'USD 230 million'],
      [4500, '万美元', 'USD 45 million'],
      [1.2, '万亿元', 'CNY 1.2 trillion'],
      [-3, '亿元', 'CNY -300 million'],
      [0, '亿元', 'CNY 0'],
      // Rounding at the scale never shows 1,000 of it: the next word instead.
      [9.999_999, '亿元', 'CNY 1 billion'],
    ];
    for (const [value, unit, expected] of table) assert.equal(englishMoney(value, unit), expected, `${value}${unit}`);
  });

  it('formats dates, numbers, percentages and other units', () => {
    assert.equal(englishDate('2026-11-30'), '30 November 2026');
    assert.equal(englishDate('2025-01-05'), '5 January 2025');
    assert.equal(englishDate('not a date'), 'not a date');
    assert.equal(englishNumber(1234567.5), '1,234,567.5');
    assert.equal(englishNumber(0.12345), '0.123');
    assert.equal(englishPercent(8), '8%');
    assert.equal(englishPercent(-2.5), '\u22122.5%');
    assert.equal(englishFigure(7.5, '%'), '7.5%');
    assert.equal(englishFigure(5.2, '‰'), '5.2\u2030');
    assert.equal(englishFigure(12.5, '亿元'), 'CNY 1.25 billion');
    assert.equal(englishFigure(3200, '万人'), '3,200 万人');
  });

  it('an amount reads back as its value within rounding, on a scale from 1 to under 1,000 of its word', () => {
    const words: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
    const units = Object.keys(MONEY_UNITS) as MoneyUnit[];
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.constantFrom(...units), (value, unit) => {
        const text = englishMoney(value, unit);
        const match = /^(CNY|USD) ([\d,.]+)(?: (thousand|million|billion|trillion))?$/.exec(text);
        assert.ok(match, text);
        assert.equal(match[1], MONEY_UNITS[unit].currency);
        const shown = Number(match[2]!.replaceAll(',', ''));
        const size = match[3] ? words[match[3]]! : 1;
        const full = value * MONEY_UNITS[unit].factor;
        if (match[3]) {
          assert.ok(shown >= 1 && (shown < 1000 || match[3] === 'trillion'), `${text}: 1 ≤ figure < 1,000`);
          assert.ok(Math.abs(shown * size - full) <= 0.0005 * size + 1e-9 * full, `${text} ≈ ${full}`);
        } else {
          assert.ok(full < 999.9995, `${text}: under a thousand`);
          assert.ok(Math.abs(shown - full) <= 0.005 + 1e-9, `${text} ≈ ${full}`);
        }
      }),
    );
  });

  it('any calendar date reads as day, month name and year', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [year, month, day] = iso.split('-').map(Number);
        const text = englishDate(iso);
        const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
        assert.equal(text, `${day} ${months[month! - 1]} ${year}`);
      }),
    );
  });
});
