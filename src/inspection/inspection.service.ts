// Running the inspection: each check in turn, its findings labelled with it, and what a console
// user sees of them (the checks their role fixes; of channel findings, their channels' only).
import { canActOn, hasRole, type ConsoleUser } from '../accounts/account.ts';
import type { CheckFinding, InspectionCheck, InspectionContext, Severity } from './inspection-check.ts';

/** A finding with the check that made it. */
export interface Finding extends CheckFinding {
  check: string;
  checkTitle: string;
}

/** The outcome of one inspection. */
export interface InspectionReport {
  /** ISO-8601 UTC: the `now` it was run for. */
  checkedAt: string;
  /** The checks run, in order. */
  checks: Array<{ id: string; title: string }>;
  findings: Finding[];
  counts: Record<Severity, number>;
}

/**
 * Runs `checks` one after another (the page timings must not share the machine with the other
 * checks). With `viewer`, only the checks their roles fix run, and only findings of the whole
 * site or of their channels are kept.
 */
export async function runInspection(context: InspectionContext, checks: readonly InspectionCheck[], viewer?: ConsoleUser): Promise<InspectionReport> {
  const chosen = viewer ? checks.filter((check) => hasRole(viewer, ...check.audience)) : checks;
  const findings: Finding[] = [];
  for (const check of chosen) {
    for (const finding of await check.run(context)) {
      if (viewer && finding.channel !== undefined && !canActOn(viewer, finding.channel)) continue;
      findings.push({ ...finding, check: check.id, checkTitle: check.title });
    }
  }
  const counts = { veto: 0, warning: 0, ok: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return { checkedAt: context.now.toISOString(), checks: chosen.map(({ id, title }) => ({ id, title })), findings, counts };
}

/** The quick checks only (no page loads, no walk over every article), as the console home shows them on every visit. */
export function quickInspection(
  context: Omit<InspectionContext, 'requestPage'>,
  checks: readonly InspectionCheck[],
  viewer: ConsoleUser,
): Promise<InspectionReport> {
  const requestPage = () => Promise.reject(new Error('a quick inspection check loaded a page'));
  return runInspection(
    { ...context, requestPage },
    checks.filter((check) => check.quick),
    viewer,
  );
}
