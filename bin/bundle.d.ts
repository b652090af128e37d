// Types of bin/bundle.js, for the tests and benches that import it.
export const BUNDLE_DIR: string;
export function buildBundle(outdir?: string): Promise<void>;
export function bundleIsCurrent(outdir?: string): Promise<boolean>;
export function ensureBundle(outdir?: string): Promise<boolean>;
export function runBundled(entry: 'main' | 'cli'): Promise<void>;
