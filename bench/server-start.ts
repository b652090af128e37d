// How a benchmark starts the portal: by default as `npm start` does (package.json's start script:
// the bundled build, bin/start.js, with its Node options), so the figures are those of the program
// a site runs; `--from sources` runs src/main.ts through tsx instead, as the tests do, which starts
// slower and keeps every module's transformed source in memory.
import { readFileSync } from 'node:fs';
import { ensureBundle } from '../bin/bundle.js';

/** The benches' option: `--from build` (default) or `--from sources`. */
export const FROM_OPTION = { from: { type: 'string', default: 'build' } } as const;

// `node <options…> bin/start.js`, without the `node`.
const npmStart = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(' ')
  .slice(1);
const STARTS: Readonly<Record<string, readonly string[]>> = { build: npmStart, sources: ['--import', 'tsx', 'src/main.ts'] };

/**
 * The node arguments that start the portal from `from`, after `nodeOptions` (--cpu-prof …). The
 * build is brought up to date first: building is a one-off, not part of what a bench measures.
 */
export async function serverStartArgs(from: string, nodeOptions: readonly string[] = []): Promise<string[]> {
  const start = STARTS[from];
  if (!start) throw new Error(`--from must be build or sources, got "${from}"`);
  if (from === 'build') await ensureBundle();
  return [...nodeOptions, ...start];
}
