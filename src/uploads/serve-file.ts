// Sends a stored file: its own type, a download (documents) or in place (images) under the name
// it was uploaded with (RFC 6266 with an RFC 5987 filename* for Chinese names), never sniffed,
// never run (a sandboxing CSP that allows nothing), cached for good when public (the address is
// the content's hash), with an ETag, and by byte ranges for readers of long PDFs.
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { BlobStore, ByteRange } from './blob-store.ts';
import type { ServedFile } from './attachment.service.ts';

/** The CSP of every file: nothing may load, and a document opened in place runs in a sandbox. */
export const FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

/** `attachment; filename="…"; filename*=UTF-8''…`: the ASCII name for old clients, the real one for the rest. */
export function contentDisposition(name: string, inline: boolean): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/gu, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The one byte range a Range header asks for: a range, 'unsatisfiable', or undefined for the whole file. */
export function requestedRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/u.exec(header?.trim() ?? '');
  // Several ranges, or another unit: the whole file, as RFC 9110 allows.
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1]!, match[2]!];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** Answers a GET of a stored file; `cache` says whether shared caches may keep it for good. */
export async function sendFile(c: Context, blobs: BlobStore, file: ServedFile, cache: 'public' | 'private'): Promise<Response> {
  const etag = `"${file.hash}"`;
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.name, file.inline),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': FILE_CONTENT_SECURITY_POLICY,
    'Cross-Origin-Resource-Policy': 'same-origin',
    ETag: etag,
    'Accept-Ranges': 'bytes',
  };
  if (cache === 'public') headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//u, '') === etag)) return c.body(null, 304, headers);
  const ifRange = c.req.header('If-Range');
  const range = ifRange === undefined || ifRange === etag ? requestedRange(c.req.header('Range'), file.size) : undefined;
  if (range === 'unsatisfiable') return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${file.size}` });
  // A HEAD is answered from the row alone: a stream opened for no one would hold its file open.
  if (c.req.method === 'HEAD') return c.body(null, 200, { ...headers, 'Content-Length': String(file.size) });
  const stream = await blobs.get(file.hash, range);
  if (!stream) throw new Error(`blob ${file.hash} is named by an attachment but missing from the ${blobs.kind} store`);
  const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  if (!range) return c.body(body, 200, { ...headers, 'Content-Length': String(file.size) });
  return c.body(body, 206, {
    ...headers,
    'Content-Range': `bytes ${range.start}-${range.end}/${file.size}`,
    'Content-Length': String(range.end - range.start + 1),
  });
}
