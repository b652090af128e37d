// Queries on the site table (载体库).
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Site, SiteKind } from './site.ts';
import type { SiteTable } from './site.table.ts';

/** Which sites a list shows. Words are already folded as search_text is. */
export interface SiteFilter {
  channel?: string | undefined;
  kind?: SiteKind | undefined;
  /** Inclusive bounds on the area in m². */
  areaMin?: number | undefined;
  areaMax?: number | undefined;
  /** A GB/T 4754 section letter. */
  industry?: string | undefined;
  words?: readonly string[] | undefined;
}

/** A place in the most-recently-changed-first order: the list continues after it. */
export interface UpdatedPosition {
  updatedAt: string;
  id: number;
}

const COLUMNS = [
  'id',
  'kind',
  'name',
  'channel',
  'address',
  'industries',
  'area_m2',
  'area_mu',
  'advantages',
  'contact_name',
  'contact_phone',
  'grade',
  'floors',
  'vacant_m2',
  'rent_min',
  'rent_max',
  'property_fee',
  'land_use',
  'plot_ratio_min',
  'plot_ratio_max',
  'land_status',
  'confirmed_on',
  'created_at',
  'updated_at',
] as const;

const numberOrNull = (value: number | string | null) => (value === null ? null : Number(value));

function rowToSite(row: Pick<Selectable<SiteTable>, (typeof COLUMNS)[number]>): Site {
  return {
    id: Number(row.id),
    kind: row.kind,
    name: row.name,
    channel: row.channel,
    address: row.address,
    industries: row.industries.split(',').filter((code) => code !== ''),
    areaM2: Number(row.area_m2),
    areaMu: numberOrNull(row.area_mu),
    advantages: row.advantages,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    grade: row.grade,
    floors: numberOrNull(row.floors),
    vacantM2: numberOrNull(row.vacant_m2),
    rentMin: numberOrNull(row.rent_min),
    rentMax: numberOrNull(row.rent_max),
    propertyFee: numberOrNull(row.property_fee),
    landUse: row.land_use,
    plotRatioMin: numberOrNull(row.plot_ratio_min),
    plotRatioMax: numberOrNull(row.plot_ratio_max),
    landStatus: row.land_status,
    confirmedOn: row.confirmed_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored form of a site's industries: `,C,I,`. */
export const industriesColumn = (codes: readonly string[]) => `,${codes.join(',')}${codes.length > 0 ? ',' : ''}`;

/** Stores a site and returns its id. */
export async function insertSite(db: Db, row: Insertable<SiteTable>): Promise<number> {
  const { id } = await db.insertInto('site').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Changes a site's columns. */
export async function updateSite(db: Db, id: number, fields: Updateable<SiteTable>): Promise<void> {
  await db.updateTable('site').set(fields).where('id', '=', id).execute();
}

/** Deletes a site. */
export async function deleteSite(db: Db, id: number): Promise<void> {
  await db.deleteFrom('site').where('id', '=', id).execute();
}

/** One site, or undefined. */
export async function siteById(db: Db, id: number): Promise<Site | undefined> {
  const row = await db.selectFrom('site').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && rowToSite(row);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/gu, '\\$&');

function matching(db: Db, filter: SiteFilter) {
  let query = db.selectFrom('site');
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.areaMin !== undefined) query = query.where('area_m2', '>=', filter.areaMin);
  if (filter.areaMax !== undefined) query = query.where('area_m2', '<=', filter.areaMax);
  if (filter.industry) query = query.where('industries', 'like', `%,${escapeLike(filter.industry)},%`);
  for (const word of filter.words ?? []) {
    query = query.where(sql<boolean>`${sql.ref('search_text')} like ${`%${escapeLike(word)}%`} escape '\\'`);
  }
  return query;
}

/** One page of sites, most recently changed first, and how many match in all. */
export async function sitePage(db: Db, filter: SiteFilter, offset: number, limit: number): Promise<{ items: Site[]; total: number }> {
  const [rows, { count }] = await Promise.all([
    matching(db, filter).select(COLUMNS).orderBy('updated_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    matching(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(rowToSite), total: Number(count) };
}

/** A site with its search text (name, address, advantages, industry names folded as queries are). */
export interface ListedSite {
  site: Site;
  searchText: string;
}

/** Every site, most recently changed first, as sitePage orders them. */
export async function listedSites(db: Db): Promise<ListedSite[]> {
  const rows = await db
    .selectFrom('site')
    .select([...COLUMNS, 'search_text'])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({ site: rowToSite(row), searchText: row.search_text }));
}

/** Up to `limit` sites after `after` (from the newest when undefined), most recently changed first. */
export async function sitesAfter(db: Db, filter: SiteFilter, after: UpdatedPosition | undefined, limit: number): Promise<Site[]> {
  let query = matching(db, filter).select(COLUMNS);
  if (after) {
    query = query.where((eb) => eb.or([eb('updated_at', '<', after.updatedAt), eb.and([eb('updated_at', '=', after.updatedAt), eb('id', '<', after.id)])]));
  }
  return (await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(rowToSite);
}

/** How many sites each channel has (channels without any are left out). */
export async function siteCountsByChannel(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('site')
    .select(['channel', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('channel')
    .execute();
  return new Map(rows.map((row) => [row.channel, Number(row.count)]));
}

/** Sites in the given channels (undefined: all), most recently changed first. */
export async function recentlyUpdatedSites(db: Db, channels: readonly string[] | undefined, limit: number): Promise<Site[]> {
  let query = db.selectFrom('site').select(COLUMNS);
  if (channels) query = query.where('channel', 'in', channels);
  return (await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(rowToSite);
}

/** Sites confirmed before `confirmedBefore` (YYYY-MM-DD) in the given channels (undefined: all), oldest confirmation first. */
export async function sitesConfirmedBefore(db: Db, channels: readonly string[] | undefined, confirmedBefore: string, limit: number): Promise<Site[]> {
  let query = db.selectFrom('site').select(COLUMNS).where('confirmed_on', '<', confirmedBefore);
  if (channels) query = query.where('channel', 'in', channels);
  return (await query.orderBy('confirmed_on').orderBy('id').limit(limit).execute()).map(rowToSite);
}

/** The id and last change of every site, most recently changed first. */
export async function siteStamps(db: Db): Promise<Array<{ id: number; updatedAt: string }>> {
  const rows = await db.selectFrom('site').select(['id', 'updated_at']).orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => ({ id: Number(row.id), updatedAt: row.updated_at }));
}

/** Whether any site was confirmed on a day from `from` (inclusive) to `to` (exclusive), YYYY-MM-DD. */
export async function siteConfirmedBetween(db: Db, from: string, to: string): Promise<boolean> {
  const row = await db.selectFrom('site').select('id').where('confirmed_on', '>=', from).where('confirmed_on', '<', to).limit(1).executeTakeFirst();
  return row !== undefined;
}
