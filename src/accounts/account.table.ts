// Row types of the console's account tables, and how backups copy them.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';

export type Role = 'admin' | 'editor' | 'reviewer';

export interface AppUserTable {
  id: Generated<number>;
  name: string;
  role: Role;
  /** argon2id, PHC string. */
  password_hash: string;
  password_changed_at: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
}

export interface UserChannelTable {
  user_id: number;
  channel: string;
}

export interface SessionTable {
  /** SHA-256 of the session id: a copy of the database does not give away live sessions. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
}

/** The account tables as backups copy them, users before what refers to them. */
export const accountBackups = [
  backupTable<AppUserTable>(
    'app_user',
    {
      id: 'integer', name: 'text', role: 'text', password_hash: 'text', password_changed_at: 'text', failed_logins: 'integer',
      locked_until: 'text', disabled_at: 'text', created_at: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<UserChannelTable>('user_channel', { user_id: 'integer', channel: 'text' }, { key: ['user_id', 'channel'] }),
  backupTable<SessionTable>('session', { id_hash: 'text', user_id: 'integer', created_at: 'text', last_seen_at: 'text' }, { key: ['id_hash'] }),
];
