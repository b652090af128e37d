// What the review queues' console routes share: the status a queue page shows, and the answer to
// a decision.
import type { Context } from 'hono';
import { AppError, notFound } from '../http/errors.tsx';
import type { ReviewOutcome } from './review-queue.ts';

/** The `status` query parameter of a queue page; the first allowed status when absent. */
export function queueStatus<T extends string>(c: Context, allowed: readonly [T, ...T[]]): T {
  const value = (c.req.query('status') ?? allowed[0]) as T;
  if (!allowed.includes(value)) throw new AppError(400, 'bad_request', '没有这个状态。');
  return value;
}

/** Back to the item after a decision; a 404 or 400 page saying why nothing was done. */
export function afterDecision(c: Context, outcome: ReviewOutcome, back: string): Response {
  if (outcome === 'not_found') throw notFound('没有这一项,或它不在您负责的频道。');
  if (outcome === 'already_closed') throw new AppError(400, 'bad_request', '这一项已经处理过了。');
  return c.redirect(back, 303);
}
