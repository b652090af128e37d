// Chinese quantities as government texts write them: 429亿元, 13100万美元, 超百亿元, 近50亿元,
// 增长5%-5.5%, 5.33‰, 1个百分点, 两千余家. Each is read into a number in the unit the text states,
// the same number in a base unit, and the qualifier the text puts on it.

/** A qualifier that makes a figure approximate or a bound; kept as the text says it. */
export type Qualifier = '约' | '近' | '超' | '逾' | '余' | '以上' | '突破' | '左右' | '以内';

/** The kind of thing a unit measures. */
export type Dimension = 'money_cny' | 'money_usd' | 'area' | 'count' | 'percent' | 'permille' | 'percentage_points';

/** A quantity read from text. */
export interface Quantity {
  /** The number in the unit the text states (429 for 429亿元). */
  value: number;
  /** Upper end of a range (5.5 for 5%-5.5%), otherwise undefined. */
  upTo?: number | undefined;
  unit: string;
  dimension: Dimension;
  /** The value in the dimension's base unit: 元, 美元, 平方米, 1, percent. */
  base: number;
  qualifier: Qualifier | undefined;
  /** The text it was read from, and where. */
  text: string;
  index: number;
}

// A figure has at most this many characters. Unbounded runs made the scan quadratic (20,000 digits
// without a unit took half a minute) and very long numerals overflow to Infinity.
const MAX_NUMBER_CHARS = 32;
const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** A number below 10,000 in Chinese numerals (三千零五, 十二, 百). */
function belowTenThousand(text: string): number {
  let total = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in DIGITS) digit = DIGITS[char]!;
    else {
      total += (digit ?? 1) * SMALL_UNITS[char]!;
      digit = undefined;
    }
  }
  return total + (digit ?? 0);
}

/**
 * A number written in Chinese numerals (一百二十三, 两千零五, 两亿三千万, 三万亿, 二〇一五 read
 * digit by digit), or NaN when `text` is not one or is longer than any figure is written.
 */
export function parseChineseNumeral(text: string): number {
  if (text === '' || text.length > MAX_NUMBER_CHARS || ![...text].every((c) => c in DIGITS || c in SMALL_UNITS || c in BIG_UNITS)) return Number.NaN;
  if ([...text].every((c) => c in DIGITS) && text.length > 1) return Number([...text].map((c) => DIGITS[c]).join(''));
  const split = (big: string, factor: number, below: (part: string) => number): number => {
    const at = text.lastIndexOf(big);
    return at < 0
      ? below(text)
      : parseChineseNumeral(text.slice(0, at) || '一') * factor + (at + 1 < text.length ? parseChineseNumeral(text.slice(at + 1)) : 0);
  };
  if (text.includes('亿')) return split('亿', 1e8, belowTenThousand);
  if (text.includes('万')) return split('万', 1e4, belowTenThousand);
  return belowTenThousand(text);
}

/** Units: what they measure and how many base units one of them is. */
const UNITS: ReadonlyArray<[string, Dimension, number]> = [
  ['万亿元', 'money_cny', 1e12],
  ['亿美元', 'money_usd', 1e8],
  ['万美元', 'money_usd', 1e4],
  ['美元', 'money_usd', 1],
  ['亿元', 'money_cny', 1e8],
  ['万元', 'money_cny', 1e4],
  ['元', 'money_cny', 1],
  ['平方公里', 'area', 1e6],
  ['万平方米', 'area', 1e4],
  ['万平米', 'area', 1e4],
  ['平方米', 'area', 1],
  ['平米', 'area', 1],
  ['万亩', 'area', 1e4 * 666.6667],
  ['亩', 'area', 666.6667],
  ['个百分点', 'percentage_points', 1],
  ['百分点', 'percentage_points', 1],
  ['%', 'percent', 1],
  ['‰', 'permille', 0.1],
  ['万人', 'count', 1e4],
  ['人', 'count', 1],
  ['万家', 'count', 1e4],
  ['家', 'count', 1],
  ['个', 'count', 1],
  ['项', 'count', 1],
];

// The lookbehinds keep a run longer than a figure from being read from its middle.
const NUMERAL = '〇零一二两三四五六七八九十百千万亿';
const NUMBER = `(?:(?<![\\d,.])\\d[\\d,]{0,${MAX_NUMBER_CHARS - 1}}(?:\\.\\d{1,16})?|(?<![\\d${NUMERAL}])[${NUMERAL}]{1,${MAX_NUMBER_CHARS}})`;
const UNIT = UNITS.map(([unit]) => unit).join('|');
const PREFIX = '(约|近|超过|超|逾|突破|达到|达)?';
const QUANTITY = new RegExp(`${PREFIX}(${NUMBER})(余|多)?(?:\\s*[-—~～至到]\\s*(${NUMBER}))?\\s*(万亿|亿|万|千)?(${UNIT})(以上|左右|以内)?`, 'gu');

function numberOf(text: string): number {
  return /\d/u.test(text) ? Number(text.replace(/,/gu, '')) : parseChineseNumeral(text);
}

/** Every quantity in `text`, in order; full-width digits and signs count (positions are in the NFKC form). */
export function findQuantities(text: string): Quantity[] {
  const source = text.normalize('NFKC');
  const found: Quantity[] = [];
  for (const match of source.matchAll(QUANTITY)) {
    const [whole, prefix, , more, second, , unitText, suffix] = match;
    let [first, scale] = [match[2]!, match[5]];
    // 百亿元, 千亿元: the last 亿 or 万 of a Chinese numeral is the scale of the unit.
    const trailing = /^([〇零一二两三四五六七八九十百千]+)(万亿|亿|万)$/u.exec(first);
    if (!scale && trailing) [first, scale] = [trailing[1]!, trailing[2]];
    const value = numberOf(first);
    const upTo = second === undefined ? undefined : numberOf(second);
    if (Number.isNaN(value) || (upTo !== undefined && Number.isNaN(upTo))) continue;
    const scaleFactor = scale ? { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 }[scale]! : 1;
    const unitEntry = UNITS.find(([unit]) => unit === unitText)!;
    // A scale word belongs to the unit the text states (50亿 + 元 = 50 亿元).
    const statedUnit = scale ? `${scale}${unitText}` : unitText!;
    const known = UNITS.find(([unit]) => unit === statedUnit);
    const [unit, dimension, perUnit] = known ?? [statedUnit, unitEntry[1], unitEntry[2] * scaleFactor];
    const qualifier = qualifierOf(prefix, more, suffix);
    found.push({ value, upTo, unit, dimension, base: value * perUnit, qualifier, text: whole!, index: match.index! });
  }
  return mergeRanges(found, source);
}

function qualifierOf(prefix: string | undefined, more: string | undefined, suffix: string | undefined): Qualifier | undefined {
  if (more) return '余';
  if (suffix === '以上' || suffix === '左右' || suffix === '以内') return suffix;
  if (prefix === '超过') return '超';
  if (prefix === '约' || prefix === '近' || prefix === '超' || prefix === '逾' || prefix === '突破') return prefix;
  return undefined;
}

/** Joins "5%-5.5%" (two matches with a dash between) into one range. */
function mergeRanges(found: Quantity[], source: string): Quantity[] {
  const merged: Quantity[] = [];
  for (const quantity of found) {
    const previous = merged.at(-1);
    const between = previous ? source.slice(previous.index + previous.text.length, quantity.index) : '';
    if (previous && previous.upTo === undefined && previous.unit === quantity.unit && /^\s*[-—~～至到]\s*$/u.test(between)) {
      previous.upTo = quantity.value;
      previous.text = source.slice(previous.index, quantity.index + quantity.text.length);
      continue;
    }
    merged.push(quantity);
  }
  return merged;
}
