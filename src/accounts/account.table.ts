// Row types of the console's account tables, and how backups copy them.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';

export type Role = 'admin' | 'editor' | 'reviewer';

export interface AppUserTable {
  id: Generated<number>;
  name: string;
  /** argon2id, PHC string. */
  password_hash: string;
  password_changed_at: string;
  /** 1 while the password is a temporary one an admin set: the user must choose their own. */
  must_change_password: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
}

/** One role a user holds; a user may hold several. */
export interface UserRoleTable {
  user_id: number;
  role: Role;
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
      id: 'integer',
      name: 'text',
      password_hash: 'text',
      password_changed_at: 'text',
      must_change_password: 'integer',
      failed_logins: 'integer',
      locked_until: 'text',
      disabled_at: 'text',
      created_at: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<UserRoleTable>('user_role', { user_id: 'integer', role: 'text' }, { key: ['user_id', 'role'] }),
  backupTable<UserChannelTable>('user_channel', { user_id: 'integer', channel: 'text' }, { key: ['user_id', 'channel'] }),
  backupTable<SessionTable>('session', { id_hash: 'text', user_id: 'integer', created_at: 'text', last_seen_at: 'text' }, { key: ['id_hash'] }),
];
