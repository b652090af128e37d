import type { IndicatorFactTable } from './insight.table.ts';

// What the indicator reader outputs: the contract between the extractor (indicators.ts), the
// evaluation against hand-read gold (test/fixtures/work-reports/FORMAT.md) and the fact store.

export type IndicatorKey =
  | 'gdp'
  | 'fixed_asset_investment'
  | 'retail_sales'
  | 'fiscal_revenue'
  | 'local_budget_revenue'
  | 'industrial_value_added'
  | 'fdi_actual'
  | 'domestic_capital'
  | 'exports'
  | 'trade_total';

/** A result, a target for one year, or a figure over a plan period (年均 / 累计). */
export type FactKind = 'actual' | 'target' | 'period_average' | 'period_total';

/** The word attached to the headline number, kept as its own field. */
export type FactQualifier = '左右' | '以上' | '以内' | '突破' | '力争' | '预计';

/**
 * How sure the reader is: `high` when every rule that placed the figure was unambiguous, else
 * `low` with the reasons (stated rules, shown to editors). Never a substitute for confirmation.
 */
export interface FactConfidence {
  level: 'high' | 'low';
  reasons: string[];
}

/** One indicator fact. `value` is in the unit the text states; growth and stretch are percents. */
export interface IndicatorFact {
  indicator: IndicatorKey;
  /** The place the figure describes, full name as written or implied (南昌市, 江西省, 东湖区, 全国). */
  place: string;
  kind: FactKind;
  /** The one year of an `actual` or `target`; null for the period kinds. */
  year: number | null;
  /** `2021-2025` for the period kinds; null otherwise. */
  period: string | null;
  value: number | null;
  unit: string | null;
  growth: number | null;
  /** The 力争 (stretch) growth of a target, or the top of a range. */
  stretch: number | null;
  qualifier: FactQualifier | null;
  confidence: FactConfidence;
  sentence: string;
}

/** The stored columns a fact is rebuilt from. */
export type StoredFactColumns = Pick<
  IndicatorFactTable,
  'indicator' | 'year' | 'period' | 'kind' | 'value' | 'unit' | 'growth' | 'stretch' | 'qualifier' | 'sentence'
> & {
  confidence: 'high' | 'low';
  confidence_reasons: string;
};

// PostgreSQL may hand numeric columns back as strings; a fact's figures are numbers or null.
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** A stored fact row as the domain type, at the place the caller resolved (a row may have none). */
export function rowToIndicatorFact(row: StoredFactColumns, place: string): IndicatorFact {
  return {
    indicator: row.indicator as IndicatorKey,
    place,
    kind: row.kind,
    year: numberOrNull(row.year),
    period: row.period,
    value: numberOrNull(row.value),
    unit: row.unit,
    growth: numberOrNull(row.growth),
    stretch: numberOrNull(row.stretch),
    qualifier: row.qualifier as FactQualifier | null,
    confidence: { level: row.confidence, reasons: JSON.parse(row.confidence_reasons) as string[] },
    sentence: row.sentence,
  };
}
