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

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** A mainland mobile number, normalised to its 11 digits. */
export function mobileNumber(label = '手机号码') {
  return requiredText(label, 20)
    .transform((text) => text.normalize('NFKC').replace(/[\s-]/gu, ''))
    .refine((text) => MOBILE.test(text), `${label}格式不正确,请填写 11 位手机号码。`)
    .transform((text) => text.slice(-11));
}

/** A mobile number or an e-mail address. */
export function mobileOrEmail(label = '联系方式') {
  return requiredText(label, 100)
    .transform((text) => text.normalize('NFKC').trim())
    .refine((text) => MOBILE.test(text.replace(/[\s-]/gu, '')) || EMAIL.test(text), `${label}请填写 11 位手机号码或电子邮箱。`);
}

/** A box that must be ticked. */
export function consent(message: string) {
  return z.string({ error: message }).refine((value) => value === 'yes', message);
}

/** One of a fixed list of values. */
export function oneOf(label: string, values: readonly string[]) {
  return z.string({ error: `请选择${label}。` }).refine((value) => values.includes(value), `请选择${label}。`);
}
