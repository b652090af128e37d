// Issue #16 part 3: the carrier library (载体库). One row per site (park, building, standard
// factory, land plot) with its district channel, contact and the date its vacancy was last
// confirmed; kind-specific facts in nullable columns. A 我要咨询 about a site is a contact message
// that links the site's page (about_path), so it lands in the district office's message queue.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('site')
    .addColumn('id', 'integer', (col) => dialect.autoIncrementPrimaryKey(col))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('industries', 'text', (col) => col.notNull())
    .addColumn('area_m2', 'double precision', (col) => col.notNull())
    .addColumn('area_mu', 'double precision')
    .addColumn('advantages', 'text', (col) => col.notNull())
    .addColumn('contact_name', 'text', (col) => col.notNull())
    .addColumn('contact_phone', 'text', (col) => col.notNull())
    .addColumn('grade', 'text')
    .addColumn('floors', 'integer')
    .addColumn('vacant_m2', 'double precision')
    .addColumn('rent_min', 'double precision')
    .addColumn('rent_max', 'double precision')
    .addColumn('property_fee', 'double precision')
    .addColumn('land_use', 'text')
    .addColumn('plot_ratio_min', 'double precision')
    .addColumn('plot_ratio_max', 'double precision')
    .addColumn('land_status', 'text')
    .addColumn('confirmed_on', 'text', (col) => col.notNull())
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // The public list filters by channel and kind, newest change first; the console lists stale ones.
  await db.schema.createIndex('site_channel_kind').on('site').columns(['channel', 'kind']).execute();
  await db.schema.createIndex('site_updated').on('site').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('site_confirmed').on('site').column('confirmed_on').execute();
  // A message about a page of the site (a carrier's 我要咨询): its path; null for 联系我们.
  await db.schema.alterTable('contact_message').addColumn('about_path', 'text').execute();
}
