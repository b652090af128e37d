// Console routes for attachments, shared by every owner kind's editor (its attachment panel posts
// here): upload, remove, move up or down, and view a file of any item of the user's channels,
// drafts' included. Mounted under /admin/attachments by the console's route table.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, type ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { formBody } from '../http/form.ts';
import { parseId } from '../http/request-params.ts';
import { consoleFile, moveAttachment, removeAttachment, uploadAttachment } from './attachment.service.ts';
import { sendFile } from './serve-file.ts';

const NOT_FOUND = '没有这个附件或它所属的内容,或它不在您负责的频道。';

/** Where the editor shows its attachments. */
const panelOf = (editorPath: string) => `${editorPath}#attachments`;

/** Routes: POST `/upload/:kind/:ownerId`, POST `/:id/remove`, POST `/:id/move`, GET `/:id/file`, GET `/:id/file/:width`. */
export function attachmentAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db, uploads } = ctx;
  const served = async (c: Context<ConsoleEnv>, width?: number) => {
    const file = await consoleFile(db, c.get('user'), idParam(c), width);
    if (!file) throw notFound(NOT_FOUND);
    return sendFile(c, uploads.blobs, file, 'private');
  };

  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor'))
    .post('/upload/:kind/:ownerId', async (c) => {
      const file = (await formBody(c)).file;
      if (!(file instanceof File) || file.size === 0) throw new AppError(400, 'bad_request', '请选择要上传的文件。');
      const outcome = await uploadAttachment(
        db,
        uploads,
        c.get('user'),
        kit.actor(c),
        { ownerKind: c.req.param('kind'), ownerId: parseId(c.req.param('ownerId')) ?? 0 },
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      );
      if (outcome === 'not_found') throw notFound(NOT_FOUND);
      if ('refused' in outcome)
        throw outcome.refused === 'too_large'
          ? new AppError(413, 'payload_too_large', outcome.message)
          : new AppError(415, 'unsupported_media_type', outcome.message);
      return c.redirect(panelOf(outcome.owner.editorPath), 303);
    })
    .post('/:id/remove', async (c) => {
      const owner = await removeAttachment(db, c.get('user'), kit.actor(c), idParam(c));
      if (owner === 'not_found') throw notFound(NOT_FOUND);
      return c.redirect(panelOf(owner.editorPath), 303);
    })
    .post('/:id/move', async (c) => {
      const direction = (await formBody(c)).direction;
      if (direction !== 'up' && direction !== 'down') throw new AppError(400, 'bad_request', '请选择上移或下移。');
      const owner = await moveAttachment(db, c.get('user'), kit.actor(c), idParam(c), direction);
      if (owner === 'not_found') throw notFound(NOT_FOUND);
      return c.redirect(panelOf(owner.editorPath), 303);
    })
    .get('/:id/file', (c) => served(c))
    .get('/:id/file/:width', (c) => served(c, parseId(c.req.param('width')) ?? 0));
}
