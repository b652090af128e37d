// Each change of the content version is announced at commit, so the page caches of other
// instances follow it without reading the version on every request (see content-version-mirror.ts).
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await dialect.announceContentVersionChanges(db);
}
