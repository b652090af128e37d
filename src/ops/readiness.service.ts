// Whether this instance can serve: the database answers, and its schema is the one this code was
// written for. A load balancer or an orchestrator asks /readyz before sending traffic and after.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SqlDialect } from '../db/dialect.ts';
import { pendingMigrations } from '../db/migrate.ts';

/** One check's outcome; a failure says why in words safe to show anyone (no hosts, no errors). */
export type CheckResult = { status: 'pass' } | { status: 'fail'; reason: string; pending?: string[] } | { status: 'skipped'; reason: string };

/** The answer of /readyz. */
export interface Readiness {
  status: 'pass' | 'fail';
  checks: { database: CheckResult; migrations: CheckResult };
}

/** What went wrong, for the log (the answer itself gives no details). */
export type ReadinessProblem = { check: 'database' | 'migrations'; error: unknown };

// A probe that waits longer than the prober (Kubernetes: 1 s by default) only piles up; a database
// slower than this is not ready in any sense that matters to a visitor.
export const READINESS_TIMEOUT_MS = 1000;

/** Checks the database (a trivial query) and then its migrations, each within `timeoutMs`. */
export async function checkReadiness(
  db: Db,
  dialect: SqlDialect,
  timeoutMs = READINESS_TIMEOUT_MS,
): Promise<{ readiness: Readiness; problem?: ReadinessProblem }> {
  try {
    await withTimeout(sql`select 1`.execute(db), timeoutMs);
  } catch (error) {
    return {
      readiness: {
        status: 'fail',
        checks: {
          database: { status: 'fail', reason: failureReason(error, timeoutMs) },
          migrations: { status: 'skipped', reason: 'the database did not answer' },
        },
      },
      problem: { check: 'database', error },
    };
  }
  let pending: string[];
  try {
    pending = await withTimeout(pendingMigrations(db, dialect), timeoutMs);
  } catch (error) {
    return {
      readiness: { status: 'fail', checks: { database: { status: 'pass' }, migrations: { status: 'fail', reason: failureReason(error, timeoutMs) } } },
      problem: { check: 'migrations', error },
    };
  }
  const migrations: CheckResult = pending.length === 0 ? { status: 'pass' } : { status: 'fail', reason: `${pending.length} migration(s) not applied`, pending };
  return { readiness: { status: migrations.status, checks: { database: { status: 'pass' }, migrations } } };
}

class CheckTimeout extends Error {}

function failureReason(error: unknown, timeoutMs: number): string {
  return error instanceof CheckTimeout ? `no answer within ${timeoutMs} ms` : 'query failed';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
