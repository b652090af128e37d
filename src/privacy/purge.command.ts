// `zhaoshang purge --older-than 180d`: removes personal data of items closed that long ago.
import { parseArgs } from 'node:util';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import type { Config } from '../config.ts';
import { openMigratedDb } from '../prepare.ts';
import { parseAgeInDays, purgePersonalData } from './purge.service.ts';

/** Runs the purge; returns the process exit code. */
export async function runPurgeCommand(
  config: Config,
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  errors: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const { values } = parseArgs({ args, options: { 'older-than': { type: 'string' } } });
  const days = parseAgeInDays(values['older-than'] ?? '');
  if (days === undefined) {
    errors.write('Usage: zhaoshang purge --older-than DAYSd   (e.g. --older-than 180d)\n');
    return 2;
  }
  const opened = await openMigratedDb(config);
  try {
    const cutoff = new Date(Date.now() - days * 86_400_000);
    const report = await purgePersonalData(opened.db, COMMAND_LINE, cutoff);
    out.write(
      `removed personal data of items closed before ${cutoff.toISOString().slice(0, 10)}: ${report.submissions} contributions, ${report.applications} applications, ${report.messages} messages, ${report.questions} questions, ${report.appeals} enterprise requests\n`,
    );
    return 0;
  } finally {
    await opened.close();
  }
}
