// `zhaoshang import FILE [--strict]`: imports a seed-format, NDJSON, RSS 2.0 or Atom file and prints what it did.
import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import { progressBar } from '../lib/progress.ts';
import { ensureSearchIndexCurrent } from '../search/search.service.ts';
import { articleWriting, openMigratedDb } from '../prepare.ts';
import { importFile, UnreadableImportError, type ImportReport } from './importer.service.ts';

/** Runs the import; returns the process exit code. */
export async function runImportCommand(config: Config, file: string, strict: boolean, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  if (!existsSync(file)) {
    out.write(`zhaoshang import: no such file: ${file}\n`);
    return 2;
  }
  const opened = await openMigratedDb(config);
  try {
    const content = articleWriting(opened);
    await ensureSearchIndexCurrent(opened.db, content.searchIndex, (total) => progressBar('indexing', total));
    const report = await importFile(opened.db, content, file, {
      strict,
      readProgress: (total) => progressBar('reading ', total),
      writeProgress: (total) => progressBar('writing ', total),
    });
    out.write(formatImportReport(report));
    return report.aborted || (strict && report.rejected.length > 0) ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UnreadableImportError)) throw error;
    out.write(`zhaoshang import: ${file}: ${error.message}\n`);
    return 1;
  } finally {
    await opened.close();
  }
}

/** The report as an operator reads it: the format, the counts, then each rejection with its line or entry number. */
export function formatImportReport(report: ImportReport): string {
  const lines = [
    report.aborted
      ? `nothing imported: --strict and ${report.rejected.length} rejected block(s)`
      : `imported ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length} (${FORMAT_NAMES[report.format]})`,
  ];
  for (const rejection of report.rejected) {
    const title = rejection.title ? ` "${truncate(rejection.title, 40)}"` : '';
    lines.push(`  rejected: ${rejection.position}${title}: ${rejection.reason}`);
  }
  for (const stray of report.strayText) {
    const what = stray.trailing ? 'footer after the last article' : 'text outside any article';
    lines.push(`  ignored: ${stray.lines} line(s) of ${what}, from line ${stray.line}`);
  }
  return `${lines.join('\n')}\n`;
}

const FORMAT_NAMES = { seed: 'seed format', ndjson: 'NDJSON', rss: 'RSS 2.0', atom: 'Atom' } as const;

function truncate(text: string, length: number): string {
  const characters = Array.from(text);
  return characters.length <= length ? text : `${characters.slice(0, length).join('')}…`;
}
