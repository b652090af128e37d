// Economic indicators read out of government work reports and similar texts: each canonical
// indicator with the place it describes, whether it is a result, a target or a figure over a plan
// period, its value, growth and qualifier, how sure the reading is, and the sentence it came from.
//
// The text is read paragraph by paragraph, sentence by sentence: the paragraph decides what the
// figures are (last year's results; this year's targets after the 主要预期目标 paragraph; a five-year
// review or the next plan), the clause pairs each name with the figures that follow it.
import type { FactConfidence, FactKind, FactQualifier, IndicatorFact } from './indicator-fact.ts';
import { ASPIRATION, readFigures, type Figures } from './indicator-figures.ts';
import { findMentions, type Mention } from './indicator-names.ts';
import { placeNamed, placeOfReportTitle, type ArticlePlace } from './report-place.ts';

export type { IndicatorFact, IndicatorKey } from './indicator-fact.ts';

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

// The sentence that opens this year's targets.
const TARGET_LEAD = /主要预期目标|预期目标[是为]|主要目标[是为]/u;
// A sentence that opens a look back over the last plan, or ahead over the next one.
const REVIEW = /这五年|五年来|过去五年|“十四五”(?:时期|以来)|回望“十四五”/u;
const NEXT_PLAN = /十五五|纲要|今后五年|到20[3-9]\d年/u;
// Flows summed over a plan when a review states them without a level verb (五年…实际使用外资263亿美元).
const FLOWS = new Set(['fdi_actual', 'domestic_capital']);

/** Whether a sentence opens this year's targets (not the next plan's: “十五五”时期…主要目标是). */
function opensTargets(sentence: string): boolean {
  const lead = TARGET_LEAD.exec(sentence);
  return lead !== null && !NEXT_PLAN.test(sentence.slice(0, lead.index));
}

/** The five-year plan a year falls in: 2021-2025 for 2025 (十四五), 2026-2030 for 2026. */
function planOf(year: number): string {
  const start = 2021 + Math.floor((year - 2021) / 5) * 5;
  return `${start}-${start + 4}`;
}

interface SentenceContext {
  place: ArticlePlace;
  target: boolean;
  /** The target was read from the report's structure (after its targets), not from the sentence. */
  targetByPosition: boolean;
  period: 'none' | 'past' | 'future';
  actualYear: number | null;
  targetYear: number | null;
  isReport: boolean;
  pastPlan: string | null;
  nextPlan: string | null;
}

interface Reading {
  mention: Mention;
  figures: Figures;
  /** The clause before the figures: the text a year, 力争 or 累计 before the name is read from. */
  lead: string;
  reasons: string[];
}

const unique = (reasons: string[]) => [...new Set(reasons)];

/** The facts one reading of an indicator's figures states. */
function factsOf(reading: Reading, context: SentenceContext, sentence: string): IndicatorFact[] {
  const { mention, figures, lead } = reading;
  const { level, growth } = figures;
  if (!level && !growth) return [];
  const reasons = [...reading.reasons];
  if (mention.synonym) reasons.push('指标名称为近义词');
  if (figures.skippedNumbers) reasons.push('数值与指标之间隔有其他数字');
  const place = mention.place ?? context.place.name;
  if (mention.place === null && context.place.inferred) reasons.push('地点由上下文推断');
  const text = `${lead}${sentence}`;
  const aspiration = ASPIRATION.test(lead) || figures.aspiration;
  const explicitYears = [...lead.matchAll(/(?<![从由比到])((?:19|20)\d{2})年(?!的)/gu)].map((m) => Number(m[1]));
  const writtenYear = explicitYears.at(-1) ?? null;
  const target =
    context.target ||
    (aspiration && !context.isReport) ||
    (writtenYear !== null && context.targetYear !== null && writtenYear > (context.actualYear ?? writtenYear) && /将|要|力争|确保/u.test(text));
  if (context.targetByPosition && !TARGET_LEAD.test(sentence) && target) reasons.push('类型由段落位置推断');
  const oneYearKind: FactKind = target ? 'target' : 'actual';
  const year = target
    ? writtenYear !== null && writtenYear >= (context.targetYear ?? 0)
      ? writtenYear
      : context.targetYear
    : (writtenYear ?? context.actualYear);
  if (!context.isReport && writtenYear === null) reasons.push('年份由上下文推断');
  const planFor = (explicit: boolean): string | null => {
    if (!explicit) reasons.push('期间由上下文推断');
    return context.period === 'future' || (context.period === 'none' && ranged) ? context.nextPlan : context.pastPlan;
  };
  const planNamed = /十[一二三四五六七八九]五|五年/u.test(text);

  const facts: IndicatorFact[] = [];
  const push = (fields: Pick<IndicatorFact, 'kind' | 'year' | 'period' | 'value' | 'unit' | 'growth' | 'stretch' | 'qualifier'>, extra: string[] = []) => {
    const all = unique([...reasons, ...extra]);
    const confidence: FactConfidence = { level: all.length === 0 ? 'high' : 'low', reasons: all };
    facts.push({ indicator: mention.indicator, place, ...fields, confidence, sentence });
  };

  // The level: a result, a target, a sum over the plan, or a milestone set for a year ahead.
  let levelKind: FactKind | null = null;
  if (level) {
    const cumulative = level.cumulative || /累计/u.test(lead.split(/[，,；;、]/u).at(-1)! + mention.name);
    const flowOverPlan = context.period === 'past' && FLOWS.has(mention.indicator) && !level.reached;
    levelKind = level.milestone ? 'target' : cumulative || flowOverPlan ? 'period_total' : oneYearKind;
  }
  let growthKind: FactKind | null = null;
  // A range (5%—5.5%) is never a result: it states a goal.
  const ranged = growth?.stretch !== null && growth?.stretch !== undefined;
  if (growth && growth.span !== 'other') {
    if (growth.span === 'average') growthKind = 'period_average';
    else if (growth.span === 'plan') growthKind = 'period_total';
    else if (context.period === 'past' && oneYearKind === 'actual') growthKind = 'period_total';
    else growthKind = levelKind === 'period_total' ? 'period_total' : oneYearKind;
  }
  const qualifierOf = (own: FactQualifier | null, kind: FactKind): FactQualifier | null => {
    if (own) return own;
    // 力争 of this figure alone: written in its own comma piece, not a 确保…力争 pair.
    const piece = lead.split(/[，,；;]/u).at(-1)!;
    const striveOnly = (figures.striveOnly || /(?<!努)力争/u.test(piece)) && !/确保/u.test(piece) && !(figures.aspiration && !figures.striveOnly);
    if (kind === 'target' && striveOnly && growth?.stretch == null) return '力争';
    if (kind === 'actual' && (figures.estimate || /预计/u.test(lead.split(/[；;]/u).at(-1)!))) return '预计';
    return null;
  };
  const periodFields = (kind: FactKind) => {
    if (kind === 'period_average' || kind === 'period_total') return { year: null, period: planFor(planNamed || context.period !== 'none') };
    if (level?.year !== null && level?.year !== undefined && kind === levelKind) return { year: level.year, period: null };
    return { year, period: null };
  };

  if (level && levelKind && (!growth || growthKind === null || growthKind === levelKind)) {
    const g = growthKind === levelKind ? growth : null;
    push({
      kind: levelKind,
      ...periodFields(levelKind),
      value: level.value,
      unit: level.unit,
      growth: g?.value ?? null,
      stretch: g?.stretch ?? null,
      qualifier: qualifierOf(level.milestone && aspiration ? '力争' : (level.qualifier ?? g?.qualifier ?? null), levelKind),
    });
  } else {
    if (level && levelKind)
      push({
        kind: levelKind,
        ...periodFields(levelKind),
        value: level.value,
        unit: level.unit,
        growth: null,
        stretch: null,
        qualifier: qualifierOf(level.qualifier, levelKind),
      });
    if (growth && growthKind)
      push({
        kind: growthKind,
        ...periodFields(growthKind),
        value: null,
        unit: null,
        growth: growth.value,
        stretch: growth.stretch,
        qualifier: qualifierOf(growth.qualifier, growthKind),
      });
  }
  // Growth of other places quoted beside this one: 增速高于全国（5.0%）和全省（5.1%）.
  const compareKind = growthKind ?? oneYearKind;
  for (const other of figures.compared) {
    const otherPlace =
      other.scope === '全国'
        ? '全国'
        : other.scope === '全省'
          ? context.place.level === 'province'
            ? context.place.name
            : (context.place.province ?? context.place.name)
          : context.place.level === 'city'
            ? context.place.name
            : (context.place.city ?? context.place.name);
    facts.push({
      indicator: mention.indicator,
      place: otherPlace,
      kind: compareKind,
      ...periodFields(compareKind),
      value: null,
      unit: null,
      growth: other.growth,
      stretch: null,
      qualifier: null,
      confidence: { level: 'low', reasons: unique([...reasons, '比较句中的他地数值']) },
      sentence,
    });
  }
  return facts;
}

// A comma piece that continues the figures of the name before it: no subject of its own.
const OWN_SUBJECT = /收入|投资|增加值|产值|营收|利润|税收|消费|人数|率|产量|资金|项目|企业|贸易|比重|占比|价格|指数/u;

function continues(piece: string): boolean {
  if (/^其中/u.test(piece)) return false;
  if (/^(?:总额|总量|规模)/u.test(piece)) return true;
  const head = piece.split(/[\d０-９]/u)[0]!;
  return !OWN_SUBJECT.test(head);
}

interface Piece {
  start: number;
  end: number;
}

function piecesOf(clause: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  for (const match of clause.matchAll(/[,，]/gu)) {
    pieces.push({ start, end: match.index! });
    start = match.index! + 1;
  }
  pieces.push({ start, end: clause.length });
  return pieces;
}

const ENUMERATION = /分别(?:比上年)?(增长|下降|为|达到?|突破|完成|是)?(?=[\d.])/u;

/** Reads one clause (a sentence part between semicolons): every indicator named in it, with its figures. */
function readClause(clause: string, sentenceLead: string, context: SentenceContext): IndicatorFact[] {
  const mentions = findMentions(clause, context.place);
  if (mentions.length === 0) return [];
  const pieces = piecesOf(clause);
  const pieceAt = (index: number) => pieces.findIndex((p) => index >= p.start && index <= p.end);
  const consumed = new Set<Mention>();
  const readings: Reading[] = [];

  // An enumeration: A 429亿元、B 137亿元,同比分别增长8%、16%. Items pair with values only within the clause.
  const enumeration = ENUMERATION.exec(clause);
  if (enumeration) {
    const at = enumeration.index;
    const piece = pieces[pieceAt(at)]!;
    const head = clause.slice(piece.start, at);
    type Item = { start: number; end: number };
    let items: Item[] = [];
    const subjectElided = head.replace(/同比|比上年|增速|均/gu, '').trim() === '';
    if (mentions.some((m) => m.start >= piece.start && m.start < at)) {
      let start = piece.start;
      for (const match of head.matchAll(/[、和及与]/gu)) {
        items.push({ start, end: piece.start + match.index! });
        start = piece.start + match.index! + 1;
      }
      items.push({ start, end: at });
    } else if (subjectElided) {
      for (let i = pieceAt(at) - 1; i >= 0 && mentions.some((m) => m.start >= pieces[i]!.start && m.start < pieces[i]!.end); i -= 1) {
        const p = pieces[i]!;
        const parts: Item[] = [];
        let start = p.start;
        for (const match of clause.slice(p.start, p.end).matchAll(/、/gu)) {
          parts.push({ start, end: p.start + match.index! });
          start = p.start + match.index! + 1;
        }
        parts.push({ start, end: p.end });
        items = [...parts.filter((part) => mentions.some((m) => m.start >= part.start && m.start < part.end)), ...items];
      }
    }
    const valuesText = clause.slice(at + enumeration[0].length, piece.end);
    const values = readValues(valuesText);
    const growthVerb = enumeration[1] === undefined || /增长|下降/u.test(enumeration[1]);
    const sign = enumeration[1] === '下降' ? -1 : 1;
    // 收支 names two items, revenue then spending: 一般公共预算收支分别突破9千亿元、3万亿元.
    items = items.flatMap((item) => {
      const both = clause.slice(item.start, item.end).indexOf('收支');
      return both < 0
        ? [item]
        : [
            { start: item.start, end: item.start + both + 1 },
            { start: item.start + both + 1, end: item.end },
          ];
    });
    // Items and values that do not pair one to one are not read as an enumeration.
    if (values.length !== items.length) items = [];
    items.forEach((item, i) => {
      const mention = mentions.find((m) => m.start >= item.start && m.start < item.end);
      if (!mention) return;
      consumed.add(mention);
      if (!mention.isIndicator) return;
      const own = readFigures(clause.slice(mention.end, item.end), sentenceLead + clause.slice(0, mention.start));
      const value = values[i];
      const figures: Figures = { ...own };
      if (value && value.percent && growthVerb) figures.growth = { value: sign * value.value, stretch: null, qualifier: null, span: 'year', index: 0 };
      else if (value && !value.percent)
        figures.level = {
          value: value.value,
          unit: value.unit,
          qualifier: enumeration[1] === '突破' ? '突破' : null,
          year: null,
          milestone: false,
          cumulative: /累计/u.test(head),
          reached: true,
          index: 0,
        };
      readings.push({ mention, figures, lead: sentenceLead + clause.slice(0, mention.start), reasons: value ? ['枚举配对'] : [] });
    });
  }

  mentions.forEach((mention, i) => {
    if (consumed.has(mention) || !mention.isIndicator) return;
    let reader = i;
    const reasons: string[] = [];
    // A、B增长4%: names joined before one predicate share it.
    while (mentions[reader + 1] && /^[、和及与]$/u.test(clause.slice(mentions[reader]!.end, mentions[reader + 1]!.start))) {
      reader += 1;
      reasons.push('多个指标共用一个数值');
    }
    const owner = mentions[reader]!;
    const pieceIndex = pieceAt(owner.end);
    const nextStart = mentions[reader + 1]?.start ?? clause.length;
    let end = Math.min(nextStart, pieces[pieceIndex]!.end);
    // The figures may go on in the next comma pieces: 实际使用外资33.8亿美元，增长10%.
    for (let p = pieceIndex + 1; p < pieces.length && end < nextStart; p += 1) {
      const piece = pieces[p]!;
      // A piece holding the next name belongs to it.
      if (piece.end > nextStart || !continues(clause.slice(piece.start, piece.end))) break;
      end = Math.min(nextStart, piece.end);
    }
    const lead = sentenceLead + clause.slice(0, owner.start);
    readings.push({ mention, figures: readFigures(clause.slice(owner.end, end), lead), lead, reasons });
  });

  const sentence = clause.replace(/[。！？!?]$/u, '').trim();
  return readings.flatMap((reading) => factsOf(reading, context, sentence));
}

/** The figures listed after 分别: 8%、16%、5.5%; 30亿元、40亿元. */
function readValues(text: string): Array<{ value: number; unit: string; percent: boolean }> {
  const values: Array<{ value: number; unit: string; percent: boolean }> = [];
  for (const match of text.matchAll(/([\d.]+)\s*(%|万亿元|千亿元|亿美元|万美元|亿元|万元)?/gu))
    values.push({ value: Number(match[1]), unit: match[2] ?? '', percent: match[2] === '%' || match[2] === undefined });
  // 6.5%和7%: a unit written once for the last value belongs to all.
  const unit = values.at(-1)?.unit;
  return values.map((v) => (v.unit === '' && unit ? { ...v, unit, percent: unit === '%' } : v));
}

/** Every canonical indicator fact in a text; `place` is the place the article reports on. */
export function extractIndicators(title: string, body: string, place: ArticlePlace | null = placeFromTitle(title)): IndicatorFact[] {
  const reportYear = reportYearOf(title, body);
  const isReport = /政府工作报告/u.test(title) || /政府工作报告/u.test(body.slice(0, 200));
  const actualYear = reportYear === undefined ? null : isReport ? reportYear - 1 : reportYear;
  const targetYear = reportYear ?? null;
  const articlePlace = place ?? { name: '', level: 'city', city: null, province: null, inferred: true };
  const paragraphs = body.split(/\n+/u);
  const sentencesOf = (paragraph: string) => paragraph.split(/(?<=[。！？!?])/u);
  // This year's targets: from the sentence that opens them (not the next plan's) to the end of the text.
  const targetsAt = paragraphs.findIndex((p) => sentencesOf(p).some(opensTargets));
  const facts: IndicatorFact[] = [];
  paragraphs.forEach((paragraph, p) => {
    let period: SentenceContext['period'] = 'none';
    let targetsOpened = targetsAt >= 0 && p > targetsAt;
    for (const sentence of sentencesOf(paragraph)) {
      if (REVIEW.test(sentence)) period = 'past';
      else if (NEXT_PLAN.test(sentence)) period = 'future';
      if (p === targetsAt && opensTargets(sentence)) targetsOpened = true;
      const context: SentenceContext = {
        place: articlePlace,
        target: targetsOpened && period !== 'past',
        targetByPosition: p > targetsAt,
        period,
        actualYear,
        targetYear,
        isReport,
        pastPlan: actualYear === null ? null : planOf(actualYear),
        nextPlan: targetYear === null ? null : planOf(targetYear),
      };
      let lead = '';
      for (const rawClause of sentence.split(/(?<=[；;])/u)) {
        const clause = rawClause.replace(/[；;]$/u, '');
        // Text after a colon opening a list (主要预期目标是：…) is read on its own.
        const colon = clause.search(/[:：]/u);
        const body = colon >= 0 ? clause.slice(colon + 1) : clause;
        facts.push(...readClause(body.trim(), lead + (colon >= 0 ? clause.slice(0, colon + 1) : ''), context));
        lead += rawClause;
      }
    }
  });
  return facts;
}

function placeFromTitle(title: string): ArticlePlace | null {
  const name = placeOfReportTitle(title);
  return name === null ? null : placeNamed(name);
}
