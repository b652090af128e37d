// An enterprise's request to the government (企业诉求): filed under a category with a district,
// assigned to an office and a handler (特派员) with a deadline in working days, closed with a
// resolution the enterprise rates. The words the pages use, and what each status means.

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

/** What happened to a request, as its history lists it. */
export type AppealEventKind = 'assigned' | 'note' | 'extension_requested' | 'extension_approved' | 'extension_rejected' | 'resolved' | 'rated' | 'reopened';
