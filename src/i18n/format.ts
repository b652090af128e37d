// Dates, numbers, amounts and percentages as English readers expect them. Chinese texts count
// money in 万 (10^4) and 亿 (10^8); English counts in thousands, millions and billions, so an
// amount is converted to its full value and named again on the English scale.
const ENGLISH = 'en-GB';

/** The Chinese money units the texts use, with their currency and size. */
export const MONEY_UNITS = {
  元: { currency: 'CNY', factor: 1 },
  万元: { currency: 'CNY', factor: 1e4 },
  亿元: { currency: 'CNY', factor: 1e8 },
  万亿元: { currency: 'CNY', factor: 1e12 },
  美元: { currency: 'USD', factor: 1 },
  万美元: { currency: 'USD', factor: 1e4 },
  亿美元: { currency: 'USD', factor: 1e8 },
} as const;

export type MoneyUnit = keyof typeof MONEY_UNITS;

/** True for a unit formatMoney knows. */
export function isMoneyUnit(unit: string): unit is MoneyUnit {
  return Object.hasOwn(MONEY_UNITS, unit);
}

// Largest first: an amount is named in the largest word it reaches.
const SCALES = [
  { word: 'trillion', size: 1e12 },
  { word: 'billion', size: 1e9 },
  { word: 'million', size: 1e6 },
  { word: 'thousand', size: 1e3 },
] as const;

const numberFormat = (fractionDigits: number) => new Intl.NumberFormat(ENGLISH, { maximumFractionDigits: fractionDigits });
const upToThree = numberFormat(3);
const upToTwo = numberFormat(2);

/** A calendar date YYYY-MM-DD as "30 November 2026"; any other text is returned as it is. */
export function englishDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(ENGLISH, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/** A number with thousands separators and at most three decimals: 1234567.5 → "1,234,567.5". */
export function englishNumber(value: number): string {
  return upToThree.format(value);
}

/**
 * An amount in a Chinese money unit for English readers: 1 亿元 → "CNY 100 million", 12.5 亿元 →
 * "CNY 1.25 billion", 1 万元 → "CNY 10 thousand", 850 元 → "CNY 850". At most three decimals of
 * the scale word, which keeps every figure the texts print (they give at most two decimals of 亿).
 */
export function englishMoney(value: number, unit: MoneyUnit): string {
  const { currency, factor } = MONEY_UNITS[unit];
  const full = value * factor;
  // The largest word that still names at least 1 once rounded, so 999,999,999.9 reads "1 billion", not "1,000 million".
  for (const scale of SCALES) {
    const scaled = Number((full / scale.size).toFixed(3));
    if (Math.abs(scaled) >= 1) return `${currency} ${upToThree.format(scaled)} ${scale.word}`;
  }
  return `${currency} ${upToTwo.format(full)}`;
}

/** A percentage as English writes it: 8 → "8%", -2.5 → "−2.5%" (with the minus sign). */
export function englishPercent(value: number): string {
  const text = `${upToTwo.format(Math.abs(value))}%`;
  return value < 0 ? `\u2212${text}` : text;
}

/** A figure with its unit as the texts print it (亿元, %, ‰, 万人…), for English readers. */
export function englishFigure(value: number, unit: string): string {
  if (isMoneyUnit(unit)) return englishMoney(value, unit);
  if (unit === '%') return englishPercent(value);
  if (unit === '‰') return `${upToTwo.format(value)}\u2030`;
  return `${upToThree.format(value)} ${unit}`.trim();
}
