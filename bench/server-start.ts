// How a benchmark starts the portal: by default as `npm start` does, from the bundled build
// (bin/start.js), so the figures are those of the program a site runs; `--from sources` runs
// src/main.ts through tsx instead, as the tests do. The two differ in more than start time: tsx
// compiles JSX for development (hono's jsxDEV on every element), and its loader keeps every
// module's transformed source in memory.
import { ensureBundle } from '../bin/bundle.js';

/** The benches' option: `--from build` (default) or `--from sources`. */
export const FROM_OPTION = { from: { type: 'string', default: 'build' } } as const;

const STARTS: Readonly<Record<string, readonly string[]>> = { build: ['bin/start.js'], sources: ['--import', 'tsx', 'src/main.ts'] };

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
