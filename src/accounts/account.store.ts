// Queries on the account tables: app_user, user_role, user_channel and session.
import type { ExpressionBuilder, Insertable, Updateable } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { AppUserTable, Role, SessionTable } from './account.table.ts';

// Users not locked at `now`: checked in the UPDATE itself, since the row read before may be stale.
const unlockedBy = (now: string) => (eb: ExpressionBuilder<Database, 'app_user'>) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]);

/** A user by name, every column, or undefined. */
export async function userByName(db: Db, name: string) {
  return db.selectFrom('app_user').selectAll().where('name', '=', name).executeTakeFirst();
}

/** A user by id, every column, or undefined. */
export async function userById(db: Db, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Stores a user; returns the id. */
export async function insertUser(db: Db, row: Insertable<AppUserTable>): Promise<number> {
  const { id } = await db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Changes a user. */
export async function updateUser(db: Db, id: number, changes: Updateable<AppUserTable>): Promise<void> {
  await db.updateTable('app_user').set(changes).where('id', '=', id).execute();
}

/** Clears a user's failed sign-ins unless the account is disabled or locked at `now`; false when it was. */
export async function clearFailedLogins(db: Db, id: number, now: string): Promise<boolean> {
  const cleared = await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .where(unlockedBy(now))
    .executeTakeFirst();
  return Number(cleared.numUpdatedRows) > 0;
}

/**
 * Counts one failed sign-in in a single UPDATE, so concurrent failures never lose a count: the one
 * that reaches `limit` sets `lockedUntil` and restarts the count. Returns the lock then in force, or
 * undefined when the account was disabled or locked at `now` and nothing was counted.
 */
export async function countFailedLogin(
  db: Db,
  id: number,
  limit: number,
  now: string,
  lockedUntil: string,
): Promise<{ locked_until: string | null } | undefined> {
  return db
    .updateTable('app_user')
    .set((eb) => {
      const reachesLimit = eb('failed_logins', '>=', limit - 1);
      return {
        failed_logins: eb
          .case()
          .when(reachesLimit)
          .then(0)
          .else(eb('failed_logins', '+', 1))
          .end(),
        locked_until: eb.case().when(reachesLimit).then(lockedUntil).else(eb.ref('locked_until')).end(),
      };
    })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .where(unlockedBy(now))
    .returning('locked_until')
    .executeTakeFirst();
}

/** The roles a user holds, in no particular order. */
export async function rolesOfUser(db: Db, userId: number): Promise<Role[]> {
  return (await db.selectFrom('user_role').select('role').where('user_id', '=', userId).execute()).map((row) => row.role);
}

/** The channels a user acts on, in order. */
export async function channelsOfUser(db: Db, userId: number): Promise<string[]> {
  return (await db.selectFrom('user_channel').select('channel').where('user_id', '=', userId).orderBy('channel').execute()).map((row) => row.channel);
}

/** Replaces a user's roles and channels with these. */
export async function replaceUserAccess(db: Db, userId: number, roles: readonly Role[], channels: readonly string[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_channel').where('user_id', '=', userId).execute();
  await db
    .insertInto('user_role')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute();
  if (channels.length > 0)
    await db
      .insertInto('user_channel')
      .values(channels.map((channel) => ({ user_id: userId, channel })))
      .execute();
}

/** Every user by name, every role and every channel assignment (by channel), for the admins' list. */
export async function allUsersWithAccess(db: Db) {
  const [users, roles, channels] = await Promise.all([
    db
      .selectFrom('app_user')
      .select(['id', 'name', 'disabled_at', 'locked_until', 'must_change_password', 'password_changed_at', 'created_at'])
      .orderBy('name')
      .execute(),
    db.selectFrom('user_role').selectAll().execute(),
    db.selectFrom('user_channel').selectAll().orderBy('channel').execute(),
  ]);
  return { users, roles, channels };
}

/** Stores a session. */
export async function insertSession(db: Db, row: SessionTable): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

/** A session with its user, by the hash of its id, or undefined. */
export async function sessionWithUser(db: Db, idHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.created_at',
      'session.last_seen_at',
      'app_user.id',
      'app_user.name',
      'app_user.disabled_at',
      'app_user.password_changed_at',
      'app_user.must_change_password',
    ])
    .where('session.id_hash', '=', idHash)
    .executeTakeFirst();
}

/** Notes that a session was used at `at`. */
export async function touchSession(db: Db, idHash: string, at: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

/** Ends a session, by the hash of its id. */
export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user. */
export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}
