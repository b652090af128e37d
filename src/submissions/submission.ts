// A contribution from the public (投稿) and the rules for a valid one.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { consent, mobileOrEmail, oneOf, requiredText } from '../http/form-fields.ts';

export const TITLE_MAX = 100;
export const BODY_MAX = 20_000;
export const NAME_MAX = 50;
/** The largest post of the form: BODY_MAX characters take up to 12 bytes each percent-encoded. */
export const SUBMIT_BODY_BYTES = 256 * 1024;

/** What the status page tells the contributor. */
export interface SubmissionStatus {
  trackingCode: string;
  title: string;
  status: 'pending' | 'published' | 'rejected';
  rejectReason: string | null;
  articleId: number | null;
  createdAt: string;
}

/** The contribution form's rules, given the channel slugs one may choose. */
export function submissionSchema(channelSlugs: readonly string[]) {
  return z.object({
    title: requiredText('标题', TITLE_MAX, 5),
    body: requiredText('正文', BODY_MAX, 20),
    channel: oneOf('投稿频道', channelSlugs),
    name: requiredText('姓名', NAME_MAX),
    contact: mobileOrEmail(),
    consent: consent('请阅读并同意个人信息的使用说明。'),
  });
}

export type SubmissionInput = z.infer<ReturnType<typeof submissionSchema>>;

/** The rules for a reviewer's edit of a pending contribution, given the channels they act on. */
export function submissionEditSchema(channelSlugs: readonly string[]) {
  return z.object({
    title: requiredText('标题', TITLE_MAX, 5),
    body: requiredText('正文', BODY_MAX, 20),
    channel: oneOf('频道', channelSlugs),
  });
}

/** A contribution's text as a reviewer edits it before publishing. */
export type SubmissionEdit = z.infer<ReturnType<typeof submissionEditSchema>>;

// No 0/O, 1/I/L: a code read out over the phone must not be misheard.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A new tracking code such as TG-7K4M-Q9XZ (40 bits of randomness). */
export function newTrackingCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `TG-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** A tracking code as people type it, or undefined when it cannot be one. */
export function normalizeTrackingCode(text: string): string | undefined {
  const compact = text.normalize('NFKC').toUpperCase().replace(/[\s-]/gu, '');
  const match = /^TG([2-9A-HJKMNP-Z]{4})([2-9A-HJKMNP-Z]{4})$/u.exec(compact);
  return match ? `TG-${match[1]}-${match[2]}` : undefined;
}
