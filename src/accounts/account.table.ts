// Row types of the console's account tables.
import type { Generated } from 'kysely';

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
