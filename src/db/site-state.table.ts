// Rows of the two tiny site-wide tables, and how backups copy them.
import { backupTable } from './backup-table.ts';

/** A single row whose number grows with every change of public content; caches key on it. */
export interface ContentVersionTable {
  id: number;
  version: number;
}

/** Small facts about this installation (e.g. when the bundled seed was imported). */
export interface SiteMetaTable {
  key: string;
  value: string;
}

/** The site-wide tables as backups copy them. */
export const siteStateBackups = [
  backupTable<ContentVersionTable>('content_version', { id: 'integer', version: 'integer' }, { key: ['id'], createdByMigrations: true }),
  backupTable<SiteMetaTable>('site_meta', { key: 'text', value: 'text' }, { key: ['key'] }),
];
