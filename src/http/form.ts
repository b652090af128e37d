// Reading and checking a submitted form: its text fields, the honeypot, and zod validation that
// yields one Chinese message per field, so the form can be shown again with the reader's input.
import type { Context } from 'hono';
import type { BodyData } from 'hono/utils/body';
import type { z } from 'zod';
import { AppError } from './errors.tsx';

/** The form's fields as text (files and repeated fields are not used by our forms). */
export type FormValues = Record<string, string>;
/** A Chinese message per field name. */
export type FieldErrors = Record<string, string>;

/** A field people never see; only bots fill it in. */
export const HONEYPOT_FIELD = 'website';

const FORM_MEDIA_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * The request body as a form; `all` keeps repeated fields as arrays. Every form of the site posts
 * one of the two form media types, so anything else is refused; a body that cannot be parsed (a
 * missing or wrong multipart boundary, a truncated part) is the client's error, not a 500.
 */
export async function formBody(c: Context, options: { all?: boolean } = {}): Promise<BodyData> {
  const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FORM_MEDIA_TYPES.has(mediaType)) throw new AppError(415, 'unsupported_media_type', '提交格式不受支持,请通过网页上的表单提交。');
  try {
    return await c.req.parseBody(options);
  } catch (error) {
    // Request.formData() rejects malformed bodies with a TypeError; anything else (a body limit,
    // an AppError) keeps its own meaning.
    if (error instanceof TypeError) throw new AppError(400, 'bad_request', '提交的表单数据不完整或格式有误,请返回上一页重新填写后提交。');
    throw error;
  }
}

/** The text fields of the request body. */
export async function formValues(c: Context): Promise<FormValues> {
  const body = await formBody(c);
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
