// A contribution from the public (投稿) and the rules for a valid one.
import { z } from 'zod';
import { consent, phoneOrEmail, oneOf, requiredText } from '../http/form-fields.ts';

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
  /** The article it became, while that is public; `withdrawn` once it was unpublished or deleted. */
  article: { id: number } | 'withdrawn' | null;
  createdAt: string;
}

/** The contribution form's rules, given the channel slugs one may choose. */
export function submissionSchema(channelSlugs: readonly string[]) {
  return z.object({
    title: requiredText('标题', TITLE_MAX, 5),
    body: requiredText('正文', BODY_MAX, 20),
    channel: oneOf('投稿频道', channelSlugs),
    name: requiredText('姓名', NAME_MAX),
    contact: phoneOrEmail(),
    consent: consent('请阅读并同意个人信息的使用说明。'),
  });
}

export type SubmissionInput = z.infer<ReturnType<typeof submissionSchema>>;

/** Tracking codes of contributions start with TG (投稿). */
export const TRACKING_PREFIX = 'TG';

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
