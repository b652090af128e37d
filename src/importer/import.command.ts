// `zhaoshang import FILE [--strict]`: imports a seed-format file and prints what it did.
import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import { progressBar } from '../lib/progress.ts';
import { ensureSearchIndexCurrent } from '../search/search.service.ts';
import { articleWriting, openMigratedDb } from '../prepare.ts';
import { importSeedFile, type ImportReport } from './importer.service.ts';

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
    const report = await importSeedFile(opened.db, content, file, {
      strict,
      readProgress: (total) => progressBar('reading ', total),
      writeProgress: (total) => progressBar('writing ', total),
    });
    out.write(formatImportReport(report));
    return report.aborted || (strict && report.rejected.length > 0) ? 1 : 0;
  } finally {
    await opened.close();
  }
}

/** The report as an operator reads it: counts, then each rejection with its line. */
export function formatImportReport(report: ImportReport): string {
  const lines = [
    report.aborted
      ? `nothing imported: --strict and ${report.rejected.length} rejected block(s)`
      : `imported ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`,
  ];
  for (const rejection of report.rejected) {
    const title = rejection.title ? ` "${truncate(rejection.title, 40)}"` : '';
    lines.push(`  rejected: line ${rejection.line}${title}: ${rejection.reason}`);
  }
  for (const stray of report.strayText) {
    const what = stray.trailing ? 'footer after the last article' : 'text outside any article';
    lines.push(`  ignored: ${stray.lines} line(s) of ${what}, from line ${stray.line}`);
  }
  return `${lines.join('\n')}\n`;
}

function truncate(text: string, length: number): string {
  const characters = Array.from(text);
  return characters.length <= length ? text : `${characters.slice(0, length).join('')}…`;
}
