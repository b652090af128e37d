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

const PHONE_FORMATS = '手机号码(11 位)、带区号的固定电话(如 0791-88888888)或带国家代码的国际号码(如 +44 20 7946 0958)';

/** A phone number: mainland mobile or landline, or international (E.164); stored normalised. */
export function phoneNumber(label = '联系电话') {
  return requiredText(label, 30)
    .transform((text) => normalizePhoneNumber(text) ?? '')
    .refine((phone) => phone !== '', `${label}格式不正确,请填写${PHONE_FORMATS}。`);
}

/** A phone number (as phoneNumber) or an e-mail address. */
export function phoneOrEmail(label = '联系方式') {
  return requiredText(label, 100)
    .transform((text) => text.normalize('NFKC').trim())
    .transform((text) => (EMAIL.test(text) ? text : (normalizePhoneNumber(text) ?? '')))
    .refine((contact) => contact !== '', `${label}请填写电子邮箱,或${PHONE_FORMATS}。`);
}

/** A box that must be ticked. */
export function consent(message: string) {
  return z.string({ error: message }).refine((value) => value === 'yes', message);
}

/** One of a fixed list of values. */
export function oneOf(label: string, values: readonly string[]) {
  return z.string({ error: `请选择${label}。` }).refine((value) => values.includes(value), `请选择${label}。`);
}
