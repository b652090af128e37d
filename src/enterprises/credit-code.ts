// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose last one
// is a check character over the first 17. Problems are explained in words, so that an applicant
// who mistyped one character learns that, not just "invalid input".
import { requiredText } from '../http/form-fields.ts';
import { englishRequiredText } from '../i18n/english-form-fields.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const LENGTH = 18;

/** The check character the first 17 characters call for. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i += 1) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** A code as people type it: full-width forms and lower case folded, spaces and dashes dropped. */
export function normalizeCreditCode(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[\s-]/gu, '');
}

/** What is wrong with a (normalised) code, in Chinese, or undefined when it is valid. */
export function creditCodeProblem(code: string): string | undefined {
  const length = Array.from(code).length;
  if (length !== LENGTH) return `统一社会信用代码应为 18 位,您填写了 ${length} 位。`;
  const bad = [...code].findIndex((char) => !ALPHABET.includes(char));
  if (bad >= 0) {
    const char = code[bad]!;
    const hint = 'IOSVZ'.includes(char) ? '(代码中不使用 I、O、S、V、Z)' : '';
    return `统一社会信用代码第 ${bad + 1} 位“${char}”不是有效字符${hint}。`;
  }
  if (!/^\d{6}$/u.test(code.slice(2, 8))) return '统一社会信用代码第 3 至 8 位应为行政区划代码(6 位数字)。';
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return '统一社会信用代码校验位不符,请核对是否有输错的字符。';
  return undefined;
}

/** The form field: a code as typed, normalised, with what is wrong with it said in words. */
export function creditCodeField() {
  return requiredText('统一社会信用代码', 30)
    .transform(normalizeCreditCode)
    .superRefine((code, ctx) => {
      const problem = creditCodeProblem(code);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** What is wrong with a (normalised) code, in English, or undefined when it is valid (the English 企业入驻 form). */
export function englishCreditCodeProblem(code: string): string | undefined {
  const length = Array.from(code).length;
  if (length !== LENGTH) return `A unified social credit code has 18 characters; you entered ${length}.`;
  const bad = [...code].findIndex((char) => !ALPHABET.includes(char));
  if (bad >= 0) {
    const char = code[bad]!;
    const hint = 'IOSVZ'.includes(char) ? ' (the code never uses I, O, S, V or Z)' : '';
    return `Character ${bad + 1} of the unified social credit code, "${char}", is not valid${hint}.`;
  }
  if (!/^\d{6}$/u.test(code.slice(2, 8))) return 'Characters 3 to 8 of the unified social credit code are an administrative division code (6 digits).';
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return 'The check character of the unified social credit code does not match; please look for a mistyped character.';
  return undefined;
}

/** The English form's field: creditCodeField with English messages. */
export function englishCreditCodeField() {
  return englishRequiredText('the unified social credit code', 30)
    .transform(normalizeCreditCode)
    .superRefine((code, ctx) => {
      const problem = englishCreditCodeProblem(code);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}
