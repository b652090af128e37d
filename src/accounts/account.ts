// Console users as the rest of the code sees them, and what each role may do.
import type { Role } from './account.table.ts';

export type { Role } from './account.table.ts';

export const ROLES: readonly Role[] = ['admin', 'editor', 'reviewer'];
export const ROLE_NAMES: Record<Role, string> = { admin: '管理员', editor: '编辑', reviewer: '审核员' };

/** A signed-in user. Admins act on every channel; others only on `channels`. */
export interface ConsoleUser {
  id: number;
  name: string;
  /** Every role the user holds, in the order of ROLES; never empty. */
  roles: Role[];
  channels: string[];
  /**
   * The console asks for a new password first: the 等保 profile's rotation period has passed, or
   * an admin set a temporary one.
   */
  mustChangePassword: boolean;
}

/** True when the user holds at least one of `roles`. */
export function hasRole(user: Pick<ConsoleUser, 'roles'>, ...roles: Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

/** True when the user may act on items of `channel`. */
export function canActOn(user: ConsoleUser, channel: string): boolean {
  return hasRole(user, 'admin') || user.channels.includes(channel);
}

/** The channels a user's lists are limited to, or undefined for all (admins). */
export function channelScope(user: ConsoleUser): string[] | undefined {
  return hasRole(user, 'admin') ? undefined : user.channels;
}

/** The roles named in `names` (form values or `editor,reviewer`), each once, in ROLES order; undefined when one is unknown or none is given. */
export function parseRoles(names: readonly string[]): Role[] | undefined {
  const given = names
    .flatMap((name) => name.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (given.length === 0 || !given.every((name) => (ROLES as readonly string[]).includes(name))) return undefined;
  return ROLES.filter((role) => given.includes(role));
}

/** The roles in Chinese, e.g. “编辑、审核员”. */
export function roleNames(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_NAMES[role]).join('、');
}

const USER_NAME = /^[a-z][a-z0-9_.-]{1,31}$/u;

/** Why a user name cannot be used, or undefined. */
export function userNameProblem(name: string): string | undefined {
  return USER_NAME.test(name) ? undefined : '用户名须为 2–32 位小写字母、数字、点、横线或下划线,以字母开头。';
}

/** A temporary password an admin set works this long: one that leaks later is worth nothing. */
export const TEMPORARY_PASSWORD_HOURS = 72;
