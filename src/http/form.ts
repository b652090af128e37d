// Reading and checking a submitted form: its text fields, the honeypot, and zod validation that
// yields one Chinese message per field, so the form can be shown again with the reader's input.
import type { Context } from 'hono';
import type { z } from 'zod';

/** The form's fields as text (files and repeated fields are not used by our forms). */
export type FormValues = Record<string, string>;
/** A Chinese message per field name. */
export type FieldErrors = Record<string, string>;

/** A field people never see; only bots fill it in. */
export const HONEYPOT_FIELD = 'website';

/** The text fields of the request body. */
export async function formValues(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody();
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') values[name] = value;
  return values;
}

/** True when the hidden honeypot field was filled in. */
export function filledByBot(values: FormValues): boolean {
  return (values[HONEYPOT_FIELD] ?? '') !== '';
}

/** The parsed data, or the first message for each field that failed. */
export function validateForm<T>(schema: z.ZodType<T>, values: FormValues): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Characters as people count them (a supplementary character is one). */
export function characterCount(text: string): number {
  return Array.from(text).length;
}
