// Queries on the enterprise_application table.
import type { Insertable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ApplicationStatus, DirectoryEntry } from './application.ts';
import type { EnterpriseApplicationTable } from './application.table.ts';

/** Stores an application and returns its id. */
export async function insertApplication(db: Db, row: Insertable<EnterpriseApplicationTable>): Promise<number> {
  const { id } = await db.insertInto('enterprise_application').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** What identifies a company: its credit code in China, or its country and registration number abroad. */
export type CompanyKey = { creditCode: string } | { country: string; number: string };

/** True when the company already has an application under review. */
export async function hasOpenApplication(db: Db, company: CompanyKey): Promise<boolean> {
  let query = db.selectFrom('enterprise_application').select('id').where('status', '=', 'pending');
  query =
    'creditCode' in company
      ? query.where('registration_country', 'is', null).where('credit_code', '=', company.creditCode)
      : query.where('registration_country', '=', company.country).where('registration_number', '=', company.number);
  return (await query.executeTakeFirst()) !== undefined;
}

/** What the status page shows, by tracking code. */
export async function applicationStatusByCode(db: Db, trackingCode: string): Promise<ApplicationStatus | undefined> {
  const row = await db
    .selectFrom('enterprise_application')
    .select(['tracking_code', 'company_name', 'status', 'reject_reason', 'created_at', 'closed_at'])
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
  return (
    row && {
      trackingCode: row.tracking_code,
      companyName: row.company_name,
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
      .select(['id', 'company_name', 'industry', 'channel', 'planned_investment', 'description', 'closed_at'])
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
      plannedInvestment: Number(row.planned_investment),
      description: row.description,
      approvedOn: (row.closed_at ?? '').slice(0, 10),
    })),
  };
}
