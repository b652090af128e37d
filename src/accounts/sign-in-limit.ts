// Failed sign-ins are limited per account and address together, so that in an office where
// everyone shares one address a colleague's mistyped passwords never block anyone else. Every
// post without a session, sign-ins included, also has a far larger cap per address
// (SIGNED_OUT_POST_LIMIT), which still stops one address trying many accounts.
import type { Db } from '../db/database.ts';
import { countRequest, requestsSoFar, retryInMinutes } from '../http/rate-limit.ts';

/** Failed sign-ins per account name and address. Unknown names are counted too. */
export const SIGN_IN_FAILURE_LIMIT = { name: 'login-failed', max: 5, windowSeconds: 900 };

const bucketOf = (name: string, client: string) => `${SIGN_IN_FAILURE_LIMIT.name}:${client}:${name}`;

/** Why this name may not try again from this address yet, with the seconds to wait; undefined when it may. */
export async function signInRefusal(db: Db, name: string, client: string): Promise<{ message: string; retryAfterSeconds: number } | undefined> {
  const { hits, retryAfterSeconds } = await requestsSoFar(db, bucketOf(name, client), SIGN_IN_FAILURE_LIMIT);
  if (hits < SIGN_IN_FAILURE_LIMIT.max) return undefined;
  return { message: `该账号从当前网络${retryInMinutes('登录失败', retryAfterSeconds)}其他账号不受影响。`, retryAfterSeconds };
}

/** Counts a failed sign-in of this name from this address. */
export async function countFailedSignIn(db: Db, name: string, client: string): Promise<void> {
  await countRequest(db, bucketOf(name, client), SIGN_IN_FAILURE_LIMIT);
}
