// Accounts, sign-in with lockout, and sessions. No HTTP here.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { userNameProblem, type ConsoleUser, type Role } from './account.ts';
import * as store from './account.store.ts';
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
  input: { name: string; role: Role; password: string; channels: string[] },
  policy: PasswordPolicy,
  now = new Date(),
): Promise<{ id: number } | { problem: string }> {
  const problem = userNameProblem(input.name) ?? policy.problem(input.password, input.name);
  if (problem) return { problem };
  if (input.role !== 'admin' && input.channels.length === 0) return { problem: '编辑和审核员须至少负责一个频道。' };
  if (await store.userByName(db, input.name)) return { problem: `用户名“${input.name}”已被使用。` };
  const passwordHash = await hash(input.password, ARGON2);
  return db.transaction().execute(async (trx) => {
    const channels = input.role === 'admin' ? [] : [...new Set(input.channels)];
    const id = await store.insertUser(
      trx,
      { name: input.name, role: input.role, password_hash: passwordHash, password_changed_at: now.toISOString(), locked_until: null, disabled_at: null, created_at: now.toISOString() },
      channels,
    );
    await recordAudit(trx, actor, { action: 'user.create', targetType: 'user', targetId: id, after: { name: input.name, role: input.role, channels } }, now);
    return { id };
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
  const user = await store.userByName(db, name);
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
    if (!(await store.clearFailedLogins(trx, Number(user.id), now.toISOString()))) return false;
    await store.insertSession(trx, { id_hash: sha256(sessionId), user_id: Number(user.id), created_at: now.toISOString(), last_seen_at: now.toISOString() });
    await recordAudit(trx, actor, { action: 'login', targetType: 'user', targetId: Number(user.id) }, now);
    return true;
  });
  if (!signedIn) return { refused: LOGIN_REFUSED };
  return { sessionId, userId: Number(user.id) };
}

/** Counts one failed sign-in (the MAX_FAILED_LOGINS-th locks the account) with its audit record. */
async function countFailure(db: Db, actor: Actor, userId: number, now: Date): Promise<void> {
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * MINUTE).toISOString();
  await db.transaction().execute(async (trx) => {
    const counted = await store.countFailedLogin(trx, userId, MAX_FAILED_LOGINS, now.toISOString(), lockedUntil);
    if (!counted) return;
    await recordAudit(trx, actor, { action: counted.locked_until === lockedUntil ? 'login.locked' : 'login.failed', targetType: 'user', targetId: userId }, now);
  });
}

/** The user of a live session, or undefined when it is unknown, idle too long, too old or disabled. */
export async function sessionUser(db: Db, sessionId: string, policy: PasswordPolicy, now = new Date()): Promise<ConsoleUser | undefined> {
  const idHash = sha256(sessionId);
  const row = await store.sessionWithUser(db, idHash);
  if (!row) return undefined;
  const idleFor = now.getTime() - Date.parse(row.last_seen_at);
  const age = now.getTime() - Date.parse(row.created_at);
  if (row.disabled_at !== null || idleFor > IDLE_TIMEOUT_MINUTES * MINUTE || age > ABSOLUTE_TIMEOUT_HOURS * 60 * MINUTE) {
    await store.deleteSession(db, idHash);
    return undefined;
  }
  if (idleFor > TOUCH_AFTER_MS) await store.touchSession(db, idHash, now.toISOString());
  const channels = await store.channelsOfUser(db, Number(row.id));
  const passwordAgeDays = (now.getTime() - Date.parse(row.password_changed_at)) / (24 * 60 * MINUTE);
  return {
    id: Number(row.id),
    name: row.name,
    role: row.role,
    channels,
    mustChangePassword: policy.rotationDays !== undefined && passwordAgeDays > policy.rotationDays,
  };
}

/** Ends a session. */
export async function signOut(db: Db, sessionId: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await store.deleteSession(trx, sha256(sessionId));
    await recordAudit(trx, actor, { action: 'logout', targetType: 'user', targetId: actor.userId ?? undefined });
  });
}

/** Disables (or re-enables) an account; disabling ends its sessions at once. */
export async function setUserDisabled(db: Db, actor: Actor, userId: number, disabled: boolean, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await store.userById(trx, userId);
    if (!user) return false;
    const disabledAt = disabled ? now.toISOString() : null;
    await store.updateUser(trx, userId, { disabled_at: disabledAt, failed_logins: 0, locked_until: null });
    if (disabled) await store.deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, { action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: userId, before: { disabledAt: user.disabled_at }, after: { disabledAt } }, now);
    return true;
  });
}

/** Changes a user's password after checking the current one; returns a problem or undefined. */
export async function changePassword(db: Db, actor: Actor, userId: number, current: string, next: string, policy: PasswordPolicy, now = new Date()): Promise<string | undefined> {
  const user = await store.userById(db, userId);
  if (!user) throw new Error(`No user ${userId}`);
  if (!(await verify(user.password_hash, current))) return '当前密码不正确。';
  if (await verify(user.password_hash, next)) return '新密码不能与当前密码相同。';
  const problem = policy.problem(next, user.name);
  if (problem) return problem;
  const passwordHash = await hash(next, ARGON2);
  await db.transaction().execute(async (trx) => {
    await store.updateUser(trx, userId, { password_hash: passwordHash, password_changed_at: now.toISOString() });
    await recordAudit(trx, actor, { action: 'user.password', targetType: 'user', targetId: userId }, now);
  });
  return undefined;
}

/** Every user, for the admins' user list. */
export async function listUsers(db: Db) {
  const [users, scopes] = await store.allUsers(db);
  return users.map((user) => ({
    id: Number(user.id),
    name: user.name,
    role: user.role,
    disabled: user.disabled_at !== null,
    lockedUntil: user.locked_until,
    channels: scopes.filter((scope) => Number(scope.user_id) === Number(user.id)).map((scope) => scope.channel),
  }));
}
