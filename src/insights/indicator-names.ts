// The names of the canonical indicators as reports write them, and which mentions of them are the
// indicator itself: 人均地区生产总值, 跨境电商进出口 or 园区规上工业增加值 name a part or a ratio, not it.
import type { IndicatorKey } from './indicator-fact.ts';
import type { ArticlePlace } from './report-place.ts';

/** A name of an indicator found in a clause. */
export interface Mention {
  indicator: IndicatorKey;
  /** The name as written (累计使用外资 says the figure is a sum). */
  name: string;
  start: number;
  end: number;
  /** The place the words before the name give (全国, 全省 → the province …); null when none is written. */
  place: string | null;
  /** A looser name (经济增长, 财政收入, 全年投资) that editors should check. */
  synonym: boolean;
  /** False when the name is part of a larger term (人均…, …比重, 对东盟进出口): it ends a figure but is none. */
  isIndicator: boolean;
}

// Longest phrasings first, so that 500万元以上固定资产投资 is one name and 出口 inside 进出口 is not exports.
const NAMES: ReadonlyArray<[RegExp, IndicatorKey, boolean]> = [
  [/(?:500|五百)万元以上固定资产投资|全社会固定资产投资|社会固定资产投资|固定资产投资/u, 'fixed_asset_investment', false],
  [/全年投资(?=[增下]|同比)/u, 'fixed_asset_investment', true],
  [/地区生产总值|(?:全省|全市|全区|全县)生产总值|GDP/u, 'gdp', false],
  [/生产总值/u, 'gdp', true],
  [/经济(?=增长(?:按|[\d.]+%))/u, 'gdp', true],
  [/社会消费品零售总额|社零总额|社零额/u, 'retail_sales', false],
  [/财政总收入/u, 'fiscal_revenue', false],
  [/财政收入/u, 'fiscal_revenue', true],
  [/地方一般公共预算收入|一般公共预算收入|地方公共财政预算收入|公共财政预算收入|(?:地方)?一般公共预算收(?=支)/u, 'local_budget_revenue', false],
  [/规模以上工业增加值|规上工业增加值|规模工业增加值/u, 'industrial_value_added', false],
  [/实际(?:利用|使用)外资(?:金额)?|累计(?:利用|使用)外资/u, 'fdi_actual', false],
  [/实际(?:利用|引进)内资|实际引进省外(?:项目)?资金|(?<=外资[^,，。；;]{0,20}、)内资/u, 'domestic_capital', false],
  [/(?:外贸|货物贸易)?进出口(?:总额|总值)?/u, 'trade_total', false],
  [/外贸出口(?:总额)?|出口总额|出口创汇|出口/u, 'exports', false],
];

// Words that may stand before a name without changing what it names: time, scope, the stating verb.
const NEUTRAL_BEFORE = /(?:(?:19|20)\d{2}年(?:的)?|全年|今年|同期|五年|其中|力争|确保|预计|包括|提出|实现|完成|推动|努力|全省上下|初步统计|地区|“|”)$/u;
// Words after a name that make it part of a larger term: a ratio, a per-unit figure, a kind of trade.
const RATIO_AFTER = /^(?:的?比重|占比|能耗|水耗|碳排放|二氧化碳|生产安全|增量|比例|强度|加工|商品|企业|额)/u;

/** The place a scope word stands for in an article about `place`. */
function placeOfScope(word: string, place: ArticlePlace): string {
  if (word === '全国') return '全国';
  if (word === '全省' && place.level !== 'province') return place.province ?? place.name;
  if (word === '全市' && (place.level === 'district' || place.level === 'county')) return place.city ?? place.name;
  return place.name;
}

/** The names a place goes by: 北京市 and 北京, 广西壮族自治区 and 广西. */
function namesOf(name: string): string[] {
  const short = name.replace(/(?:维吾尔|壮族|回族)?自治区$|[省市县]$/u, '');
  return short.length >= 2 && short !== name ? [name, short] : [name];
}

/**
 * Reads what stands before a name, back to the clause's last separator: a scope word or the name of
 * a known place (then the fact is that place's), nothing but neutral words (the article's place), or
 * anything else — a sector, a partner, a district inside the place, 人均 — and then it is no fact.
 */
function scopeBefore(before: string, place: ArticlePlace): { place: string | null; isIndicator: boolean } {
  const known = [place.name, place.city, place.province].filter((p): p is string => p !== null && p !== '');
  let rest = before;
  let stated: string | null = null;
  for (;;) {
    const scope = /(全国|全省|全市|全区|全县|本市|本区|本县)$/u.exec(rest);
    if (scope) {
      stated ??= placeOfScope(scope[1]!, place);
      rest = rest.slice(0, scope.index);
      continue;
    }
    const named = known.flatMap((p) => namesOf(p).map((n) => [n, p] as const)).find(([n]) => rest.endsWith(n));
    if (named && rest !== '') {
      stated ??= named[1];
      rest = rest.slice(0, -named[0].length);
      continue;
    }
    const neutral = NEUTRAL_BEFORE.exec(rest);
    if (neutral && neutral[0].length > 0) {
      rest = rest.slice(0, neutral.index);
      continue;
    }
    break;
  }
  return { place: stated, isIndicator: rest === '' };
}

/** Every indicator name in a clause, in order, each read with what stands before and after it. */
export function findMentions(clause: string, place: ArticlePlace): Mention[] {
  const found: Mention[] = [];
  for (const [pattern, indicator, synonym] of NAMES) {
    for (const match of clause.matchAll(new RegExp(pattern.source, 'gu'))) {
      const start = match.index!;
      const end = start + match[0].length;
      if (found.some((m) => start < m.end && end > m.start)) continue;
      const before = clause
        .slice(0, start)
        .split(/[,，、；;：:。（(]/u)
        .at(-1)!
        .trim();
      // A bare 出口 or 进出口 listed after another figure (猕猴桃产值增长8.5%、出口增长53.6%) is that item's.
      const separator = start - before.length - 1;
      const listed = clause[separator] === '、' && /^(?:进)?出口$/u.test(match[0]) && /[\d.]+\s*(?:%|％|[万亿千]*(?:美)?元)$/u.test(clause.slice(0, separator));
      const scope = scopeBefore(before, place);
      const isIndicator = scope.isIndicator && !listed && !RATIO_AFTER.test(clause.slice(end));
      found.push({ indicator, name: match[0], start, end, place: scope.place, synonym, isIndicator });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
