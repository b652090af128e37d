// Accounts, sign-in with lockout, and sessions. No HTTP here.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { ROLES, TEMPORARY_PASSWORD_HOURS, userNameProblem, type ConsoleUser, type Role } from './account.ts';
import {
  allUsersWithAccess,
  channelsOfUser,
  clearFailedLogins,
  countFailedLogin,
  deleteSession,
  deleteSessionsOfUser,
  insertSession,
  insertUser,
  replaceUserAccess,
  rolesOfUser,
  sessionWithUser,
  touchSession,
  updateUser,
  userById,
  userByName,
} from './account.store.ts';
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

/** Creates a console user; returns its id or a problem in Chinese. */
export async function createUser(
  db: Db,
  actor: Actor,
  input: { name: string; roles: Role[]; password: string; channels: string[] },
  policy: PasswordPolicy,
  now = new Date(),
): Promise<{ id: number } | { problem: string }> {
  const problem = userNameProblem(input.name) ?? accessProblem(input) ?? policy.problem(input.password, input.name);
  if (problem) return { problem };
  if (await userByName(db, input.name)) return { problem: `用户名“${input.name}”已被使用。` };
  const passwordHash = await hash(input.password, ARGON2);
  return db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, {
      name: input.name,
      password_hash: passwordHash,
      password_changed_at: now.toISOString(),
      locked_until: null,
      disabled_at: null,
      created_at: now.toISOString(),
    });
    const access = normalAccess(input);
    await replaceUserAccess(trx, id, access.roles, access.channels);
    await recordAudit(trx, actor, { action: 'user.create', targetType: 'user', targetId: id, after: { name: input.name, ...access } }, now);
    return { id };
  });
}

/** What a user may do: their roles and, unless they are an admin, their channels. */
export interface UserAccess {
  roles: Role[];
  channels: string[];
}

/** Why roles and channels cannot go together, or undefined. */
function accessProblem(access: UserAccess): string | undefined {
  if (access.roles.length === 0) return '请至少选择一个角色。';
  if (!access.roles.includes('admin') && access.channels.length === 0) return '编辑和审核员须至少负责一个频道。';
  return undefined;
}

/** Roles in ROLES order; channels sorted, each once, and none for admins (they act on all). */
function normalAccess(access: UserAccess): UserAccess {
  return {
    roles: ROLES.filter((role) => access.roles.includes(role)),
    channels: access.roles.includes('admin') ? [] : [...new Set(access.channels)].sort(),
  };
}

/** A user's roles (in ROLES order) and channels as stored. */
async function accessOf(db: Db, userId: number): Promise<UserAccess> {
  const [roles, channels] = await Promise.all([rolesOfUser(db, userId), channelsOfUser(db, userId)]);
  return { roles: ROLES.filter((role) => roles.includes(role)), channels };
}

/** The same answer for an unknown name, a wrong password and a locked or disabled account. */
export const TEMPORARY_PASSWORD_EXPIRED = `临时密码已超过 ${TEMPORARY_PASSWORD_HOURS} 小时有效期,请联系管理员重新设置。`;

export const LOGIN_REFUSED = `用户名或密码不正确。连续输错 ${MAX_FAILED_LOGINS} 次,账号将锁定 ${LOCKOUT_MINUTES} 分钟。`;

/**
 * Checks a name and password. Five failures lock the account for 15 minutes, during which even
 * the right password is refused. On success a new session is created (the id is only returned,
 * never stored: the database keeps its hash).
 */
export async function signIn(
  db: Db,
  name: string,
  password: string,
  client: string,
  now = new Date(),
): Promise<{ sessionId: string; userId: number } | { refused: string }> {
  const user = await userByName(db, name);
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
  // Said plainly, since only someone who knows the password gets here.
  if (temporaryPasswordExpired(user, now)) return { refused: TEMPORARY_PASSWORD_EXPIRED };
  const sessionId = randomBytes(16).toString('hex');
  const signedIn = await db.transaction().execute(async (trx) => {
    if (!(await clearFailedLogins(trx, Number(user.id), now.toISOString()))) return false;
    await insertSession(trx, { id_hash: sha256(sessionId), user_id: Number(user.id), created_at: now.toISOString(), last_seen_at: now.toISOString() });
    await recordAudit(trx, actor, { action: 'login', targetType: 'user', targetId: Number(user.id) }, now);
    return true;
  });
  if (!signedIn) return { refused: LOGIN_REFUSED };
  return { sessionId, userId: Number(user.id) };
}

function temporaryPasswordExpired(user: { must_change_password: number; password_changed_at: string }, now: Date): boolean {
  return Number(user.must_change_password) === 1 && now.getTime() - Date.parse(user.password_changed_at) > TEMPORARY_PASSWORD_HOURS * 60 * MINUTE;
}

/**
 * Counts one failed sign-in in a single UPDATE, so concurrent failures never lose a count: the
 * one that reaches MAX_FAILED_LOGINS locks the account and restarts the count. An account that
 * is locked or disabled by now is left alone.
 */
async function countFailure(db: Db, actor: Actor, userId: number, now: Date): Promise<void> {
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * MINUTE).toISOString();
  await db.transaction().execute(async (trx) => {
    const counted = await countFailedLogin(trx, userId, MAX_FAILED_LOGINS, now.toISOString(), lockedUntil);
    if (!counted) return;
    await recordAudit(
      trx,
      actor,
      { action: counted.locked_until === lockedUntil ? 'login.locked' : 'login.failed', targetType: 'user', targetId: userId },
      now,
    );
  });
}

/** The user of a live session, or undefined when it is unknown, idle too long, too old or disabled. */
export async function sessionUser(db: Db, sessionId: string, policy: PasswordPolicy, now = new Date()): Promise<ConsoleUser | undefined> {
  const idHash = sha256(sessionId);
  const row = await sessionWithUser(db, idHash);
  if (!row) return undefined;
  const idleFor = now.getTime() - Date.parse(row.last_seen_at);
  const age = now.getTime() - Date.parse(row.created_at);
  if (row.disabled_at !== null || idleFor > IDLE_TIMEOUT_MINUTES * MINUTE || age > ABSOLUTE_TIMEOUT_HOURS * 60 * MINUTE) {
    await deleteSession(db, idHash);
    return undefined;
  }
  if (idleFor > TOUCH_AFTER_MS) await touchSession(db, idHash, now.toISOString());
  const { roles, channels } = await accessOf(db, Number(row.id));
  // A user whose every role was taken away has nothing left to do in the console.
  if (roles.length === 0) return undefined;
  const passwordAgeDays = (now.getTime() - Date.parse(row.password_changed_at)) / (24 * 60 * MINUTE);
  const rotationDue = policy.rotationDays !== undefined && passwordAgeDays > policy.rotationDays;
  return { id: Number(row.id), name: row.name, roles, channels, mustChangePassword: Number(row.must_change_password) === 1 || rotationDue };
}

/** Ends a session. */
export async function signOut(db: Db, sessionId: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, sha256(sessionId));
    await recordAudit(trx, actor, { action: 'logout', targetType: 'user', targetId: actor.userId ?? undefined });
  });
}

/** Disables (or re-enables) an account; disabling ends its sessions at once. */
export async function setUserDisabled(db: Db, actor: Actor, userId: number, disabled: boolean, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await userById(trx, userId);
    if (!user) return false;
    const disabledAt = disabled ? now.toISOString() : null;
    await updateUser(trx, userId, { disabled_at: disabledAt, failed_logins: 0, locked_until: null });
    if (disabled) await deleteSessionsOfUser(trx, userId);
    await recordAudit(
      trx,
      actor,
      {
        action: disabled ? 'user.disable' : 'user.enable',
        targetType: 'user',
        targetId: userId,
        before: { disabledAt: user.disabled_at },
        after: { disabledAt },
      },
      now,
    );
    return true;
  });
}

/** Changes a user's password after checking the current one; returns a problem or undefined. */
export async function changePassword(
  db: Db,
  actor: Actor,
  userId: number,
  current: string,
  next: string,
  policy: PasswordPolicy,
  now = new Date(),
): Promise<string | undefined> {
  const user = await userById(db, userId);
  // Only a signed-in user changes their password, so the account exists.
  if (!user) throw new Error(`no user with id ${userId}`);
  if (!(await verify(user.password_hash, current))) return '当前密码不正确。';
  if (await verify(user.password_hash, next)) return '新密码不能与当前密码相同。';
  const problem = policy.problem(next, user.name);
  if (problem) return problem;
  const passwordHash = await hash(next, ARGON2);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { password_hash: passwordHash, password_changed_at: now.toISOString(), must_change_password: 0 });
    await recordAudit(trx, actor, { action: 'user.password', targetType: 'user', targetId: userId }, now);
  });
  return undefined;
}

/** Every user, for the admins' user list; `lockedUntil` only while the lock lasts at `now`. */
export async function listUsers(db: Db, now = new Date()) {
  const { users, roles, channels: scopes } = await allUsersWithAccess(db);
  return users.map((user) => ({
    id: Number(user.id),
    name: user.name,
    roles: ROLES.filter((role) => roles.some((row) => Number(row.user_id) === Number(user.id) && row.role === role)),
    disabled: user.disabled_at !== null,
    lockedUntil: user.locked_until !== null && user.locked_until > now.toISOString() ? user.locked_until : null,
    mustChangePassword: Number(user.must_change_password) === 1,
    temporaryPasswordExpired: temporaryPasswordExpired(user, now),
    channels: scopes.filter((scope) => Number(scope.user_id) === Number(user.id)).map((scope) => scope.channel),
  }));
}

/** What an admin's change to another account did. */
export type AccountChange = 'done' | 'not_found' | { problem: string };

/**
 * Gives a user new roles and channels. The user's sessions stay: each request reads the roles
 * again, so the change applies from their next page on. An admin cannot take their own admin role.
 */
export async function updateUserAccess(db: Db, actor: Actor, userId: number, input: UserAccess, now = new Date()): Promise<AccountChange> {
  const problem = accessProblem(input);
  if (problem) return { problem };
  if (actor.userId === userId && !input.roles.includes('admin')) return { problem: '不能取消自己的管理员角色,请让另一位管理员操作。' };
  const access = normalAccess(input);
  return db.transaction().execute(async (trx) => {
    if (!(await userById(trx, userId))) return 'not_found';
    const before = await accessOf(trx, userId);
    if (JSON.stringify(before) === JSON.stringify(access)) return 'done';
    await replaceUserAccess(trx, userId, access.roles, access.channels);
    await recordAudit(trx, actor, { action: 'user.roles', targetType: 'user', targetId: userId, before, after: access }, now);
    return 'done';
  });
}

// Temporary passwords: four groups of four, without characters people confuse (0/O, 1/l/I).
const TEMPORARY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const temporaryPassword = () =>
  Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join('')).join('-');

/**
 * Sets a temporary password for a user who lost theirs: returned once (only its hash is kept),
 * valid until the user replaces it, which the console asks for first, or for
 * TEMPORARY_PASSWORD_HOURS. The user's sessions end
 * and a lock is lifted. Admins change their own password on the password page instead.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: number,
  policy: PasswordPolicy,
  now = new Date(),
): Promise<{ temporaryPassword: string } | 'not_found' | { problem: string }> {
  if (actor.userId === userId) return { problem: '不能重置自己的密码,请在“修改密码”页修改。' };
  const user = await userById(db, userId);
  if (!user) return 'not_found';
  let password = temporaryPassword();
  while (policy.problem(password, user.name) !== undefined) password = temporaryPassword();
  const passwordHash = await hash(password, ARGON2);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, {
      password_hash: passwordHash,
      password_changed_at: now.toISOString(),
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
    });
    await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, { action: 'user.password.reset', targetType: 'user', targetId: userId }, now);
  });
  return { temporaryPassword: password };
}

/** Lifts the lock that failed sign-ins set, before its 15 minutes are over. */
export async function unlockUser(db: Db, actor: Actor, userId: number, now = new Date()): Promise<'done' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const user = await userById(trx, userId);
    if (!user) return 'not_found';
    if (user.locked_until === null && Number(user.failed_logins) === 0) return 'done';
    await updateUser(trx, userId, { failed_logins: 0, locked_until: null });
    await recordAudit(
      trx,
      actor,
      {
        action: 'user.unlock',
        targetType: 'user',
        targetId: userId,
        before: { lockedUntil: user.locked_until, failedLogins: Number(user.failed_logins) },
        after: { lockedUntil: null },
      },
      now,
    );
    return 'done';
  });
}
