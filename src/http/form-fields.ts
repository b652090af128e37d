// zod field rules shared by the public forms, each failing with a message that names the field.
import { z } from 'zod';
import { characterCount } from './form.ts';

/** Text that must be given, trimmed, at most `max` characters. */
export function requiredText(label: string, max: number, min = 1) {
  return z
    .string({ error: `请填写${label}。` })
    .trim()
    .refine((text) => text !== '', `请填写${label}。`)
    .refine((text) => text === '' || characterCount(text) >= min, `${label}至少 ${min} 个字。`)
    .refine((text) => characterCount(text) <= max, `${label}不能超过 ${max} 个字。`)
    .refine((text) => !text.includes('\u0000'), `${label}含有无效字符。`);
}

const MOBILE = /^1[3-9]\d{9}$/u;
// An area code (010, 0791 …) and a 7- or 8-digit number: 10 to 12 digits with the leading 0.
const LANDLINE = /^0[1-9]\d{8,10}$/u;
// E.164: a plus, a country code that does not start with 0, 8 to 15 digits in all.
const INTERNATIONAL = /^\+[1-9]\d{7,14}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** True for text shaped like an e-mail address. */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

/**
 * A phone number as people write it, in one form: a mainland mobile as its 11 digits, a landline
 * with its area code (0791…), any other as E.164 (+44…); undefined when it is none of these.
 * Spaces, dashes, dots and brackets are dropped; 00 before a country code means +; +86 and 86
 * before a mainland number are dropped, as is the 0 of an area code written after +86 as (0).
 */
export function normalizePhoneNumber(text: string): string | undefined {
  let digits = text.normalize('NFKC').replace(/[\s\-.()()]/gu, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  const mainland = /^\+?86(\d+)$/u.exec(digits)?.[1];
  if (mainland !== undefined) {
    if (MOBILE.test(mainland)) return mainland;
    const landline = mainland.startsWith('0') ? mainland : `0${mainland}`;
    return LANDLINE.test(landline) ? landline : undefined;
  }
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return digits;
  return INTERNATIONAL.test(digits) ? digits : undefined;
}

/** How to write a phone number, for a phone field's hint. */
export const PHONE_HINT = '手机号码、带区号的固定电话(如 0791-88888888),或带国家代码的国际号码(如 +49 30 1234567)';
/** How to write a phone number or an e-mail address, for a contact field's hint. */
export const PHONE_OR_EMAIL_HINT = '电子邮箱、手机号码、带区号的固定电话,或带国家代码的国际号码(如 +49 30 1234567)';

/** What is wrong with a phone number that normalizePhoneNumber refused, in Chinese, beginning with the field's label. */
export function phoneNumberProblem(label: string, text: string): string {
  const written = text.normalize('NFKC').replace(/[\s\-.()()]/gu, '');
  const wrong = `${label}格式不正确:`;
  if (!/^\+?\d+$/u.test(written)) return `${wrong}只能填写数字,可用空格、短横线或括号分隔,国际号码以 + 开头。`;
  const digits = written.startsWith('00') ? `+${written.slice(2)}` : written;
  if (/^\+?86/u.test(digits)) return `${wrong}+86 后应为 11 位手机号码,或带区号的固定电话。`;
  if (digits.startsWith('+')) {
    const count = digits.length - 1;
    if (digits.startsWith('+0')) return `${wrong}国家代码不以 0 开头,请在 + 后直接填写国家代码(如 +49 30 1234567)。`;
    return `${wrong}国际号码的国家代码和号码共应为 8 至 15 位数字,您填写了 ${count} 位。`;
  }
  if (digits.startsWith('1')) {
    if (digits.length !== 11) return `${wrong}手机号码应为 11 位,您填写了 ${digits.length} 位。`;
    return `${wrong}手机号码第 2 位应为 3 至 9。`;
  }
  if (digits.startsWith('0')) return `${wrong}固定电话应为区号加 7 至 8 位号码(如 0791-88888888),您填写了 ${digits.length} 位数字。`;
  return `${wrong}国际号码请在国家代码前加 +(如 +49 30 1234567);国内请填写 11 位手机号码,或带区号的固定电话。`;
}

/** A phone number: mainland mobile or landline, or international (E.164); stored normalised. */
export function phoneNumber(label = '联系电话') {
  return requiredText(label, 30).transform((text, ctx) => {
    const phone = normalizePhoneNumber(text);
    if (phone === undefined) ctx.addIssue({ code: 'custom', message: phoneNumberProblem(label, text) });
    return phone ?? '';
  });
}

/** A phone number (as phoneNumber) or an e-mail address. */
export function phoneOrEmail(label = '联系方式') {
  return requiredText(label, 100)
    .transform((text) => text.normalize('NFKC').trim())
    .transform((text, ctx) => {
      if (EMAIL.test(text)) return text;
      const phone = normalizePhoneNumber(text);
      if (phone !== undefined) return phone;
      const problem = text.includes('@') ? `${label}格式不正确:电子邮箱应形如 name@example.com。` : phoneNumberProblem(label, text);
      ctx.addIssue({ code: 'custom', message: `${problem}${label}可填写${PHONE_OR_EMAIL_HINT}。` });
      return '';
    });
}

/** A box that must be ticked. */
export function consent(message: string) {
  return z.string({ error: message }).refine((value) => value === 'yes', message);
}

/** One of a fixed list of values. */
export function oneOf(label: string, values: readonly string[]) {
  return z.string({ error: `请选择${label}。` }).refine((value) => values.includes(value), `请选择${label}。`);
}
