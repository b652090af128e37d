// The public files: `/files/<sha256>/<name>`, the file of an attachment of a public item or a web
// copy of one of its images. The name is only for the reader's browser; the hash finds the file.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { notFound } from '../http/errors.tsx';
import { publicFile } from './attachment.service.ts';
import { isBlobHash } from './blob-store.ts';
import { sendFile } from './serve-file.ts';

const NOT_FOUND = '没有这个附件,或它所属的内容尚未公开。';

/** Routes: GET `/files/:hash/:name`. */
export function attachmentRoutes(ctx: RouteContext): Hono {
  return new Hono().get('/files/:hash/:name', async (c) => {
    const hash = c.req.param('hash');
    const file = isBlobHash(hash) ? await publicFile(ctx.db, hash) : undefined;
    if (!file) throw notFound(NOT_FOUND);
    return sendFile(c, ctx.uploads.blobs, file, 'public');
  });
}
