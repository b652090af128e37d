// What every public form post goes through: a per-client rate limit and the CSRF check before the
// handler, then the honeypot and validation inside it.
import type { Context, MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import type { z } from 'zod';
import type { RouteContext } from './app-deps.ts';
import { csrfProtection } from './csrf.ts';
import { AppError } from './errors.tsx';
import { filledByBot, formValues, validateForm, type FieldErrors, type FormValues } from './form.ts';
import { clientAddress, rateLimited, type RateLimit } from './rate-limit.ts';

/** The middleware in front of a public form's POST handler. */
export function publicFormGuard(ctx: Pick<RouteContext, 'db' | 'trustProxy'>, limit: RateLimit): MiddlewareHandler {
  return every(rateLimited(ctx.db, limit, (c) => clientAddress(c, ctx.trustProxy)), csrfProtection());
}

/** The posted values, and the parsed data or the field errors; a bot's post is refused. */
export async function readPublicForm<T>(c: Context, schema: z.ZodType<T>): Promise<{ values: FormValues } & ({ ok: true; data: T } | { ok: false; errors: FieldErrors })> {
  const values = await formValues(c);
  if (filledByBot(values)) throw new AppError(400, 'bad_request', '提交未被接受。');
  return { values, ...validateForm(schema, values) };
}
