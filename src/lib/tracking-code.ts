// Codes the public keeps to look up what they sent: a prefix naming the kind (TG 投稿, RZ 入驻,
// LY 留言) and eight characters, such as TG-7K4M-Q9XZ (40 bits of randomness).
import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: a code read out over the phone must not be misheard.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A new code with the given two-letter prefix. */
export function newTrackingCode(prefix: string): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${prefix}-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** A code with this prefix as people type it (any case, spaces or dashes), or undefined when it cannot be one. */
export function normalizeTrackingCode(prefix: string, text: string): string | undefined {
  const compact = text.normalize('NFKC').toUpperCase().replace(/[\s-]/gu, '');
  const match = new RegExp(`^${prefix}([${CODE_ALPHABET}]{4})([${CODE_ALPHABET}]{4})$`, 'u').exec(compact);
  return match ? `${prefix}-${match[1]}-${match[2]}` : undefined;
}
