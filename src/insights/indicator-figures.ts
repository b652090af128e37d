// The figures a report states for one indicator, read from the words after its name: the level
// (429亿元; 从X提高到Y → Y; 突破A、达B → B), the growth (增长8%; 增长确保8%、力争9%; 5%—5.5%; 年均增长),
// the words attached to them (左右, 以上, 突破, 力争, 预计) and growth figures of other places quoted
// for comparison (增速高于全国（5.0%）).
import type { FactQualifier } from './indicator-fact.ts';
import { findQuantities, type Quantity } from '../text/quantity.ts';

/** The level of an indicator as a segment states it. */
export interface Level {
  /** Where the figures this reading passes over on purpose start: the base of 从X到Y, the threshold of 突破A、达B. */
  expectedBefore?: number;
  value: number;
  unit: string;
  qualifier: FactQualifier | null;
  /** The year written with the level (增长到2025年的4.93万亿元; 到2030年…迈上4万亿元台阶), if any. */
  year: number | null;
  /** A milestone with a year ahead (力争到2030年…迈上4万亿元新台阶): a target for that year. */
  milestone: boolean;
  /** 累计 stands before it: a sum over a plan period. */
  cumulative: boolean;
  /** A verb of reaching a level (达到, 突破, 增至 …) stands before it. */
  reached: boolean;
  index: number;
}

/** How a growth figure spans time. */
export type GrowthSpan = 'year' | 'average' | 'plan' | 'other';

/** The growth of an indicator as a segment states it. */
export interface Growth {
  value: number;
  stretch: number | null;
  qualifier: FactQualifier | null;
  span: GrowthSpan;
  index: number;
}

/** Everything a segment states about one indicator. */
export interface Figures {
  level: Level | null;
  growth: Growth | null;
  /** Other places' growth quoted beside this one: 高于全国（5.0%）和全省（5.1%）. */
  compared: Array<{ scope: string; growth: number }>;
  /** Numbers between the name and the figures taken (a sign the pairing may be wrong). */
  skippedNumbers: boolean;
  /** 力争 or 确保 written with the figures. */
  aspiration: boolean;
  /** 力争 alone (no 确保) written with the figures. */
  striveOnly: boolean;
  estimate: boolean;
}

// 力争 and 确保 of a target (努力争取更好结果 is a phrase of every report, not a stretch).
export const ASPIRATION = /(?<!努)力争|确保/u;
const MONEY = new Set(['money_cny', 'money_usd']);
const LEVEL_VERB = /达到?|突破|超过?|增至|增长到|提高到|增加到|完成/u;
// A money figure that is not the indicator's level: an increment, a second currency, a threshold
// passed on the way (迈上…台阶, …大关), a per-head or per-unit figure.
const NOT_LEVEL_BEFORE = /(?:增加|增量|折合|人均|比上年多|多)(?:超过|超|近|约)?$/u;
// The later figure of a list of thresholds (接连突破8万亿元、9万亿元), written with no verb of its own.
const LIST_BEFORE = /[\d.]+[万亿千]*(?:美元|元)[、和]$/u;
// 迈上30亿元、40亿元台阶: every figure of a list of thresholds.
const MILESTONE_AFTER = /^(?:(?:[、和][\d.]+[万亿千]*(?:美元|元))*(?:新)?(?:台阶|大关|级)|(?:[、和][\d.]+[万亿千]*(?:美元|元))+)/u;
const GROWTH =
  /(年均)?(?:同比|同口径|比上年|按)?(增长|增速|增幅|下降|减少|回落)(?:为|了|达到?)?(确保|力争|约)?(?=[\d.]+\s*(?:[-—~～至]\s*[\d.]+)?\s*(?:%|％))/gu;

function qualifierOf(q: Quantity): FactQualifier | null {
  switch (q.qualifier) {
    case '超':
    case '逾':
    case '以上':
      return '以上';
    case '突破':
    case '左右':
    case '以内':
      return q.qualifier;
    default:
      return null;
  }
}

/** The level among the money figures of a segment. */
function levelIn(text: string, quantities: Quantity[], lead: string): Level | null {
  // 突破万亿元 reads as the numeral 万亿 of 元; it is read below as 1 万亿元.
  const money = quantities.filter((q) => MONEY.has(q.dimension) && !/^(?:约|近|超过|超|逾|突破|达到|达)?[万千]亿/u.test(q.text));
  // 从3.68万亿元增长到2025年的4.93万亿元, 由318.7亿元增至438.6亿元: the level reached.
  for (const q of money) {
    const before = text.slice(0, q.index);
    const reached = /(?:提高|增长|增加|增|上升|扩大|提升)(?:到|至)((?:19|20)\d{2})?年?的?$/u.exec(before);
    if (reached && /[从由]/u.test(before))
      return {
        expectedBefore: q.index,
        value: q.value,
        unit: q.unit,
        qualifier: null,
        year: reached[1] ? Number(reached[1]) : null,
        milestone: false,
        cumulative: false,
        reached: true,
        index: q.index,
      };
  }
  // The base of a change (从X…) is not a level.
  const candidates = money.filter((q) => {
    const before = text.slice(0, q.index);
    return (
      !NOT_LEVEL_BEFORE.test(before) &&
      !(LIST_BEFORE.test(before) && /^[\d.]/u.test(q.text)) &&
      !/[从由](?:(?:19|20)\d{2}年的?)?$/u.test(before) &&
      !/比(?:(?:19|20)\d{2}年)?$/u.test(before)
    );
  });
  // 突破A、达B: A is a threshold passed, B the level.
  for (const [i, q] of candidates.entries()) {
    const next = candidates[i + 1];
    const between = next ? text.slice(q.index + q.text.length, next.index) : '';
    if (next && q.qualifier === '突破' && /^(?:大关)?[、，,]?(?:达到?|为)/u.test(between + next.text))
      return {
        expectedBefore: next.index,
        value: next.value,
        unit: next.unit,
        qualifier: null,
        year: null,
        milestone: false,
        cumulative: false,
        reached: true,
        index: next.index,
      };
  }
  for (const q of candidates) {
    const after = text.slice(q.index + q.text.length);
    const before = text.slice(0, q.index);
    const cumulative = /累计/u.test(before);
    const reached = LEVEL_VERB.test(`${before.slice(-4)}${q.text.slice(0, 2)}`);
    if (MILESTONE_AFTER.test(after)) {
      // 迈上6万亿元台阶 is a milestone; only one set for a year ahead (到2030年…) is a figure.
      const year = /到((?:19|20)\d{2})年/u.exec(`${lead}${before}`);
      if (year) return { value: q.value, unit: q.unit, qualifier: null, year: Number(year[1]), milestone: true, cumulative, reached, index: q.index };
      continue;
    }
    return { value: q.value, unit: q.unit, qualifier: qualifierOf(q), year: null, milestone: false, cumulative, reached, index: q.index };
  }
  // 突破万亿元: the figure is one of the unit.
  const bare = /^(?:[^\d，,、]{0,4})(突破|超过|超)(万亿|千亿)(美元|元)/u.exec(text);
  if (bare && !MILESTONE_AFTER.test(text.slice(bare.index + bare[0].length))) {
    return {
      value: 1,
      unit: `${bare[2]}${bare[3]}`,
      qualifier: bare[1] === '突破' ? '突破' : '以上',
      year: null,
      milestone: false,
      cumulative: /累计/u.test(bare[0]),
      reached: true,
      index: bare.index,
    };
  }
  return null;
}

/** The growth figure of a segment, with its stretch, qualifier and the span it covers. */
function growthIn(text: string, quantities: Quantity[]): Growth | null {
  const percents = quantities.filter((q) => q.dimension === 'percent');
  for (const word of text.matchAll(GROWTH)) {
    const at = word.index! + word[0].length;
    const first = percents.find((q) => q.index === at);
    if (!first) continue;
    const sign = /下降|减少|回落/u.test(word[2]!) ? -1 : 1;
    const before = text.slice(0, word.index);
    let span: GrowthSpan = word[1] ? 'average' : 'year';
    // 5年增长18.7%, 比“十三五”时期增长71%: over a plan; 3年增长58.6%: over another span.
    const years = /([\d一二三四五六七八九十]+)年$/u.exec(before);
    if (years) span = ['5', '五'].includes(years[1]!) ? 'plan' : 'other';
    if (/比“?十[一二三四五六七八九]五”?(?:时期|期间)?$/u.test(before)) span = 'plan';
    // 确保8%、力争9%: the stretch; 5%—5.5%: the top of the range.
    const rest = text.slice(at + first.text.length);
    const striven = /^[、，,]?(?:力争)(?:增长)?(?=[\d.]+%)/u.exec(rest);
    const stretchQuantity = striven ? percents.find((q) => q.index === at + first.text.length + striven[0].length) : undefined;
    const stretch = stretchQuantity ? stretchQuantity.value : (first.upTo ?? null);
    const qualifier = stretch !== null || word[3] === '确保' ? null : qualifierOf(first);
    return { value: sign * first.value, stretch: stretch === null ? null : sign * stretch, qualifier, span, index: word.index! };
  }
  return null;
}

/** The figures stated in a segment (the words after an indicator's name). */
export function readFigures(text: string, lead = ''): Figures {
  const quantities = findQuantities(text);
  const level = levelIn(text, quantities, lead);
  const growth = growthIn(text, quantities);
  const compared: Figures['compared'] = [];
  for (const match of text.matchAll(/(?:高于|低于|快于|慢于|[和、])(全国|全省|全市)[（(]([\d.]+)%[）)]/gu))
    compared.push({ scope: match[1]!, growth: Number(match[2]) });
  const taken = [level?.index, growth?.index].filter((i): i is number => i !== undefined);
  const firstTaken = taken.length > 0 ? Math.min(...taken) : 0;
  // Numbers before the figures taken; when the level's own pattern names a base or a threshold
  // (从X到Y, 突破A、达B), the numbers before it are those.
  const skippedNumbers = quantities.some((q) => q.index < firstTaken && q.index < (level?.expectedBefore === undefined ? firstTaken : -1));
  return {
    level,
    growth,
    compared,
    skippedNumbers,
    aspiration: ASPIRATION.test(text),
    striveOnly: /(?<!努)力争/u.test(text) && !/确保/u.test(text),
    estimate: /预计/u.test(text),
  };
}
