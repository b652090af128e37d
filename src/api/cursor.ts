// Opaque page cursors: what the next page starts after, as base64url JSON with a checksum, so a
// client cannot edit one into a different query by accident and an edited one is refused (400).
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../http/errors.tsx';

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('base64url').slice(0, 8);
}

/** The cursor text for `position`. */
export function encodeCursor(position: unknown): string {
  const json = JSON.stringify(position);
  return Buffer.from(`${checksum(json)}.${json}`).toString('base64url');
}

/** The position a cursor names, checked against `schema`; undefined for no cursor; a 400 for a bad one. */
export function decodeCursor<T>(text: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (text === undefined || text === '') return undefined;
  const bad = new AppError(400, 'bad_request', '参数“cursor”无效:请使用上一页返回的 nextCursor,不要修改。');
  const bytes = Buffer.from(text, 'base64url');
  // Node's decoder skips characters it cannot use; only the exact encoding of the bytes is a cursor.
  if (bytes.toString('base64url') !== text) throw bad;
  const decoded = bytes.toString('utf8');
  const dot = decoded.indexOf('.');
  const json = decoded.slice(dot + 1);
  if (dot === -1 || decoded.slice(0, dot) !== checksum(json)) throw bad;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw bad;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw bad;
  return parsed.data;
}

/** An offset cursor for lists computed whole (facts, projects, the directory). */
export function offsetPage<T>(all: readonly T[], offset: number, limit: number): { items: T[]; nextCursor: string | null } {
  const items = all.slice(offset, offset + limit);
  return { items, nextCursor: offset + limit < all.length ? encodeCursor({ offset: offset + limit }) : null };
}
