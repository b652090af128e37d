// Request bodies have a size limit per route, checked before anyone reads them: a declared
// Content-Length over the limit is refused at once, a chunked body as soon as it grows past it.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors.tsx';

/** Public forms and every other post: 5,000 Chinese characters percent-encoded are 45 KB. */
export const FORM_BODY_MAX = 64 * 1024;
/** The console's article editor: 200,000 characters of body, up to 1.8 MB percent-encoded. */
export const EDITOR_BODY_MAX = 2 * 1024 * 1024;

/** A path prefix (`/admin/articles`) whose routes take larger bodies than the rest. */
export type BodyLimitRule = readonly [prefix: string, maxBytes: number];

const tooLarge = (maxBytes: number) =>
  // Connection: close, so that the client cannot go on sending the rest on this connection.
  new AppError(413, 'payload_too_large', `提交的内容过大(超过 ${Math.round(maxBytes / 1024)} KB),请精简后重新提交。`, { Connection: 'close' });

/**
 * Limits every request body to `maxBytes`, or to a rule's size for paths under its prefix (the
 * first rule that matches). One middleware for all, because a second, smaller limit behind a
 * larger one would refuse what the larger one admitted.
 */
export function requestBodyLimit(maxBytes: number, rules: readonly BodyLimitRule[] = []): MiddlewareHandler {
  const limitOf = (size: number) =>
    bodyLimit({
      maxSize: size,
      onError: () => {
        throw tooLarge(size);
      },
    });
  const fallback = limitOf(maxBytes);
  const ruled = rules.map(([prefix, size]) => ({ prefix, limit: limitOf(size) }));
  return (c, next) => {
    // A GET or HEAD has no body to limit; asking for one would build the whole web Request the
    // server otherwise never needs for a page (0.1 ms of a miss).
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const path = c.req.path;
    const rule = ruled.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
    return (rule?.limit ?? fallback)(c, next);
  };
}
