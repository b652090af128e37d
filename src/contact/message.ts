// A message to an investment-promotion office (联系我们).
import { z } from 'zod';
import { consent, phoneOrEmail, oneOf, requiredText } from '../http/form-fields.ts';
import { englishConsent, englishOneOf, englishPhoneOrEmail, englishRequiredText } from '../i18n/english-form-fields.ts';

export const SUBJECT_MAX = 100;
export const MESSAGE_MAX = 5000;
/** Tracking codes of messages start with LY (留言). */
export const MESSAGE_CODE_PREFIX = 'LY';

/** What the status page tells the sender. */
export interface MessageStatus {
  trackingCode: string;
  subject: string;
  status: 'open' | 'handled';
  createdAt: string;
  closedAt: string | null;
}

/** The message form's rules, given the channel slugs of the offices. */
export function messageSchema(channelSlugs: readonly string[]) {
  return z.object({
    channel: oneOf('留言对象', channelSlugs),
    subject: requiredText('主题', SUBJECT_MAX, 2),
    body: requiredText('留言内容', MESSAGE_MAX, 10),
    name: requiredText('姓名', 50),
    contact: phoneOrEmail(),
    consent: consent('请阅读并同意个人信息的使用说明。'),
  });
}

/** The same rules with English messages, for the English contact form (/en/contact). */
export function englishMessageSchema(channelSlugs: readonly string[]) {
  return z.object({
    channel: englishOneOf('the office to write to', channelSlugs),
    subject: englishRequiredText('a subject', SUBJECT_MAX, 2),
    body: englishRequiredText('your message', MESSAGE_MAX, 10),
    name: englishRequiredText('your name', 50),
    contact: englishPhoneOrEmail(),
    consent: englishConsent(),
  });
}

export type MessageInput = z.infer<ReturnType<typeof messageSchema>>;
