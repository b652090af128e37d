// An enterprise's application to settle (企业入驻), and what the public directory shows.
import { z } from 'zod';
import { consent, mobileNumber, oneOf, requiredText } from '../http/form-fields.ts';
import { creditCodeProblem, normalizeCreditCode } from './credit-code.ts';
import { INDUSTRIES } from './industry.ts';

export const COMPANY_MAX = 100;
export const DESCRIPTION_MAX = 2000;
export const MAX_INVESTMENT = 100_000_000; // 万元: one trillion yuan

/** An approved enterprise as the directory lists it (no personal data). */
export interface DirectoryEntry {
  id: number;
  companyName: string;
  industry: string;
  channel: string;
  plannedInvestment: number;
  description: string;
  approvedOn: string;
}

/** The application form's rules, given the district/zone slugs one may choose. */
export function applicationSchema(channelSlugs: readonly string[]) {
  return z.object({
    companyName: requiredText('企业名称', COMPANY_MAX, 2),
    creditCode: requiredText('统一社会信用代码', 30)
      .transform(normalizeCreditCode)
      .superRefine((code, ctx) => {
        const problem = creditCodeProblem(code);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    industry: oneOf('所属行业', INDUSTRIES.map((industry) => industry.code)),
    channel: oneOf('意向落户区域', channelSlugs),
    plannedInvestment: requiredText('计划投资额', 20)
      .transform((text) => text.normalize('NFKC').replace(/,/gu, ''))
      .refine((text) => /^\d+(\.\d{1,2})?$/u.test(text), '计划投资额请填写数字(单位:万元,最多两位小数)。')
      .transform(Number)
      .refine((amount) => amount > 0 && amount <= MAX_INVESTMENT, `计划投资额应大于 0 且不超过 ${MAX_INVESTMENT} 万元。`),
    contactPerson: requiredText('联系人', 50),
    contactMobile: mobileNumber('联系人手机'),
    description: requiredText('项目简介', DESCRIPTION_MAX, 10),
    consent: consent('请阅读并同意个人信息的使用说明。'),
  });
}

export type ApplicationInput = z.infer<ReturnType<typeof applicationSchema>>;
