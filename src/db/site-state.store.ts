// Queries on the site-wide state tables.
import type { Db } from './database.ts';

/** The current content version; it grows whenever public content changes. */
export async function currentContentVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('content_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.version);
}

/**
 * Marks public content as changed; call inside the transaction that changes it. On PostgreSQL the
 * new version is announced at commit (content-version-listener.ts); RETURNING hands it to the
 * instance that made the change, which so knows it before the announcement arrives
 * (content-version-mirror.ts).
 */
export async function bumpContentVersion(db: Db): Promise<void> {
  await db
    .updateTable('content_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .returning('version')
    .execute();
}

/** One installation fact, or undefined. */
export async function siteMetaValue(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('site_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Records an installation fact, replacing an earlier value. */
export async function setSiteMetaValue(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('site_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Forgets an installation fact. */
export async function deleteSiteMetaValue(db: Db, key: string): Promise<void> {
  await db.deleteFrom('site_meta').where('key', '=', key).execute();
}
