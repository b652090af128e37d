// Console users as the rest of the code sees them, and what each role may do.
import type { Role } from './account.table.ts';

export type { Role } from './account.table.ts';

export const ROLES: readonly Role[] = ['admin', 'editor', 'reviewer'];
export const ROLE_NAMES: Record<Role, string> = { admin: '管理员', editor: '编辑', reviewer: '审核员' };

/** A signed-in user. Admins act on every channel; others only on `channels`. */
export interface ConsoleUser {
  id: number;
  name: string;
  role: Role;
  channels: string[];
  /** The 等保 profile's rotation period has passed: the console asks for a new password first. */
  mustChangePassword: boolean;
}

/** True when the user may act on items of `channel`. */
export function canActOn(user: ConsoleUser, channel: string): boolean {
  return user.role === 'admin' || user.channels.includes(channel);
}

/** The channels a user's lists are limited to, or undefined for all (admins). */
export function channelScope(user: ConsoleUser): string[] | undefined {
  return user.role === 'admin' ? undefined : user.channels;
}

const USER_NAME = /^[a-z][a-z0-9_.-]{1,31}$/u;

/** Why a user name cannot be used, or undefined. */
export function userNameProblem(name: string): string | undefined {
  return USER_NAME.test(name) ? undefined : '用户名须为 2–32 位小写字母、数字、点、横线或下划线,以字母开头。';
}
