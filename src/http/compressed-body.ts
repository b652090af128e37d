// A response body held in memory with its compressed forms, so hot responses are never re-encoded.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib';

/** Body bytes in identity, gzip and brotli encodings, with a validator. */
export interface CompressedBody {
  etag: string;
  identity: Buffer;
  gzip: Buffer | undefined;
  br: Buffer | undefined;
  /** True when the encodings are at the best level; false when made fast, to be improved later. */
  best: boolean;
}

// Below this size compression saves less than its headers cost.
const MIN_COMPRESS_BYTES = 1024;

// The levels of a body kept for many requests (static assets, a page read again): brotli 9 makes
// pages 15 % smaller than brotli 0 or gzip 1, and costs 10 to 50 ms of CPU for a page.
const BEST_GZIP: ZlibOptions = { level: 9 };
const BEST_BROTLI_QUALITY = 9;
// The levels of a page rendered on a request, which may never be asked for again. Brotli 0 costs
// under half of brotli 1 for bodies 3-4 % larger (article pages of 9-44 kB: 0.07 against 0.16 ms
// each); gzip 1 about 0.2 ms, made only for readers that take no brotli.
const FAST_GZIP: ZlibOptions = { level: 1 };
const FAST_BROTLI_QUALITY = 0;

const brotliOptions = (quality: number, bytes: Buffer): BrotliOptions => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
});
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// zlib hands back its output as a view of a 64 kB chunk: kept as it is, a 4 kB brotli page holds
// 64 kB of memory, and a page in both encodings 128 kB. Bodies are kept for many requests, so
// each is copied once into memory of its own size.
function ownSize(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes;
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

const gzipped = (bytes: Buffer, options: ZlibOptions) => ownSize(gzipSync(bytes, options));
const brotlied = (bytes: Buffer, quality: number) => ownSize(brotliCompressSync(bytes, brotliOptions(quality, bytes)));

/**
 * Encodes a body once, in every encoding we serve, at the best level; or `fast`, for a page rendered
 * on a request, in the one encoding its reader takes (`acceptEncoding`): most such pages are never
 * read again. A reader taking another one gets it added (withEncodingFor), and a page asked for
 * again is encoded in both at the best level (recompressed).
 */
export function compressBody(bytes: Buffer, { fast = false, acceptEncoding }: { fast?: boolean; acceptEncoding?: string | undefined } = {}): CompressedBody {
  const etag = `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`;
  if (bytes.length < MIN_COMPRESS_BYTES) return { etag, identity: ownSize(bytes), gzip: undefined, br: undefined, best: true };
  if (!fast) return { etag, identity: ownSize(bytes), gzip: gzipped(bytes, BEST_GZIP), br: brotlied(bytes, BEST_BROTLI_QUALITY), best: true };
  return withEncodingFor({ etag, identity: ownSize(bytes), gzip: undefined, br: undefined, best: false }, acceptEncoding);
}

/** The body with the encoding a reader takes, made fast when the body does not have it yet. */
export function withEncodingFor(body: CompressedBody, acceptEncoding: string | undefined): CompressedBody {
  if (body.best || acceptEncoding === undefined) return body;
  const wanted = preferredEncoding(acceptEncoding);
  if (wanted === undefined || body[wanted]) return body;
  const bytes = body.identity;
  return wanted === 'gzip' ? { ...body, gzip: gzipped(bytes, FAST_GZIP) } : { ...body, br: brotlied(bytes, FAST_BROTLI_QUALITY) };
}

/**
 * The same body at the best level, encoded on libuv's thread pool so the event loop keeps serving
 * meanwhile. The identity bytes and entity tag are the same: only the transfer encoding changes.
 */
export async function recompressed(body: CompressedBody): Promise<CompressedBody> {
  if (body.best) return body;
  const [gzip, br] = await Promise.all([gzipAsync(body.identity, BEST_GZIP), brotliAsync(body.identity, brotliOptions(BEST_BROTLI_QUALITY, body.identity))]);
  return { etag: body.etag, identity: body.identity, gzip: ownSize(gzip), br: ownSize(br), best: true };
}

/** The memory a body holds: its bytes in every encoding it has. */
export function bodyBytes(body: CompressedBody): number {
  return body.identity.length + (body.gzip?.length ?? 0) + (body.br?.length ?? 0);
}

/** True when an If-None-Match header names this entity tag (weak comparison, as for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Picks the best encoding the client accepts that the body has: brotli, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined, body: CompressedBody): { name: 'br' | 'gzip' | undefined; bytes: Buffer } {
  if (acceptEncoding) {
    if (body.br && accepts(acceptEncoding, 'br')) return { name: 'br', bytes: body.br };
    if (body.gzip && accepts(acceptEncoding, 'gzip')) return { name: 'gzip', bytes: body.gzip };
  }
  return { name: undefined, bytes: body.identity };
}

/** The encoding chooseEncoding picks for a body that has them all. */
function preferredEncoding(acceptEncoding: string): 'br' | 'gzip' | undefined {
  if (accepts(acceptEncoding, 'br')) return 'br';
  return accepts(acceptEncoding, 'gzip') ? 'gzip' : undefined;
}

function accepts(header: string, coding: string): boolean {
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name !== coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Status, headers and bytes of a response, before any HTTP library turns them into one. */
export interface ResponseParts {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** What to send for an in-memory body: 304 when the client's copy is current. */
export function responsePartsFor(
  request: { ifNoneMatch: string | undefined; acceptEncoding: string | undefined; head: boolean },
  body: CompressedBody,
  headers: Record<string, string>,
): ResponseParts {
  const common = { ...headers, ETag: body.etag, Vary: 'Accept-Encoding' };
  if (matchesEtag(request.ifNoneMatch, body.etag)) return { status: 304, headers: common, body: null };
  const encoding = chooseEncoding(request.acceptEncoding, body);
  const responseHeaders: Record<string, string> = { ...common, 'Content-Length': String(encoding.bytes.length) };
  if (encoding.name) responseHeaders['Content-Encoding'] = encoding.name;
  return { status: 200, headers: responseHeaders, body: request.head ? null : encoding.bytes };
}

/** The same as a web Response, for Hono handlers. */
export function respondWithBody(...args: Parameters<typeof responsePartsFor>): Response {
  const parts = responsePartsFor(...args);
  return new Response(parts.body as Uint8Array<ArrayBuffer> | null, { status: parts.status, headers: parts.headers });
}
