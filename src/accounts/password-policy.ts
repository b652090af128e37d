// Password rules. The default is the modern one (length, no common passwords, no forced rotation,
// as NIST SP 800-63B advises); government deployments can switch to the 等保 profile, which adds
// character classes and 90-day rotation.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type PasswordPolicyName = 'modern' | 'dengbao';

/** The rules a password must meet, and how long it stays valid. */
export interface PasswordPolicy {
  name: PasswordPolicyName;
  /** Days until a password must be changed, or undefined for never. */
  rotationDays: number | undefined;
  /** Why `password` is not acceptable for user `userName`, in Chinese, or undefined. */
  problem(password: string, userName: string): string | undefined;
}

export const MIN_LENGTH = 12;
const MAX_LENGTH = 128;

const COMMON_FILE = fileURLToPath(new URL('../../data/common-passwords.txt', import.meta.url));
const COMMON = new Set(
  readFileSync(COMMON_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

function basicProblem(password: string, userName: string): string | undefined {
  const length = Array.from(password).length;
  if (length < MIN_LENGTH) return `密码至少 ${MIN_LENGTH} 个字符。`;
  if (length > MAX_LENGTH) return `密码不能超过 ${MAX_LENGTH} 个字符。`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return '这个密码太常见,容易被猜到,请换一个。';
  if (/^(.)\1+$/u.test(password)) return '密码不能由同一个字符重复组成。';
  if (userName.length >= 3 && lower.includes(userName.toLowerCase())) return '密码不能包含用户名。';
  return undefined;
}

const CLASSES = [/[a-z]/u, /[A-Z]/u, /\d/u, /[^a-zA-Z\d]/u];

/** The policy by name. */
export function passwordPolicy(name: PasswordPolicyName): PasswordPolicy {
  if (name === 'modern') return { name, rotationDays: undefined, problem: basicProblem };
  return {
    name,
    rotationDays: 90,
    problem(password, userName) {
      const basic = basicProblem(password, userName);
      if (basic) return basic;
      const classes = CLASSES.filter((pattern) => pattern.test(password)).length;
      return classes < 3 ? '密码须包含大写字母、小写字母、数字、符号中的至少三类。' : undefined;
    },
  };
}
