// `zhaoshang inspect [--json]`: the daily inspection check; exit 1 when a veto item (单项否决) is found.
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createApp } from '../app.ts';
import type { Config } from '../config.ts';
import { chinaDateTime } from '../lib/china-time.ts';
import { openMigratedDb } from '../prepare.ts';
import { portalDeps } from '../serve.ts';
import { INSPECTION_CHECKS } from './inspection-checks.ts';
import type { InspectionCheck, Severity } from './inspection-check.ts';
import { runInspection, type InspectionReport } from './inspection.service.ts';

export const INSPECT_USAGE = 'Usage: zhaoshang inspect [--json]\n';

const LABELS: Record<Severity, string> = { veto: 'VETO', warning: 'WARNING', ok: 'OK' };

/**
 * Runs every check, with the pages timed through the portal's app built here in-process (the same
 * router a server runs, without its network); prints the findings and returns the exit code.
 */
export async function runInspectCommand(
  config: Config,
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  errors: NodeJS.WritableStream = process.stderr,
  { now = new Date(), checks = INSPECTION_CHECKS }: { now?: Date; checks?: readonly InspectionCheck[] } = {},
): Promise<number> {
  let json: boolean;
  try {
    ({
      values: { json },
    } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } }));
  } catch (error) {
    errors.write(`zhaoshang inspect: ${(error as Error).message}\n${INSPECT_USAGE}`);
    return 2;
  }
  const opened = await openMigratedDb(config);
  try {
    const deps = portalDeps(config, opened, pino({ level: 'silent' }));
    const app = createApp(deps);
    const report = await runInspection(
      { db: opened.db, channels: deps.channels, calendar: deps.calendar, now, requestPage: async (path) => app.request(path) },
      checks,
    );
    out.write(json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
    return report.counts.veto > 0 ? 1 : 0;
  } finally {
    await opened.close();
  }
}

/** The report as lines: a summary, then each finding with its check and where it is fixed. */
function reportText(report: InspectionReport): string {
  const { veto, warning, ok } = report.counts;
  const lines = [`inspection at ${chinaDateTime(report.checkedAt)} (Beijing time): ${veto} veto items, ${warning} warnings, ${ok} passed`];
  // Two spaces after the longest check name, so that the messages line up and never touch it.
  const width = Math.max(0, ...report.findings.map((f) => f.check.length)) + 2;
  for (const severity of ['veto', 'warning', 'ok'] as const) {
    for (const finding of report.findings.filter((f) => f.severity === severity)) {
      lines.push(`${LABELS[severity].padEnd(8)}${finding.check.padEnd(width)}${finding.message}  (${finding.href})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
