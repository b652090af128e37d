// Who a company is, as every public form that asks for one takes it (企业入驻, 企业诉求, and the carrier
// library's 我要咨询): a company registered in the mainland gives its 统一社会信用代码, checked to its
// check character; one registered outside it (abroad, or in Hong Kong, Macao or Taiwan) gives the
// country or region and its registration number there. The mainland is not on that list, so no one
// skips the credit code's check by choosing "abroad".
import { z } from 'zod';
import { oneOf, requiredText } from '../http/form-fields.ts';
import { COUNTRIES, countryName } from './country.ts';
import { creditCodeField, creditCodeProblem, normalizeCreditCode } from './credit-code.ts';

/** A company's identity: its credit code in the mainland, or its country (ISO 3166-1) and registration number outside. */
export type CompanyIdentity = { kind: 'china'; creditCode: string } | { kind: 'abroad'; country: string; number: string };

/** Where the company is registered, as the form's `registration` field says it. */
export type Registration = CompanyIdentity['kind'];
export const REGISTRATIONS: ReadonlyArray<{ value: Registration; label: string }> = [
  { value: 'china', label: '中国境内(内地)注册企业' },
  { value: 'abroad', label: '境外企业(含港澳台地区)' },
];

export const REGISTRATION_NUMBER_MAX = 50;

/** The registration number abroad: any register's format, trimmed, one space between words, in upper case. */
function registrationNumberField() {
  return requiredText('境外注册号', REGISTRATION_NUMBER_MAX, 2)
    .transform((text) => text.normalize('NFKC').replace(/\s+/gu, ' ').toUpperCase())
    .refine((text) => !/\p{Cc}/u.test(text), '境外注册号含有无效字符。')
    .refine((text) => /[\p{L}\p{N}]/u.test(text), '境外注册号应含有字母或数字。')
    .refine(
      (text) => creditCodeProblem(normalizeCreditCode(text)) !== undefined,
      '这是一个统一社会信用代码:有统一社会信用代码的企业,请选择“中国境内(内地)注册企业”并填写统一社会信用代码。',
    );
}

const MAINLAND_IF_UNSAID = (values: unknown) =>
  // A form posted before the choice existed (a page open during an upgrade) is a mainland one.
  typeof values === 'object' && values !== null && !('registration' in values) ? { ...values, registration: 'china' } : values;

/**
 * The form fields `registration` ('china' | 'abroad'), `creditCode`, `registrationCountry` and
 * `registrationNumber`, read as `{ company: CompanyIdentity }`; each problem is reported on its own
 * field. Use it through `withCompanyIdentity`, and show the fields with `<CompanyIdentityFields>`
 * (views/company-identity-fields.tsx); store the identity with `companyIdentityColumns` and read it
 * back with `companyIdentityOf`.
 */
export function companyIdentityFields() {
  const inChina = z.object({ registration: z.literal('china'), creditCode: creditCodeField() });
  const abroad = z.object({
    registration: z.literal('abroad'),
    registrationCountry: oneOf(
      '注册国家或地区',
      COUNTRIES.map((country) => country.code),
    ),
    registrationNumber: registrationNumberField(),
  });
  return z
    .preprocess(MAINLAND_IF_UNSAID, z.discriminatedUnion('registration', [inChina, abroad], { error: '请选择企业注册地。' }))
    .transform((fields): { company: CompanyIdentity } => ({
      company:
        fields.registration === 'china'
          ? { kind: 'china', creditCode: fields.creditCode }
          : { kind: 'abroad', country: fields.registrationCountry, number: fields.registrationNumber },
    }));
}

/**
 * A form's schema: its own `fields` and the company's identity, every problem of both reported in
 * one pass. E.g. the carrier library's 我要咨询 form:
 * `withCompanyIdentity(z.object({ companyName: requiredText('企业名称', 100, 2), … }))`, whose data
 * is `{ company: CompanyIdentity, companyName: string, … }`.
 */
export function withCompanyIdentity<Fields extends z.ZodObject>(fields: Fields) {
  return z.intersection(companyIdentityFields(), fields);
}

/** The identity as the tables keep it: the credit code ('' abroad), and the country and number (null in the mainland). */
export function companyIdentityColumns(company: CompanyIdentity): {
  credit_code: string;
  registration_country: string | null;
  registration_number: string | null;
} {
  return company.kind === 'china'
    ? { credit_code: company.creditCode, registration_country: null, registration_number: null }
    : { credit_code: '', registration_country: company.country, registration_number: company.number };
}

/** The identity of a stored row: a row without a country (every row from before companies abroad) is a mainland one. */
export function companyIdentityOf(row: { credit_code: string; registration_country: string | null; registration_number: string | null }): CompanyIdentity {
  return row.registration_country === null
    ? { kind: 'china', creditCode: row.credit_code }
    : { kind: 'abroad', country: row.registration_country, number: row.registration_number ?? '' };
}

/** Where the company is registered, in a few words: 境内, or 境外 and the country or region (境外:德国). */
export function registrationPlace(company: CompanyIdentity): string {
  return company.kind === 'china' ? '境内' : `境外:${countryName(company.country)}`;
}

/** The identity as labelled lines, for a detail or status page. */
export function companyIdentityLines(company: CompanyIdentity): Array<[label: string, value: string]> {
  return company.kind === 'china'
    ? [
        ['注册地', '中国境内'],
        ['统一社会信用代码', company.creditCode],
      ]
    : [
        ['注册地', '境外(含港澳台地区)'],
        ['注册国家或地区', countryName(company.country)],
        ['境外注册号', company.number],
      ];
}
