// Issue #13: the audit log can be filtered by channel, so each entry records the channel of the
// item it touched (null where there is none, and for entries written before: they still show);
// a revision restored from an older one says which, so the editor can offer it as the new draft.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('channel', 'text').execute();
  await db.schema.createIndex('audit_log_channel_at').on('audit_log').columns(['channel', 'at']).execute();
  await db.schema.alterTable('article_revision').addColumn('restored_from', 'integer').execute();
}
