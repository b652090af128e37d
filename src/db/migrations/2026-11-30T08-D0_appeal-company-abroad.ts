// Issue #16: a request may come from a company registered outside the mainland (abroad, or in Hong
// Kong, Macao or Taiwan), which has no credit code: its country or region and registration number
// are kept beside the credit code, as enterprise_application keeps them (credit_code '' for such a
// company, as the column is NOT NULL). Requests from before keep their credit code and get nulls,
// which read as a mainland company.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('appeal').addColumn('registration_country', 'text').execute();
  await db.schema.alterTable('appeal').addColumn('registration_number', 'text').execute();
}
