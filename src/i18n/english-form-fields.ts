// The shared form fields (src/http/form-fields.ts) with English messages, for the forms of the
// English pages: the same rules and normalisation, so what is stored is the same either way.
import { z } from 'zod';
import { characterCount } from '../http/form.ts';
import { isEmailAddress, normalizePhoneNumber } from '../http/form-fields.ts';

/** Text that must be given, trimmed, at most `max` characters. */
export function englishRequiredText(label: string, max: number, min = 1) {
  const missing = `Please enter ${label}.`;
  return z
    .string({ error: missing })
    .trim()
    .refine((text) => text !== '', missing)
    .refine((text) => text === '' || characterCount(text) >= min, `${capitalised(label)} must be at least ${min} characters.`)
    .refine((text) => characterCount(text) <= max, `${capitalised(label)} must be at most ${max} characters.`)
    .refine((text) => !text.includes('\u0000'), `${capitalised(label)} contains an invalid character.`);
}

const PHONE_FORMATS = 'a phone number with its country code (such as +44 20 7946 0958), a Chinese mobile number (11 digits) or a landline with its area code';

/** A phone number (any of phoneNumber's forms), stored normalised. */
export function englishPhoneNumber(label = 'a phone number') {
  return englishRequiredText(label, 30)
    .transform((text) => normalizePhoneNumber(text) ?? '')
    .refine((phone) => phone !== '', `Please enter ${PHONE_FORMATS}.`);
}

/** A phone number or an e-mail address. */
export function englishPhoneOrEmail(label = 'an email address or phone number') {
  return englishRequiredText(label, 100)
    .transform((text) => text.normalize('NFKC').trim())
    .transform((text) => (isEmailAddress(text) ? text : (normalizePhoneNumber(text) ?? '')))
    .refine((contact) => contact !== '', `Please enter an email address, or ${PHONE_FORMATS}.`);
}

/** One of a fixed list of values. */
export function englishOneOf(label: string, values: readonly string[]) {
  return z.string({ error: `Please choose ${label}.` }).refine((value) => values.includes(value), `Please choose ${label}.`);
}

/** A box that must be ticked. */
export function englishConsent(message = 'Please read and agree to how your personal data will be used.') {
  return z.string({ error: message }).refine((value) => value === 'yes', message);
}

/** "You have sent this form too often…", for a refused post of an English form. */
export function englishTooOften(retryAfterSeconds: number | undefined): string {
  const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 600) / 60));
  return `You have sent this form too often. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}; what you typed is kept.`;
}

function capitalised(label: string): string {
  const bare = label.replace(/^(?:a|an|the|your) /u, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}
