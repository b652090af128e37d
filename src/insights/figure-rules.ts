// The figures editors type in the console (indicator values, growth rates, project totals): how
// long they may be, and the Chinese message when they are not a number or too long.

/** How many digits a typed figure may have before and after the point, and whether it may be negative. */
export interface FigureRule {
  digits: number;
  decimals: number;
  signed: boolean;
}

// Bounded, so that no typo becomes Infinity (a 400-digit number) or a figure no district ever had:
// indicator values stay below 10^15, project totals below 100 万亿元 (more than a year of China's
// GDP), and the text typed is at most a couple of dozen characters.
export const INDICATOR_FIGURE: FigureRule = { digits: 15, decimals: 6, signed: true };
export const PROJECT_AMOUNT: FigureRule = { digits: 6, decimals: 2, signed: false };

/** The longest text a figure under `rule` can be, for the input's maxlength. */
export const figureMaxLength = (rule: FigureRule): number => (rule.signed ? 1 : 0) + rule.digits + 1 + rule.decimals;

/** Why `text` (trimmed, not empty) is not a figure within `rule`, in Chinese, or undefined. */
export function figureProblem(text: string, label: string, rule: FigureRule): string | undefined {
  const match = (rule.signed ? /^-?(\d+)(?:\.(\d+))?$/u : /^(\d+)(?:\.(\d+))?$/u).exec(text);
  if (!match) return `${label}须为数字。`;
  const [, whole = '', fraction = ''] = match;
  if (whole.length > rule.digits || fraction.length > rule.decimals) return `${label}超出范围:整数部分最多 ${rule.digits} 位,小数最多 ${rule.decimals} 位。`;
  return undefined;
}
