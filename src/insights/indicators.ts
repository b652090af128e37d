// Economic indicators read out of government work reports and similar texts: each canonical
// indicator with its value, growth, year and kind (actual results or targets), and the sentence
// it came from.
import { findQuantities, type Quantity } from '../text/quantity.ts';

import type { IndicatorFact, IndicatorKey } from './indicator-fact.ts';

export type { IndicatorFact, IndicatorKey } from './indicator-fact.ts';

// Longest phrasings first, so 500万元以上固定资产投资 is not read as 固定资产投资 plus 500万元.
const NAMES: ReadonlyArray<[RegExp, IndicatorKey]> = [
  [/(?:500|五百)万元以上固定资产投资|社会固定资产投资|全社会固定资产投资|固定资产投资/u, 'fixed_asset_investment'],
  [/地区生产总值|GDP/u, 'gdp'],
  [/社会消费品零售总额/u, 'retail_sales'],
  [/财政总收入/u, 'fiscal_revenue'],
  [/地方公共财政预算收入|一般公共预算收入|地方一般公共预算收入|公共财政预算收入/u, 'local_budget_revenue'],
  [/规模以上工业增加值|规上工业增加值/u, 'industrial_value_added'],
  [/实际利用外资|实际使用外资/u, 'fdi_actual'],
  [/实际利用内资|实际引进内资|(?<=外资[^,,;；。]{0,20}、)内资/u, 'domestic_capital'],
  [/出口创汇|出口总额|外贸出口/u, 'exports'],
];

interface Mention {
  indicator: IndicatorKey;
  start: number;
  end: number;
}

function mentionsIn(clause: string): Mention[] {
  const found: Mention[] = [];
  for (const [pattern, indicator] of NAMES) {
    for (const match of clause.matchAll(new RegExp(pattern.source, 'gu'))) {
      const start = match.index!;
      const end = start + match[0].length;
      // A shorter name inside a longer one already found (固定资产投资 in 社会固定资产投资) is the same mention.
      if (found.some((m) => start < m.end && end > m.start)) continue;
      found.push({ indicator, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const MONEY = new Set(['money_cny', 'money_usd']);
const TARGET_LEAD = /预期目标|主要目标|目标是|目标为|奋斗目标/u;
const GROWTH_WORD = /(增长|增速|下降|减少|回落)/u;

/** The report year of a text: 2015 for 《2015年东湖区政府工作报告》, else the first year in the title. */
export function reportYearOf(title: string, body: string): number | undefined {
  const report = /((?:19|20)\d{2})年[^。]{0,20}政府工作报告/u.exec(`${title}。${body.slice(0, 200)}`);
  if (report) return Number(report[1]);
  // A report dated in its opening line: ——2015年1月15日在…人民代表大会上.
  const dated = /政府工作报告/u.test(title) ? /((?:19|20)\d{2})年\d{1,2}月\d{1,2}日/u.exec(body.slice(0, 200)) : null;
  if (dated) return Number(dated[1]);
  const any = /((?:19|20)\d{2})年/u.exec(title);
  return any ? Number(any[1]) : undefined;
}

/** Growth and stretch of one indicator's part of a clause: 增长8%; 增长确保8%,力争9%; 增长5%-5.5%. */
function growthOf(text: string, percents: Quantity[]): { growth: number | null; stretch: number | null } {
  const word = GROWTH_WORD.exec(text);
  if (!word) return { growth: null, stretch: null };
  const after = percents.filter((q) => q.index > word.index);
  if (after.length === 0) return { growth: null, stretch: null };
  const sign = /下降|减少|回落/u.test(word[1]!) ? -1 : 1;
  const first = after[0]!;
  const stretchText = /力争/u.exec(text);
  const stretch = stretchText ? after.find((q) => q.index > stretchText.index && q !== first) : undefined;
  return { growth: sign * first.value, stretch: stretch ? sign * stretch.value : first.upTo !== undefined ? sign * first.upTo : null };
}

// Until the #12 reader is merged: every figure is the caller's place's, and none is sure.
const UNRATED = { period: null, qualifier: null, confidence: { level: 'low' as const, reasons: ['识别规则未评估把握程度'] } };

/** Every canonical indicator fact in a text, attributed to `place` (the article's place). */
export function extractIndicators(title: string, body: string, place = '南昌市'): IndicatorFact[] {
  const reportYear = reportYearOf(title, body);
  const isReport = /政府工作报告/u.test(title) || /政府工作报告/u.test(body.slice(0, 200));
  const facts: IndicatorFact[] = [];
  for (const sentence of body.split(/(?<=[。！？!?])/u)) {
    const lead = TARGET_LEAD.exec(sentence);
    let offset = 0;
    for (const rawClause of sentence.split(/(?<=[；;])/u)) {
      const clauseStart = offset;
      offset += rawClause.length;
      const clause = rawClause.replace(/[；;]$/u, '').trim();
      const mentions = mentionsIn(clause);
      if (mentions.length === 0) continue;
      const target = (lead !== null && clauseStart + rawClause.length > lead.index + lead[0].length) || /确保|力争/u.test(clause);
      const quantities = findQuantities(clause);
      const defaultYear = reportYear === undefined ? null : isReport && !target ? reportYear - 1 : reportYear;
      // Results name their year when it is not the default: the last year written before the figure.
      const yearBefore = (position: number) => {
        if (target) return defaultYear;
        const years = [...clause.slice(0, position).matchAll(/((?:19|20)\d{2})年/gu)];
        return years.length > 0 ? Number(years.at(-1)![1]) : defaultYear;
      };
      const base = { ...UNRATED, place, kind: target ? ('target' as const) : ('actual' as const), sentence: clause.slice(clause.search(/[:：]/u) + 1 || 0).replace(/[。！？!?]$/u, '').trim() };

      // An enumeration: A 429亿元、B 137亿元、C 240亿元,同比分别增长8%、16%、5.5%.
      const respectively = /分别(增长|下降)/u.exec(clause);
      if (respectively && mentions.length > 1) {
        const before = quantities.filter((q) => q.index < respectively.index && MONEY.has(q.dimension));
        const growths = quantities.filter((q) => q.index > respectively.index && q.dimension === 'percent');
        const sign = respectively[1] === '下降' ? -1 : 1;
        mentions.forEach((mention, i) => {
          const next = mentions[i + 1]?.start ?? respectively.index;
          const value = before.find((q) => q.index >= mention.end && q.index < next);
          const growth = growths[i];
          if (!value && !growth) return;
          facts.push({ indicator: mention.indicator, ...base, year: yearBefore(mention.start), value: value?.value ?? null, unit: value?.unit ?? null, growth: growth ? sign * growth.value : null, stretch: null });
        });
        continue;
      }

      mentions.forEach((mention, i) => {
        const end = mentions[i + 1]?.start ?? clause.length;
        const part = clause.slice(mention.end, end);
        const inPart = quantities.filter((q) => q.index >= mention.end && q.index < end).map((q) => ({ ...q, index: q.index - mention.end }));
        const growthWord = GROWTH_WORD.exec(part);
        const money = inPart.filter((q) => MONEY.has(q.dimension) && (growthWord === null || q.index < growthWord.index));
        // 继…迈上30亿元、40亿元台阶后…达到53.14亿元,同比增长: the figure nearest the growth is this year's.
        const value = growthWord ? money.at(-1) : money[0];
        const { growth, stretch } = growthOf(part, inPart.filter((q) => q.dimension === 'percent'));
        if (!value && growth === null) return;
        facts.push({ indicator: mention.indicator, ...base, year: yearBefore(mention.end + (value?.index ?? 0)), value: value?.value ?? null, unit: value?.unit ?? null, growth, stretch });
      });
    }
  }
  return facts;
}
