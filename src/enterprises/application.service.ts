// Rules for enterprise applications and the public directory. No HTTP here.
import type { ConsoleUser } from '../accounts/account.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import type { PageLanguage } from '../http/page-meta.tsx';
import { bumpContentVersion } from '../db/site-state.store.ts';
import { newTrackingCode } from '../lib/tracking-code.ts';
import { decide, itemForReview, queueHead, queueItems, type QueueHead, type ReviewOutcome } from '../review/review-queue.ts';
import { APPLICATION_CODE_PREFIX, type ApplicationInput, type ApplicationStatus, type DirectoryEntry } from './application.ts';
import * as store from './application.store.ts';
import { companyIdentityColumns } from './company-identity.ts';
import { applicationReviewStore, type ApplicationForReview } from './application.store.ts';

export type { ApplicationForReview } from './application.store.ts';

export const DIRECTORY_PAGE_SIZE = 20;

/** Why an application cannot be accepted, beside the field that identifies the company. */
export type ApplicationRefusal = { creditCode: string } | { registrationNumber: string };

const ALREADY_OPEN = '已有一份正在审核的申请,请勿重复提交;可凭提交时得到的查询码查看审核进度。';

/** Stores an application for review and returns its tracking code, or refuses a second open one for the same company. */
export async function applyForSettlement(
  db: Db,
  input: ApplicationInput,
  now = new Date(),
  language: PageLanguage = 'zh-CN',
): Promise<{ id: number; trackingCode: string } | ApplicationRefusal> {
  const { company } = input;
  const refusal: ApplicationRefusal =
    company.kind === 'china' ? { creditCode: `该统一社会信用代码${ALREADY_OPEN}` } : { registrationNumber: `该国家或地区的这一注册号${ALREADY_OPEN}` };
  if (await store.hasOpenApplication(db, company)) return refusal;
  const trackingCode = newTrackingCode(APPLICATION_CODE_PREFIX);
  try {
    const id = await store.insertApplication(db, {
      tracking_code: trackingCode,
      company_name: input.companyName,
      ...companyIdentityColumns(company),
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
      language,
    });
    return { id, trackingCode };
  } catch (error) {
    // Two posts at once: the partial unique indexes let only one through.
    if (await store.hasOpenApplication(db, company)) return refusal;
    throw error;
  }
}

/** An application's status by its tracking code, or undefined. */
export function applicationStatus(db: Db, trackingCode: string): Promise<ApplicationStatus | undefined> {
  return store.applicationStatusByCode(db, trackingCode);
}

/** One page of the directory of approved enterprises. */
export async function enterpriseDirectory(
  db: Db,
  filter: { industry?: string | undefined; channel?: string | undefined; page: number },
): Promise<{ total: number; page: number; pageCount: number; entries: DirectoryEntry[] }> {
  const { total, entries } = await store.approvedEnterprises(db, { ...filter, limit: DIRECTORY_PAGE_SIZE, offset: (filter.page - 1) * DIRECTORY_PAGE_SIZE });
  return { total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)), entries };
}

/** `limit` entries of the directory from `offset` on, and how many there are in all (the open API's list). */
export function enterpriseDirectorySlice(
  db: Db,
  filter: { industry?: string | undefined; channel?: string | undefined; offset: number; limit: number },
): Promise<{ total: number; entries: DirectoryEntry[] }> {
  return store.approvedEnterprises(db, filter);
}

/** How many applications await review, all districts together, counting no further than `cap`. */
export function pendingApplications(db: Db, cap: number): Promise<number> {
  return store.pendingApplicationCount(db, cap);
}

/** Applications of one status in the user's districts, oldest first. */
export function applicationQueue(db: Db, user: ConsoleUser, status: ApplicationForReview['status'] = 'pending'): Promise<ApplicationForReview[]> {
  return queueItems(db, applicationReviewStore, user, status);
}

/** Enterprise applications awaiting review in the user's channels: how many, and the `limit` oldest (the console home shows them). */
export function applicationQueueHead(db: Db, user: ConsoleUser, limit: number): Promise<QueueHead<ApplicationForReview>> {
  return queueHead(db, applicationReviewStore, user, 'pending', limit);
}

/** One application, or undefined when it does not exist or is outside the user's districts. */
export function applicationForReview(db: Db, user: ConsoleUser, id: number): Promise<ApplicationForReview | undefined> {
  return itemForReview(db, applicationReviewStore, user, id);
}

/** Approves (listing the company in the directory) or rejects a pending application. */
export function decideApplication(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  decision: { approve: true } | { approve: false; reason: string },
  now = new Date(),
): Promise<ReviewOutcome> {
  return decide(
    db,
    applicationReviewStore,
    user,
    actor,
    id,
    {
      open: 'pending',
      action: `application.${decision.approve ? 'approve' : 'reject'}`,
      targetType: 'application',
      async close(trx) {
        // The public directory is a cached page: an approval changes it.
        if (decision.approve) await bumpContentVersion(trx);
        return decision.approve ? { status: 'approved' as const, reason: null } : { status: 'rejected' as const, reason: decision.reason };
      },
      audited: (closed) => ({ reason: closed.reason }),
    },
    now,
  );
}
