// Accounts, sign-in with lockout, and sessions. No HTTP here.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { ExpressionBuilder } from 'kysely';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Database, Db } from '../db/database.ts';
import { userNameProblem, type ConsoleUser, type Role } from './account.ts';
import type { PasswordPolicy } from './password-policy.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const IDLE_TIMEOUT_MINUTES = 30;
export const ABSOLUTE_TIMEOUT_HOURS = 12;
// last_seen_at is written at most this often, so reading pages does not write on every request.
const TOUCH_AFTER_MS = 60_000;

// argon2id with the parameters OWASP recommends (19 MiB, 2 passes).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// Checked when the name is unknown, so both answers take as long.
const DUMMY_HASH = await hash('not a password of anyone', ARGON2);

const MINUTE = 60_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
// Users not locked at `now`: checked in the UPDATE itself, since the row read before may be stale.
const unlockedBy = (now: Date) => (eb: ExpressionBuilder<Database, 'app_user'>) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]);

/** Creates a console user; returns its id or a problem in Chinese. */
export async function createUser(
  db: Db,
  actor: Actor,
  input: { name: string; role: Role; password: string; channels: string[] },
  policy: PasswordPolicy,
  now = new Date(),
): Promise<{ id: number } | { problem: string }> {
  const problem = userNameProblem(input.name) ?? policy.problem(input.password, input.name);
  if (problem) return { problem };
  if (input.role !== 'admin' && input.channels.length === 0) return { problem: '编辑和审核员须至少负责一个频道。' };
  if (await db.selectFrom('app_user').select('id').where('name', '=', input.name).executeTakeFirst()) return { problem: `用户名“${input.name}”已被使用。` };
  const passwordHash = await hash(input.password, ARGON2);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('app_user')
      .values({ name: input.name, role: input.role, password_hash: passwordHash, password_changed_at: now.toISOString(), locked_until: null, disabled_at: null, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const channels = input.role === 'admin' ? [] : [...new Set(input.channels)];
    if (channels.length > 0) await trx.insertInto('user_channel').values(channels.map((channel) => ({ user_id: Number(id), channel }))).execute();
    await recordAudit(trx, actor, { action: 'user.create', targetType: 'user', targetId: Number(id), after: { name: input.name, role: input.role, channels } }, now);
    return { id: Number(id) };
  });
}

/** The same answer for an unknown name, a wrong password and a locked or disabled account. */
export const LOGIN_REFUSED = `用户名或密码不正确。连续输错 ${MAX_FAILED_LOGINS} 次,账号将锁定 ${LOCKOUT_MINUTES} 分钟。`;

/**
 * Checks a name and password. Five failures lock the account for 15 minutes, during which even
 * the right password is refused. On success a new session is created (the id is only returned,
 * never stored: the database keeps its hash).
 */
export async function signIn(db: Db, name: string, password: string, client: string, now = new Date()): Promise<{ sessionId: string; userId: number } | { refused: string }> {
  const user = await db.selectFrom('app_user').selectAll().where('name', '=', name).executeTakeFirst();
  if (!user) {
    await verify(DUMMY_HASH, password);
    return { refused: LOGIN_REFUSED };
  }
  const locked = user.locked_until !== null && user.locked_until > now.toISOString();
  const passwordOk = await verify(user.password_hash, password);
  const actor = { userId: Number(user.id), userName: user.name, client };
  if (locked || user.disabled_at !== null || !passwordOk) {
    if (!locked && user.disabled_at === null) await countFailure(db, actor, Number(user.id), now);
    return { refused: LOGIN_REFUSED };
  }
  const sessionId = randomBytes(16).toString('hex');
  const signedIn = await db.transaction().execute(async (trx) => {
    const cleared = await trx
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .where('disabled_at', 'is', null)
      .where(unlockedBy(now))
      .executeTakeFirst();
    if (Number(cleared.numUpdatedRows) === 0) return false;
    await trx.insertInto('session').values({ id_hash: sha256(sessionId), user_id: Number(user.id), created_at: now.toISOString(), last_seen_at: now.toISOString() }).execute();
    await recordAudit(trx, actor, { action: 'login', targetType: 'user', targetId: Number(user.id) }, now);
    return true;
  });
  if (!signedIn) return { refused: LOGIN_REFUSED };
  return { sessionId, userId: Number(user.id) };
}

/**
 * Counts one failed sign-in in a single UPDATE, so concurrent failures never lose a count: the
 * one that reaches MAX_FAILED_LOGINS locks the account and restarts the count. An account that
 * is locked or disabled by now is left alone.
 */
async function countFailure(db: Db, actor: Actor, userId: number, now: Date): Promise<void> {
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * MINUTE).toISOString();
  await db.transaction().execute(async (trx) => {
    const counted = await trx
      .updateTable('app_user')
      .set((eb) => {
        const reachesLimit = eb('failed_logins', '>=', MAX_FAILED_LOGINS - 1);
        return {
          failed_logins: eb.case().when(reachesLimit).then(0).else(eb('failed_logins', '+', 1)).end(),
          locked_until: eb.case().when(reachesLimit).then(lockedUntil).else(eb.ref('locked_until')).end(),
        };
      })
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .where(unlockedBy(now))
      .returning('locked_until')
      .executeTakeFirst();
    if (!counted) return;
    await recordAudit(trx, actor, { action: counted.locked_until === lockedUntil ? 'login.locked' : 'login.failed', targetType: 'user', targetId: userId }, now);
  });
}

/** The user of a live session, or undefined when it is unknown, idle too long, too old or disabled. */
export async function sessionUser(db: Db, sessionId: string, policy: PasswordPolicy, now = new Date()): Promise<ConsoleUser | undefined> {
  const idHash = sha256(sessionId);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select(['session.created_at', 'session.last_seen_at', 'app_user.id', 'app_user.name', 'app_user.role', 'app_user.disabled_at', 'app_user.password_changed_at'])
    .where('session.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const idleFor = now.getTime() - Date.parse(row.last_seen_at);
  const age = now.getTime() - Date.parse(row.created_at);
  if (row.disabled_at !== null || idleFor > IDLE_TIMEOUT_MINUTES * MINUTE || age > ABSOLUTE_TIMEOUT_HOURS * 60 * MINUTE) {
    await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  if (idleFor > TOUCH_AFTER_MS) await db.updateTable('session').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  const channels = await db.selectFrom('user_channel').select('channel').where('user_id', '=', row.id).orderBy('channel').execute();
  const passwordAgeDays = (now.getTime() - Date.parse(row.password_changed_at)) / (24 * 60 * MINUTE);
  return {
    id: Number(row.id),
    name: row.name,
    role: row.role,
    channels: channels.map((c) => c.channel),
    mustChangePassword: policy.rotationDays !== undefined && passwordAgeDays > policy.rotationDays,
  };
}

/** Ends a session. */
export async function signOut(db: Db, sessionId: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('session').where('id_hash', '=', sha256(sessionId)).execute();
    await recordAudit(trx, actor, { action: 'logout', targetType: 'user', targetId: actor.userId ?? undefined });
  });
}

/** Disables (or re-enables) an account; disabling ends its sessions at once. */
export async function setUserDisabled(db: Db, actor: Actor, userId: number, disabled: boolean, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('app_user').select(['id', 'name', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
    if (!user) return false;
    const disabledAt = disabled ? now.toISOString() : null;
    await trx.updateTable('app_user').set({ disabled_at: disabledAt, failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
    if (disabled) await trx.deleteFrom('session').where('user_id', '=', userId).execute();
    await recordAudit(trx, actor, { action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: userId, before: { disabledAt: user.disabled_at }, after: { disabledAt } }, now);
    return true;
  });
}

/** Changes a user's password after checking the current one; returns a problem or undefined. */
export async function changePassword(db: Db, actor: Actor, userId: number, current: string, next: string, policy: PasswordPolicy, now = new Date()): Promise<string | undefined> {
  const user = await db.selectFrom('app_user').select(['name', 'password_hash']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verify(user.password_hash, current))) return '当前密码不正确。';
  if (await verify(user.password_hash, next)) return '新密码不能与当前密码相同。';
  const problem = policy.problem(next, user.name);
  if (problem) return problem;
  const passwordHash = await hash(next, ARGON2);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ password_hash: passwordHash, password_changed_at: now.toISOString() }).where('id', '=', userId).execute();
    await recordAudit(trx, actor, { action: 'user.password', targetType: 'user', targetId: userId }, now);
  });
  return undefined;
}

/** Every user, for the admins' user list. */
export async function listUsers(db: Db) {
  const [users, scopes] = await Promise.all([
    db.selectFrom('app_user').select(['id', 'name', 'role', 'disabled_at', 'locked_until', 'created_at']).orderBy('name').execute(),
    db.selectFrom('user_channel').selectAll().execute(),
  ]);
  return users.map((user) => ({
    id: Number(user.id),
    name: user.name,
    role: user.role,
    disabled: user.disabled_at !== null,
    lockedUntil: user.locked_until,
    channels: scopes.filter((scope) => Number(scope.user_id) === Number(user.id)).map((scope) => scope.channel),
  }));
}
