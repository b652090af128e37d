// Issue #13: enterprise applications and contact messages get a reference code for a public
// status page, as contributions have; rows from before get one too. An application may come from
// a company abroad, not yet registered in China: its home country and registration number instead
// of a credit code (left '' for them, as the column is NOT NULL), one open application each.
import { sql, type Kysely } from 'kysely';
import { newTrackingCode } from '../../lib/tracking-code.ts';

const TRACKED = [
  ['enterprise_application', 'RZ'],
  ['contact_message', 'LY'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, prefix] of TRACKED) {
    // SQLite adds a NOT NULL column only with a default; every row gets its own code right after.
    await db.schema
      .alterTable(table)
      .addColumn('tracking_code', 'text', (col) => col.notNull().defaultTo(''))
      .execute();
    const { rows } = await sql<{ id: number }>`select id from ${sql.table(table)}`.execute(db);
    for (const { id } of rows) await sql`update ${sql.table(table)} set tracking_code = ${newTrackingCode(prefix)} where id = ${id}`.execute(db);
    await db.schema.createIndex(`${table}_tracking_code`).on(table).column('tracking_code').unique().execute();
  }

  await db.schema.alterTable('enterprise_application').addColumn('registration_country', 'text').execute();
  await db.schema.alterTable('enterprise_application').addColumn('registration_number', 'text').execute();
  // One open application per company: by credit code in China, by country and number abroad.
  await db.schema.dropIndex('enterprise_application_one_open').execute();
  await db.schema
    .createIndex('enterprise_application_one_open')
    .on('enterprise_application')
    .column('credit_code')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .where(sql.ref('registration_country'), 'is', null)
    .execute();
  await db.schema
    .createIndex('enterprise_application_one_open_abroad')
    .on('enterprise_application')
    .columns(['registration_country', 'registration_number'])
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .where(sql.ref('registration_country'), 'is not', null)
    .execute();
}
