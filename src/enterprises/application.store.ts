// Queries on the enterprise_application table.
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ReviewStore } from '../review/review-queue.ts';
import type { ApplicationStatus, DirectoryEntry } from './application.ts';
import type { EnterpriseApplicationTable } from './application.table.ts';
import { companyIdentityOf, type CompanyIdentity } from './company-identity.ts';

/** Stores an application and returns its id. */
export async function insertApplication(db: Db, row: Insertable<EnterpriseApplicationTable>): Promise<number> {
  const { id } = await db.insertInto('enterprise_application').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** True when the company already has an application under review. */
export async function hasOpenApplication(db: Db, company: CompanyIdentity): Promise<boolean> {
  let query = db.selectFrom('enterprise_application').select('id').where('status', '=', 'pending');
  query =
    company.kind === 'china'
      ? query.where('registration_country', 'is', null).where('credit_code', '=', company.creditCode)
      : query.where('registration_country', '=', company.country).where('registration_number', '=', company.number);
  return (await query.executeTakeFirst()) !== undefined;
}

/** What the status page shows, by tracking code. */
export async function applicationStatusByCode(db: Db, trackingCode: string): Promise<ApplicationStatus | undefined> {
  const row = await db
    .selectFrom('enterprise_application')
    .select([
      'tracking_code',
      'company_name',
      'credit_code',
      'registration_country',
      'registration_number',
      'status',
      'reject_reason',
      'created_at',
      'closed_at',
    ])
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
  return (
    row && {
      trackingCode: row.tracking_code,
      companyName: row.company_name,
      company: companyIdentityOf(row),
      status: row.status,
      rejectReason: row.reject_reason,
      createdAt: row.created_at,
      closedAt: row.closed_at,
    }
  );
}

/** Applications awaiting review, counted up to `cap`: at most `cap` entries of the queue index are read. */
export async function pendingApplicationCount(db: Db, cap: number): Promise<number> {
  const { count } = await db
    .selectFrom((eb) => eb.selectFrom('enterprise_application').select('id').where('status', '=', 'pending').limit(cap).as('pending'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Approved enterprises, newest approval first, optionally of one industry and district. */
export async function approvedEnterprises(
  db: Db,
  filter: { industry?: string | undefined; channel?: string | undefined; limit: number; offset: number },
): Promise<{ total: number; entries: DirectoryEntry[] }> {
  let query = db.selectFrom('enterprise_application').where('status', '=', 'approved');
  if (filter.industry !== undefined) query = query.where('industry', '=', filter.industry);
  if (filter.channel !== undefined) query = query.where('channel', '=', filter.channel);
  const [{ count }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    query
      .select(['id', 'company_name', 'industry', 'channel', 'registration_country', 'planned_investment', 'description', 'closed_at'])
      .orderBy('closed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return {
    total: Number(count),
    entries: rows.map((row) => ({
      id: Number(row.id),
      companyName: row.company_name,
      industry: row.industry,
      channel: row.channel,
      registrationCountry: row.registration_country,
      plannedInvestment: Number(row.planned_investment),
      description: row.description,
      approvedOn: (row.closed_at ?? '').slice(0, 10),
    })),
  };
}

/** An application as the review queue shows it. */
export interface ApplicationForReview {
  id: number;
  trackingCode: string;
  companyName: string;
  /** Where the company is registered: a credit code in the mainland, or a country and number outside. */
  company: CompanyIdentity;
  industry: string;
  channel: string;
  plannedInvestment: number;
  contactPerson: string | null;
  contactMobile: string | null;
  description: string;
  status: 'pending' | 'approved' | 'rejected';
  rejectReason: string | null;
  createdAt: string;
  /** The language of the form it came in. */
  language: 'zh-CN' | 'en';
}

/** How a decision closes an application. */
export type ApplicationClosed = { status: 'approved' | 'rejected'; reason: string | null };

function rowToReview(row: Selectable<EnterpriseApplicationTable>): ApplicationForReview {
  return {
    id: Number(row.id),
    trackingCode: row.tracking_code,
    companyName: row.company_name,
    company: companyIdentityOf(row),
    industry: row.industry,
    channel: row.channel,
    plannedInvestment: Number(row.planned_investment),
    contactPerson: row.contact_person,
    contactMobile: row.contact_mobile,
    description: row.description,
    status: row.status,
    rejectReason: row.reject_reason,
    createdAt: row.created_at,
    language: row.language,
  };
}

/** The enterprise_application table as the review queue reads and closes it. */
export const applicationReviewStore: ReviewStore<ApplicationForReview, ApplicationClosed> = {
  async list(db, status, channels, limit) {
    let query = db.selectFrom('enterprise_application').selectAll().where('status', '=', status);
    if (channels) query = query.where('channel', 'in', channels);
    return (await query.orderBy('created_at').orderBy('id').limit(limit).execute()).map(rowToReview);
  },
  async count(db, status, channels) {
    let query = db
      .selectFrom('enterprise_application')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', status);
    if (channels) query = query.where('channel', 'in', channels);
    return Number((await query.executeTakeFirstOrThrow()).count);
  },
  async find(db, id) {
    const row = await db.selectFrom('enterprise_application').selectAll().where('id', '=', id).executeTakeFirst();
    return row && rowToReview(row);
  },
  async close(db, id, closed, now) {
    await db
      .updateTable('enterprise_application')
      .set({ status: closed.status, reject_reason: closed.reason, closed_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  },
};

/** Blanks the contact person and mobile of applications closed before `closedBefore`; returns how many. */
export async function blankPersonalDataOfApplications(db: Db, closedBefore: string, purgedAt: string): Promise<number> {
  const result = await db
    .updateTable('enterprise_application')
    .set({ contact_person: null, contact_mobile: null, purged_at: purgedAt })
    .where('closed_at', '<', closedBefore)
    .where('purged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
