// A public question to an investment-promotion office (公开问答), and what each page may show of it.
import { z } from 'zod';
import { consent, oneOf, phoneOrEmail, requiredText } from '../http/form-fields.ts';

export const TITLE_MAX = 100;
export const QUESTION_MAX = 5000;
export const ANSWER_MAX = 10000;
export const REASON_MAX = 1000;
/** Tracking codes of questions start with WD (问答). */
export const QUESTION_CODE_PREFIX = 'WD';

/** The fixed categories a question is filed under. */
export const QUESTION_CATEGORIES = ['投资政策', '项目落地', '营商环境', '人才与用工', '其他'] as const;

export type QuestionStatus = 'received' | 'accepted' | 'declined' | 'answered';

export const STATUS_NAMES: Record<QuestionStatus, string> = {
  received: '待受理',
  accepted: '已受理',
  declined: '不予受理',
  answered: '已答复',
};

/** What the status page tells the asker: their own question's course, never anyone's personal data. */
export interface QuestionProgress {
  trackingCode: string;
  title: string;
  channel: string;
  status: QuestionStatus;
  createdAt: string;
  acceptedAt: string | null;
  answeredAt: string | null;
  declineReason: string | null;
  answer: string | null;
  /** Offices the question was handed to (转办), in order. */
  transferredTo: string[];
}

/** A published question and its answer: what anyone may read. No name, no contact. */
export interface PublishedQuestion {
  id: number;
  channel: string;
  category: string;
  title: string;
  body: string;
  answer: string;
  /** The 答复单位 (channel slug). */
  answeredBy: string;
  createdAt: string;
  acceptedAt: string;
  answeredAt: string;
}

/** The question form's rules, given the channel slugs of the offices. */
export function questionSchema(channelSlugs: readonly string[]) {
  return z.object({
    channel: oneOf('提问对象', channelSlugs),
    category: oneOf('问题类别', QUESTION_CATEGORIES),
    title: requiredText('标题', TITLE_MAX, 4),
    body: requiredText('问题内容', QUESTION_MAX, 10),
    name: requiredText('姓名', 50),
    contact: phoneOrEmail(),
    // Unticked, the question is still answered, only never published.
    publish: z
      .string()
      .optional()
      .transform((value) => value === 'yes'),
    consent: consent('请阅读并同意个人信息的使用说明。'),
  });
}

export type QuestionInput = z.infer<ReturnType<typeof questionSchema>>;
