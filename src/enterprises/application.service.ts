// Rules for enterprise applications and the public directory. No HTTP here.
import type { Db } from '../db/database.ts';
import type { ApplicationInput, DirectoryEntry } from './application.ts';
import * as store from './application.store.ts';

export const DIRECTORY_PAGE_SIZE = 20;

/** Why an application cannot be accepted, per field. */
export type ApplicationRefusal = { creditCode: string };

const ALREADY_OPEN = '该统一社会信用代码已有一份正在审核的申请,请勿重复提交;审核结果将通过您留下的手机号码通知。';

/** Stores an application for review, or refuses a second open one for the same company. */
export async function applyForSettlement(db: Db, input: ApplicationInput, now = new Date()): Promise<{ id: number } | ApplicationRefusal> {
  if (await store.hasOpenApplication(db, input.creditCode)) return { creditCode: ALREADY_OPEN };
  try {
    const id = await store.insertApplication(db, {
      company_name: input.companyName,
      credit_code: input.creditCode,
      industry: input.industry,
      channel: input.channel,
      planned_investment: input.plannedInvestment,
      contact_person: input.contactPerson,
      contact_mobile: input.contactMobile,
      description: input.description,
      status: 'pending',
      reject_reason: null,
      created_at: now.toISOString(),
      closed_at: null,
      purged_at: null,
    });
    return { id };
  } catch (error) {
    // Two posts at once: the partial unique index lets only one through.
    if (await store.hasOpenApplication(db, input.creditCode)) return { creditCode: ALREADY_OPEN };
    throw error;
  }
}

/** One page of the directory of approved enterprises. */
export async function enterpriseDirectory(
  db: Db,
  filter: { industry?: string | undefined; channel?: string | undefined; page: number },
): Promise<{ total: number; page: number; pageCount: number; entries: DirectoryEntry[] }> {
  const { total, entries } = await store.approvedEnterprises(db, { ...filter, limit: DIRECTORY_PAGE_SIZE, offset: (filter.page - 1) * DIRECTORY_PAGE_SIZE });
  return { total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)), entries };
}
