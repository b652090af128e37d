// A site of the carrier library (载体库): a park, a building, a standard factory or a land plot,
// its units, the staleness of its vacancy, and the editor form's rules. Words in CONTEXT.md.
import { z } from 'zod';
import { isCalendarDate } from '../articles/article.ts';
import { withCompanyIdentity } from '../enterprises/company-identity.ts';
import { INDUSTRIES, industryName } from '../enterprises/industry.ts';
import { consent, oneOf, phoneNumber, phoneOrEmail, requiredText } from '../http/form-fields.ts';
import { daysBetween } from '../lib/china-time.ts';

export const NAME_MAX = 100;
export const ADDRESS_MAX = 200;
export const ADVANTAGES_MAX = 5000;
/** The largest area a form takes, in m² (a park of 1000 km²). */
export const AREA_MAX = 1_000_000_000;

/** The four kinds of site, by their code. */
export const SITE_KIND_NAMES = { park: '园区', building: '楼宇', factory: '标准厂房', land: '土地' } as const;
export type SiteKind = keyof typeof SITE_KIND_NAMES;
export const SITE_KINDS = Object.keys(SITE_KIND_NAMES) as SiteKind[];

/** 写字楼 grades as the market names them. */
export const BUILDING_GRADES = ['超甲级', '甲级', '乙级', '丙级'] as const;
/** 用地性质 of a plot. */
export const LAND_USES = ['工业', '仓储物流', '商业', '商务办公', '科研', '其他'] as const;
/** Where a plot stands: offered now, held in reserve, or already sold (出让). */
export const LAND_STATUSES = ['在售', '储备', '已出让'] as const;

/** 1 亩 = 10000/15 m² (about 666.67 m²). */
export const M2_PER_MU = 10_000 / 15;
/** A vacancy confirmed more than this many Beijing days ago is shown 待更新. */
export const STALE_AFTER_DAYS = 90;

/** A site as every part of the code sees it. Figures the kind does not have are null. */
export interface Site {
  id: number;
  kind: SiteKind;
  name: string;
  channel: string;
  address: string;
  /** GB/T 4754 section letters. */
  industries: string[];
  areaM2: number;
  areaMu: number | null;
  advantages: string;
  contactName: string;
  contactPhone: string;
  grade: string | null;
  floors: number | null;
  vacantM2: number | null;
  rentMin: number | null;
  rentMax: number | null;
  propertyFee: number | null;
  landUse: string | null;
  plotRatioMin: number | null;
  plotRatioMax: number | null;
  landStatus: string | null;
  /** The Beijing date the vacancy (or the plot's status) was last confirmed. */
  confirmedOn: string;
  createdAt: string;
  updatedAt: string;
}

/** Whether a vacancy confirmed on `confirmedOn` is out of date on Beijing day `today`: more than 90 days ago. */
export function isStale(confirmedOn: string, today: string): boolean {
  return daysBetween(confirmedOn, today) > STALE_AFTER_DAYS;
}

/** m² for an area in 亩, to the cent of a m² (what filters and lists compare). */
export function muToM2(mu: number): number {
  return Math.round(mu * M2_PER_MU * 100) / 100;
}

/** A figure as pages print it: up to two decimals, grouped (1,234.5). */
export function formatNumber(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** A range as pages print it: `0.8–1.2`, or one figure when both ends are equal. */
export function formatRange(min: number, max: number): string {
  return min === max ? formatNumber(min) : `${formatNumber(min)}–${formatNumber(max)}`;
}

/** The industry names of a site, in GB/T 4754 order. */
export function industryNames(codes: readonly string[]): string[] {
  return INDUSTRIES.filter((industry) => codes.includes(industry.code)).map((industry) => industryName(industry.code));
}

/** The form field of an industry's checkbox. */
export const industryField = (code: string) => `industry_${code}`;

/** A decimal figure typed in a form ('' is undefined); full-width digits and thousands commas accepted. */
function decimal(label: string, max: number) {
  return z
    .string()
    .optional()
    .transform((text) => (text ?? '').normalize('NFKC').replace(/[,\s]/gu, ''))
    .refine((text) => text === '' || /^\d+(\.\d{1,2})?$/u.test(text), `${label}请填写数字(最多两位小数)。`)
    .transform((text) => (text === '' ? undefined : Number(text)))
    .refine((value) => value === undefined || value <= max, `${label}不能超过 ${max}。`);
}

const optionalChoice = (label: string, values: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((text) => text ?? '')
    .refine((text) => text === '' || values.includes(text), `请选择${label}。`);

/** The editor form's rules, given the channels the user keeps and Beijing day `today`. */
export function siteSchema(channelSlugs: readonly string[], today: string) {
  const industryFields = Object.fromEntries(INDUSTRIES.map((industry) => [industryField(industry.code), z.string().optional()]));
  return z
    .object({
      kind: oneOf('载体类型', SITE_KINDS),
      name: requiredText('名称', NAME_MAX),
      channel: oneOf('所属地区', channelSlugs),
      address: requiredText('地址', ADDRESS_MAX),
      advantages: requiredText('简介与优势', ADVANTAGES_MAX),
      contactName: requiredText('联系人', 50),
      contactPhone: phoneNumber('联系电话'),
      areaM2: decimal('面积', AREA_MAX),
      areaMu: decimal('面积(亩)', AREA_MAX / M2_PER_MU),
      grade: optionalChoice('楼宇等级', BUILDING_GRADES),
      floors: decimal('楼层数', 300).refine((value) => value === undefined || Number.isInteger(value), '楼层数请填写整数。'),
      vacantM2: decimal('空置面积', AREA_MAX),
      rentMin: decimal('租金下限', 10_000),
      rentMax: decimal('租金上限', 10_000),
      propertyFee: decimal('物业费', 10_000),
      landUse: optionalChoice('用地性质', LAND_USES),
      plotRatioMin: decimal('容积率下限', 100),
      plotRatioMax: decimal('容积率上限', 100),
      landStatus: optionalChoice('土地状态', LAND_STATUSES),
      confirmedOn: z
        .string({ error: '请填写空置信息确认日期。' })
        .refine(isCalendarDate, '确认日期格式如 2026-11-30。')
        .refine((date) => !isCalendarDate(date) || date <= today, '确认日期不能晚于今天。'),
      ...industryFields,
    })
    .superRefine((input, ctx) => {
      const need = (field: keyof typeof input, message: string) => {
        if (input[field] === undefined || input[field] === '') ctx.addIssue({ code: 'custom', path: [field], message });
      };
      const ordered = (min: keyof typeof input, max: keyof typeof input, message: string) => {
        const [low, high] = [input[min], input[max]];
        if ((low === undefined) !== (high === undefined))
          ctx.addIssue({ code: 'custom', path: [low === undefined ? min : max], message: `${message}请填写上下限(单一价格两栏填同一数)。` });
        if (typeof low === 'number' && typeof high === 'number' && low > high)
          ctx.addIssue({ code: 'custom', path: [max], message: `${message}上限不能小于下限。` });
      };
      if (input.kind === 'land') {
        need('areaMu', '请填写土地面积(亩)。');
        need('landUse', '请选择用地性质。');
        need('landStatus', '请选择土地状态。');
        ordered('plotRatioMin', 'plotRatioMax', '容积率');
        return;
      }
      need('areaM2', '请填写面积(平方米)。');
      ordered('rentMin', 'rentMax', '租金');
      if (input.kind === 'building') {
        need('grade', '请选择楼宇等级。');
        need('floors', '请填写楼层数。');
      }
      if (input.kind !== 'park') need('vacantM2', '请填写空置面积。');
      if (typeof input.vacantM2 === 'number' && typeof input.areaM2 === 'number' && input.vacantM2 > input.areaM2) {
        ctx.addIssue({ code: 'custom', path: ['vacantM2'], message: '空置面积不能大于总面积。' });
      }
    })
    .transform((input): SiteInput => {
      const land = input.kind === 'land';
      const leasable = !land;
      const figure = (value: number | undefined, applies: boolean) => (applies && value !== undefined ? value : null);
      const choice = (value: string, applies: boolean) => (applies && value !== '' ? value : null);
      return {
        kind: input.kind as SiteKind,
        name: input.name,
        channel: input.channel,
        address: input.address,
        advantages: input.advantages,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        industries: INDUSTRIES.filter((industry) => (input as Record<string, unknown>)[industryField(industry.code)] === 'yes').map(
          (industry) => industry.code,
        ),
        areaMu: figure(input.areaMu, land),
        areaM2: land ? muToM2(input.areaMu ?? 0) : (input.areaM2 ?? 0),
        grade: choice(input.grade, input.kind === 'building'),
        floors: figure(input.floors, input.kind === 'building' || input.kind === 'factory'),
        vacantM2: figure(input.vacantM2, leasable),
        rentMin: figure(input.rentMin, leasable),
        rentMax: figure(input.rentMax, leasable),
        propertyFee: figure(input.propertyFee, input.kind === 'building' || input.kind === 'factory'),
        landUse: choice(input.landUse, land),
        plotRatioMin: figure(input.plotRatioMin, land),
        plotRatioMax: figure(input.plotRatioMax, land),
        landStatus: choice(input.landStatus, land),
        confirmedOn: input.confirmedOn,
      };
    });
}

/** A site as the editor saves it. */
export type SiteInput = Omit<Site, 'id' | 'createdAt' | 'updatedAt'>;

/** The 确认空置 form's rules: the vacant area now (for a plot, its status), on Beijing day `today`. */
export function vacancySchema(kind: SiteKind): z.ZodType<{ vacantM2: number | null; landStatus: string | null }> {
  return kind === 'land'
    ? z.object({ landStatus: oneOf('土地状态', LAND_STATUSES) }).transform((input) => ({ vacantM2: null, landStatus: input.landStatus }))
    : z
        .object({ vacantM2: decimal('空置面积', AREA_MAX).refine((value) => value !== undefined, '请填写空置面积。') })
        .transform((input) => ({ vacantM2: input.vacantM2 ?? 0, landStatus: null }));
}

export const COMPANY_MAX = 100;
export const QUESTION_MAX = 2000;

/**
 * The 我要咨询 form's rules: the company's name and identity (a credit code in the mainland, or the
 * country or region and registration number outside it, as every public form takes it), who asks,
 * how to reach them (a phone, international too, or an e-mail address), and the question.
 */
export function inquirySchema() {
  return withCompanyIdentity(
    z.object({
      companyName: requiredText('企业名称', COMPANY_MAX, 2),
      name: requiredText('联系人', 50),
      contact: phoneOrEmail('联系方式'),
      question: requiredText('咨询内容', QUESTION_MAX, 5),
      consent: consent('请阅读并同意个人信息的使用说明。'),
    }),
  );
}

export type InquiryInput = z.infer<ReturnType<typeof inquirySchema>>;
