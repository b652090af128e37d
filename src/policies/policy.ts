// A policy document of the policy library (政策文件库): its fields, the validity readers see, and
// the editor form's rules. Validity is documented in CONTEXT.md.
import { z } from 'zod';
import { isCalendarDate } from '../articles/article.ts';
import { oneOf, requiredText } from '../http/form-fields.ts';
import { docNumberKey } from './doc-number.ts';

export const TITLE_MAX = 200;
export const DOC_NUMBER_MAX = 50;
export const ISSUER_MAX = 100;
export const BODY_MAX = 200_000;

/** The topics a policy is filed under. */
export const POLICY_TOPICS = ['产业扶持', '人才', '土地', '税收', '金融', '外资', '科技创新', '营商环境', '其他'] as const;
/** The level of government that issued it (区 covers districts, counties and development zones). */
export const POLICY_LEVELS = ['国家', '省', '市', '区'] as const;

/** What editors decide: in force, replaced by a newer document, or repealed. */
export type PolicyStatus = 'in_force' | 'amended' | 'repealed';

/** What readers are told: the editors' decision, and for documents in force, the dates. */
export type PolicyValidity = 'in_force' | 'not_yet' | 'expired' | 'amended' | 'repealed';

export const VALIDITY_NAMES: Record<PolicyValidity, string> = {
  in_force: '现行有效',
  not_yet: '尚未施行',
  expired: '已失效',
  amended: '已修订',
  repealed: '已废止',
};

/** The validities as English pages name them. */
export const VALIDITY_ENGLISH_NAMES: Record<PolicyValidity, string> = {
  in_force: 'In force',
  not_yet: 'Not yet in force',
  expired: 'Expired',
  amended: 'Amended',
  repealed: 'Repealed',
};

/** The validities in the order the list's filter offers them. */
export const VALIDITIES = Object.keys(VALIDITY_NAMES) as PolicyValidity[];

/** A policy as every part of the code sees it. */
export interface Policy {
  id: number;
  title: string;
  docNumber: string | null;
  issuer: string;
  level: string;
  channel: string;
  topic: string;
  writtenOn: string;
  publishedOn: string;
  effectiveOn: string;
  validUntil: string | null;
  /** Markdown. */
  body: string;
  status: PolicyStatus;
  replacedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** What lists show of a policy. */
export type PolicySummary = Omit<Policy, 'body'>;

/**
 * The validity on Beijing calendar day `today` (YYYY-MM-DD): a repeal or an amendment decided by
 * editors wins; otherwise the document is 尚未施行 before its 实施日期, 已失效 after the last day
 * of its 有效期, and 现行有效 from the 实施日期 to that last day inclusive.
 */
export function validityOf(policy: Pick<Policy, 'status' | 'effectiveOn' | 'validUntil'>, today: string): PolicyValidity {
  if (policy.status !== 'in_force') return policy.status;
  if (today < policy.effectiveOn) return 'not_yet';
  if (policy.validUntil !== null && today > policy.validUntil) return 'expired';
  return 'in_force';
}

const date = (label: string) => z.string({ error: `请填写${label}。` }).refine(isCalendarDate, `请填写${label},格式如 2025-07-29。`);
const optionalDate = (label: string) =>
  z
    .string()
    .optional()
    .transform((text) => text?.trim() ?? '')
    .refine((text) => text === '' || isCalendarDate(text), `${label}格式如 2025-07-29,没有期限请留空。`)
    .transform((text) => (text === '' ? null : text));

/** The editor form's rules, given the channels the user may keep policies in. */
export function policySchema(channelSlugs: readonly string[]) {
  return z
    .object({
      title: requiredText('标题', TITLE_MAX),
      docNumber: z
        .string()
        .optional()
        .transform((text) => text?.trim() ?? '')
        .refine(
          (text) => text === '' || (text.length <= DOC_NUMBER_MAX && docNumberKey(text) !== undefined),
          '发文字号格式如 洪府发〔2025〕12号;没有文号请留空。',
        )
        .transform((text) => (text === '' ? null : text)),
      issuer: requiredText('发文机关', ISSUER_MAX),
      level: oneOf('层级', POLICY_LEVELS),
      channel: oneOf('所属频道', channelSlugs),
      topic: oneOf('主题', POLICY_TOPICS),
      writtenOn: date('成文日期'),
      publishedOn: date('发布日期'),
      effectiveOn: date('实施日期'),
      validUntil: optionalDate('有效期至'),
      body: requiredText('正文', BODY_MAX),
    })
    .superRefine((input, ctx) => {
      if (input.publishedOn < input.writtenOn) ctx.addIssue({ code: 'custom', path: ['publishedOn'], message: '发布日期不能早于成文日期。' });
      if (input.validUntil !== null && input.validUntil < input.effectiveOn) {
        ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '有效期不能早于实施日期结束。' });
      }
    });
}

export type PolicyInput = z.infer<ReturnType<typeof policySchema>>;
