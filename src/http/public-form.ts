// What every public form post goes through. A client's accepted posts are limited, and so is
// obvious abuse (a filled honeypot, a failed CSRF check, a body over the limit or not a form),
// which counts against the same allowance; a post that merely fails validation costs nothing, so
// someone correcting typos is never locked out. A much higher cap on all posts per client still
// stops a bot hammering the form with invalid posts. A refused post keeps what was typed: the
// handler shows the form again, filled in, with the reason.
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { RouteContext } from './app-deps.ts';
import { csrfProtection } from './csrf.ts';
import { AppError } from './errors.tsx';
import { filledByBot, formValues, validateForm, type FieldErrors, type FormValues } from './form.ts';
import { clientAddress, countRequest, rateLimited, retryInMinutes, type RateLimit } from './rate-limit.ts';

/** Every post a client may make per accepted one, valid or not, before the hard cap refuses it. */
const POSTS_PER_ACCEPTED = 10;

/** What a form post came to: accepted data, field errors, or a refusal for posting too often. */
export type PublicFormResult<T> = { values: FormValues } & (
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; problem?: string; retryAfterSeconds?: number }
);

/** A public form's guard (the middleware before its POST handler) and reader (in the handler). */
export interface PublicForm {
  guard: MiddlewareHandler;
  read<T>(c: Context, schema: z.ZodType<T>): Promise<PublicFormResult<T>>;
}

/** The limits of one public form: `limit` for accepted posts and abuse, per client. */
export function publicForm(ctx: Pick<RouteContext, 'db' | 'trustProxy'>, limit: RateLimit): PublicForm {
  const { db } = ctx;
  const clientOf = (c: Context) => clientAddress(c, ctx.trustProxy);
  const allPosts = rateLimited(db, { name: `${limit.name}-posts`, max: limit.max * POSTS_PER_ACCEPTED, windowSeconds: limit.windowSeconds }, clientOf);
  const csrf = csrfProtection();
  const countAgainstLimit = (c: Context) => countRequest(db, `${limit.name}:${clientOf(c)}`, limit);

  return {
    guard: async (c, next) => {
      // Counted before anything reads the body, so a flood of large posts is stopped early.
      await allPosts(c, async () => {});
      try {
        await csrf(c, async () => {});
      } catch (error) {
        // A forged or broken post, or one over the size limit: abuse, not a typo.
        if (error instanceof AppError) await countAgainstLimit(c);
        throw error;
      }
      return next();
    },
    async read(c, schema) {
      const values = await formValues(c);
      if (filledByBot(values)) {
        await countAgainstLimit(c);
        throw new AppError(400, 'bad_request', '提交未被接受。');
      }
      const checked = validateForm(schema, values);
      if (!checked.ok) return { values, ...checked };
      const { allowed, retryAfterSeconds } = await countAgainstLimit(c);
      if (!allowed) {
        c.header('Retry-After', String(retryAfterSeconds));
        return { values, ok: false, errors: {}, problem: `${retryInMinutes('提交', retryAfterSeconds)}您填写的内容已保留。`, retryAfterSeconds };
      }
      return { values, ...checked };
    },
  };
}
