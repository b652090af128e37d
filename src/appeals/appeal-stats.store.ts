// The statistics' queries: counts of requests by month of filing, district and category, summed
// by the database. Months are Beijing months, given as ranges of the stored UTC instants, so the
// same SQL runs on SQLite and PostgreSQL.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AppealTally, MonthRange } from './appeal-stats.ts';

/** The counts of one month, district and category, and the last time any of its requests changed. */
export interface TallyRow extends AppealTally {
  month: string;
  channel: string;
  category: string;
  /** The newest filing, resolution or rating among them (UTC ISO text). */
  lastChangedAt: string;
}

const count = (value: unknown) => Number(value ?? 0);

/** The tallies of requests filed in `months` (consecutive Beijing months), one row per month, district and category that has any. */
export async function appealTallies(db: Db, months: readonly MonthRange[]): Promise<TallyRow[]> {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  // The month keys are our own YYYY-MM text, safe as literals; the bounds are parameters.
  const monthOf = sql<string>`case ${sql.join(
    months.map((m) => sql`when created_at >= ${m.from} and created_at < ${m.to} then ${sql.lit(m.month)}`),
    sql` `,
  )} end`;
  const filed = db
    .selectFrom('appeal')
    .select([monthOf.as('month'), 'channel', 'category', 'status', 'resolved_on_time', 'rating', 'created_at', 'resolved_at', 'rated_at'])
    .where('created_at', '>=', first.from)
    .where('created_at', '<', last.to)
    .as('filed');
  const rows = await db
    .selectFrom(filed)
    .select(['month', 'channel', 'category'])
    .select((eb) => [
      eb.fn.countAll().as('received'),
      sql<number>`sum(case when status in ('resolved', 'closed') then 1 else 0 end)`.as('resolved'),
      sql<number>`sum(case when status in ('resolved', 'closed') and resolved_on_time = 1 then 1 else 0 end)`.as('resolved_on_time'),
      sql<number>`sum(case when rating is not null then 1 else 0 end)`.as('rated'),
      sql<number>`sum(case when rating in ('satisfied', 'basically_satisfied') then 1 else 0 end)`.as('satisfied'),
      eb.fn.max('created_at').as('last_filed_at'),
      eb.fn.max('resolved_at').as('last_resolved_at'),
      eb.fn.max('rated_at').as('last_rated_at'),
    ])
    .groupBy(['month', 'channel', 'category'])
    .orderBy('month')
    .orderBy('channel')
    .orderBy('category')
    .execute();
  return rows.map((row) => ({
    month: row.month,
    channel: row.channel,
    category: row.category,
    received: count(row.received),
    resolved: count(row.resolved),
    resolvedOnTime: count(row.resolved_on_time),
    rated: count(row.rated),
    satisfied: count(row.satisfied),
    lastChangedAt: [row.last_filed_at, row.last_resolved_at, row.last_rated_at]
      .filter((at): at is string => typeof at === 'string')
      .sort()
      .at(-1)!,
  }));
}

/** When the first request was filed (UTC ISO text), or undefined when there is none. */
export async function firstAppealFiledAt(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('appeal')
    .select((eb) => eb.fn.min('created_at').as('first'))
    .executeTakeFirst();
  return row?.first ?? undefined;
}
