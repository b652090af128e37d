// An enterprise's application to settle (企业入驻), and what the public directory shows.
import { z } from 'zod';
import { consent, oneOf, phoneNumber, requiredText } from '../http/form-fields.ts';
import { COUNTRIES } from './country.ts';
import { englishCreditCodeField } from './credit-code.ts';
import { englishConsent, englishOneOf, englishPhoneNumber, englishRequiredText } from '../i18n/english-form-fields.ts';
import { REGISTRATION_NUMBER_MAX, withCompanyIdentity, type CompanyIdentity } from './company-identity.ts';
import { INDUSTRIES } from './industry.ts';

export const COMPANY_MAX = 100;
export const DESCRIPTION_MAX = 2000;
export const MAX_INVESTMENT = 100_000_000; // 万元: one trillion yuan
/** Tracking codes of applications start with RZ (入驻). */
export const APPLICATION_CODE_PREFIX = 'RZ';

/** An approved enterprise as the directory lists it (no personal data). */
export interface DirectoryEntry {
  id: number;
  companyName: string;
  industry: string;
  channel: string;
  /** The country or region (ISO 3166-1) of a company registered outside the mainland; null for one in it. */
  registrationCountry: string | null;
  plannedInvestment: number;
  description: string;
  approvedOn: string;
}

/** What the status page tells the applicant (nothing personal: the code is all it takes to see it). */
export interface ApplicationStatus {
  trackingCode: string;
  companyName: string;
  company: CompanyIdentity;
  status: 'pending' | 'approved' | 'rejected';
  rejectReason: string | null;
  createdAt: string;
  closedAt: string | null;
}

/** The application form's rules, given the district/zone slugs one may choose. */
export function applicationSchema(channelSlugs: readonly string[]) {
  return withCompanyIdentity(
    z.object({
      companyName: requiredText('企业名称', COMPANY_MAX, 2),
      industry: oneOf(
        '所属行业',
        INDUSTRIES.map((industry) => industry.code),
      ),
      channel: oneOf('意向落户区域', channelSlugs),
      plannedInvestment: requiredText('计划投资额', 20)
        .transform((text) => text.normalize('NFKC').replace(/,/gu, ''))
        .refine((text) => /^\d+(\.\d{1,2})?$/u.test(text), '计划投资额请填写数字(单位:万元,最多两位小数)。')
        .transform(Number)
        .refine((amount) => amount > 0 && amount <= MAX_INVESTMENT, `计划投资额应大于 0 且不超过 ${MAX_INVESTMENT} 万元。`),
      contactPerson: requiredText('联系人', 50),
      contactMobile: phoneNumber('联系电话'),
      description: requiredText('项目简介', DESCRIPTION_MAX, 10),
      consent: consent('请阅读并同意个人信息的使用说明。'),
    }),
  );
}

/**
 * The English form's rules (/en/enterprises/apply): the same fields and checks with English
 * messages; the planned investment is asked in CNY million, as English readers count, and stored
 * in 万元 like every other application (1 million = 100 万).
 */
export function englishApplicationSchema(channelSlugs: readonly string[]) {
  const common = {
    companyName: englishRequiredText('the company name', COMPANY_MAX, 2),
    industry: englishOneOf(
      'an industry',
      INDUSTRIES.map((industry) => industry.code),
    ),
    channel: englishOneOf('where you plan to settle', channelSlugs),
    plannedInvestment: englishRequiredText('the planned investment', 20)
      .transform((text) => text.normalize('NFKC').replace(/,/gu, ''))
      .refine((text) => /^\d+(\.\d{1,4})?$/u.test(text), 'Please enter the planned investment as a number of CNY million (up to four decimals).')
      .transform((millions) => Math.round(Number(millions) * 10_000) / 100)
      .refine(
        (amount) => amount > 0 && amount <= MAX_INVESTMENT,
        `The planned investment must be more than 0 and at most CNY ${(MAX_INVESTMENT / 100).toLocaleString('en-GB')} million.`,
      ),
    contactPerson: englishRequiredText('a contact person', 50),
    contactMobile: englishPhoneNumber(),
    description: englishRequiredText('a description of the project', DESCRIPTION_MAX, 10),
    consent: englishConsent(),
  };
  const inChina = z.object({ registration: z.literal('china'), creditCode: englishCreditCodeField(), ...common });
  const abroad = z.object({
    registration: z.literal('abroad'),
    registrationCountry: englishOneOf(
      'the country or region of registration',
      COUNTRIES.map((country) => country.code),
    ),
    registrationNumber: englishRequiredText('the registration number', REGISTRATION_NUMBER_MAX, 2).transform((text) => text.normalize('NFKC').toUpperCase()),
    ...common,
  });
  // The same data as the Chinese form's (company-identity.ts): the identity as `company`.
  return z
    .discriminatedUnion('registration', [inChina, abroad], { error: 'Please choose where the company is registered.' })
    .transform((fields): ApplicationInput => {
      const { companyName, industry, channel, plannedInvestment, contactPerson, contactMobile, description, consent } = fields;
      const company: CompanyIdentity =
        fields.registration === 'china'
          ? { kind: 'china', creditCode: fields.creditCode }
          : { kind: 'abroad', country: fields.registrationCountry, number: fields.registrationNumber };
      return { company, companyName, industry, channel, plannedInvestment, contactPerson, contactMobile, description, consent };
    });
}

export type ApplicationInput = z.infer<ReturnType<typeof applicationSchema>>;
