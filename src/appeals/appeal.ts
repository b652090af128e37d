// An enterprise's request to the government (企业诉求): filed under a category with a district,
// assigned to an office and a handler (特派员) with a deadline in working days, closed with a
// resolution the enterprise rates. The words the pages use, and what each status means.
import { z } from 'zod';
import { withCompanyIdentity, type CompanyIdentity } from '../enterprises/company-identity.ts';
import { consent, oneOf, phoneNumber, requiredText } from '../http/form-fields.ts';

/** Tracking codes of requests start with SQ (诉求). */
export const APPEAL_CODE_PREFIX = 'SQ';

/** The fixed categories a request is filed under. */
export const APPEAL_CATEGORIES = ['用工', '审批', '要素保障', '融资', '供应链', '政策兑现', '其他'] as const;
export type AppealCategory = (typeof APPEAL_CATEGORIES)[number];

/** Working days a handler has for a request unless the category's setting says otherwise. */
export const DEFAULT_WORKING_DAYS = 5;

/**
 * received: waiting for the desk to assign it; assigned: a handler works on it (also after an
 * extension or a review); resolved: the handler closed it with a resolution, the enterprise has
 * not rated it yet; closed: rated 满意 or 基本满意; reopened: rated 不满意, waiting for the desk's review.
 */
export type AppealStatus = 'received' | 'assigned' | 'resolved' | 'closed' | 'reopened';

export const APPEAL_STATUS_NAMES: Record<AppealStatus, string> = {
  received: '待分办',
  assigned: '办理中',
  resolved: '已办结(待评价)',
  closed: '已办结',
  reopened: '不满意,复核中',
};

export type AppealRating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export const APPEAL_RATING_NAMES: Record<AppealRating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

/** What happened to a request, as its history lists it; `transferred` names the new office (channel slug) in its text. */
export type AppealEventKind =
  | 'assigned'
  | 'transferred'
  | 'note'
  | 'extension_requested'
  | 'extension_approved'
  | 'deadline_recounted'
  | 'extension_rejected'
  | 'resolved'
  | 'rated'
  | 'reopened';

export const ENTERPRISE_NAME_MAX = 100;
export const TITLE_MAX = 100;
export const BODY_MAX = 5000;
export const NOTE_MAX = 2000;
export const RESOLUTION_MAX = 5000;
export const COMMENT_MAX = 500;
export const REASON_MAX = 1000;
/** The most working days one extension may add. */
export const EXTENSION_MAX_DAYS = 60;

/** The request form's rules, given the channel slugs of the districts (offices). */
export function appealSchema(channelSlugs: readonly string[]) {
  return withCompanyIdentity(
    z.object({
      enterpriseName: requiredText('企业名称', ENTERPRISE_NAME_MAX, 2),
      contactName: requiredText('联系人', 50),
      contactPhone: phoneNumber('联系电话'),
      channel: oneOf('所属区域', channelSlugs),
      category: oneOf('诉求类别', APPEAL_CATEGORIES).transform((category) => category as AppealCategory),
      title: requiredText('标题', TITLE_MAX, 4),
      body: requiredText('诉求内容', BODY_MAX, 10),
      consent: consent('请阅读并同意个人信息的使用说明。'),
    }),
  );
}

export type AppealInput = z.infer<ReturnType<typeof appealSchema>>;

const RATINGS = Object.keys(APPEAL_RATING_NAMES) as AppealRating[];

/** The enterprise's rating of a resolved request: 不满意 must say why, since the desk reviews it. */
export const ratingSchema = z
  .object({
    code: z.string({ error: '请填写查询码。' }),
    rating: oneOf('评价', RATINGS).transform((rating) => rating as AppealRating),
    comment: z
      .string()
      .optional()
      .transform((text) => (text ?? '').trim())
      .refine((text) => [...text].length <= COMMENT_MAX, `评价意见不能超过 ${COMMENT_MAX} 个字。`),
  })
  .superRefine((rating, ctx) => {
    if (rating.rating === 'unsatisfied' && rating.comment === '')
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '选择“不满意”时,请填写评价意见,说明不满意的原因。' });
  });

export type RatingInput = z.infer<typeof ratingSchema>;

/** One step of a request's course as its enterprise sees it: no console names, no personal data. */
export interface AppealStep {
  kind: AppealEventKind;
  at: string;
  /** A progress note, the new office of a transfer, or the rating's comment; null for the others. */
  text: string | null;
}

/** What the tracking page tells the enterprise: its own request's course, never anyone's personal data. */
export interface AppealProgress {
  trackingCode: string;
  /** The enterprise and its registration (public register data, nothing personal). */
  enterpriseName: string;
  company: CompanyIdentity;
  title: string;
  category: AppealCategory;
  channel: string;
  status: AppealStatus;
  createdAt: string;
  assignedAt: string | null;
  dueOn: string | null;
  dueProvisional: boolean;
  resolution: string | null;
  resolvedAt: string | null;
  rating: AppealRating | null;
  ratingComment: string | null;
  steps: AppealStep[];
}
