// 发文字号 (document numbers such as 洪府发〔2025〕12号) in one canonical spelling, so that the
// ways people type them (square or round brackets, full-width digits, spaces, no 号) find the same policy.

// Brackets people use around the year: 〔〕 (the official ones), [] and () after NFKC has folded
// their full-width forms ［］（）, 【】 and 〈〉.
const BRACKETS = /[〔〕[\]()【】〈〉{}]/gu;
// An issuer's code in Chinese (洪府发, 赣府厅字, 国办发), the four-digit year, 第 optional, the number, 号 optional.
const DOC_NUMBER = /^(\p{Script=Han}[\p{Script=Han}A-Za-z]*?)\s*((?:19|20)\d{2})\s*第?\s*(\d{1,5})\s*号?$/u;

/**
 * The canonical spelling of a 发文字号, `洪府发〔2025〕12号`, or undefined when the text is not
 * one. `洪府发[2025]12号`, `洪府发(2025)12`, `洪府发２０２５ 12` and `洪府发2025 12` all give the same key.
 */
export function docNumberKey(text: string): string | undefined {
  const folded = text.normalize('NFKC').replace(BRACKETS, ' ').replace(/\s+/gu, ' ').trim();
  const match = DOC_NUMBER.exec(folded);
  if (!match) return undefined;
  const [, issuer, year, number] = match;
  return `${issuer}〔${year}〕${Number(number)}号`;
}
