// The bundled build that `npm start` and `zhaoshang` run: esbuild joins src/ into a few files in
// build/server/, so a process loads them instead of resolving, loading and linking about 840
// modules through tsx (measured: README, "Memory and start"). Plain JavaScript, so a start that
// finds the build current loads neither tsx nor esbuild.
import { readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { mkdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Two levels below the root, like src/<feature>/x.ts: the code's `new URL('../../data/…',
// import.meta.url)` paths find the same files from a chunk as from its source.
export const BUNDLE_DIR = join(ROOT, 'build', 'server');

// What the build is made from: a change to any of them makes the build stale.
const SOURCES = [join(ROOT, 'src'), join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)];

// Written last, its modification time the moment the build started: a file saved while esbuild ran
// is newer, so the next start builds again.
const STAMP = '.built';

// Native addons, packages that find files beside their own module (PGlite's .wasm through
// import.meta.resolve), and the large ones loaded only on first use stay in node_modules.
const EXTERNAL = ['better-sqlite3', '@node-rs/*', 'sharp', '@electric-sql/pglite', '@aws-sdk/*', 'nodemailer', 'pg-native', 'tsx', 'esbuild'];

/** Builds src/ into `outdir`, replacing what is there once the new build is complete. */
export async function buildBundle(outdir = BUNDLE_DIR) {
  const started = new Date();
  const partial = `${outdir}.partial-${process.pid}`;
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts', 'segmenting-worker': 'src/search/segmenting-worker.ts' },
    outdir: partial,
    bundle: true,
    // Chunks shared by the entries and one per dynamic import: the primary still never loads the
    // web app, and a command loads only its own modules.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: EXTERNAL,
    sourcemap: 'linked',
    sourcesContent: false,
    // Bundled CommonJS packages call require(), which an ES module does not have.
    banner: { js: "import { createRequire as createBundleRequire } from 'node:module'; const require = createBundleRequire(import.meta.url);" },
    logLevel: 'warning',
    // Without comments and spaces: every process keeps its modules' source text in memory (V8
    // compiles functions lazily from it), and one character outside Latin-1 in a chunk doubles
    // that chunk's (a comment's Chinese example). 5.7 MB less heap a process at 100,000 articles,
    // and a faster start. Names stay as they are; stack traces still name src/ through the maps.
    minifyWhitespace: true,
    minifySyntax: true,
  });
  await writeFile(join(partial, STAMP), '');
  await utimes(join(partial, STAMP), started, started);
  // Swapped in whole, so no process loads half of one build and half of another.
  const old = `${outdir}.old-${process.pid}`;
  await rename(outdir, old).catch(ignoreMissing);
  await rename(partial, outdir);
  await rm(old, { recursive: true, force: true });
}

/** Whether `outdir` holds a build newer than every file it is made from. */
export async function bundleIsCurrent(outdir = BUNDLE_DIR) {
  let built;
  try {
    built = (await stat(join(outdir, STAMP))).mtimeMs;
  } catch {
    return false;
  }
  // Synchronous: about 540 files, a few milliseconds on every start.
  for (const source of SOURCES) if (newestChange(source) > built) return false;
  return true;
}

/**
 * Builds `outdir` when it is missing or stale; true if it did. One process builds at a time (the
 * test runner and a cluster's processes may start together); the others wait and find it current.
 */
export async function ensureBundle(outdir = BUNDLE_DIR) {
  if (await bundleIsCurrent(outdir)) return false;
  return withBuildLock(outdir, async () => {
    if (await bundleIsCurrent(outdir)) return false;
    await buildBundle(outdir);
    return true;
  });
}

/**
 * Runs `entry` (main or cli) of the build, building it first when it is missing or stale. Where the
 * build cannot be written (a read-only install under systemd), runs the sources through tsx instead
 * and says why: never a stale build.
 */
export async function runBundled(entry) {
  try {
    await ensureBundle();
  } catch (error) {
    process.stderr.write(
      `zhaoshang: the build in ${BUNDLE_DIR} is missing or older than src/ and could not be rebuilt (${error.message}); running the sources through tsx, which starts slower. Run \`npm run build\`.\n`,
    );
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(join(ROOT, 'src', `${entry}.ts`)).href);
    return;
  }
  // Stack traces name the src/ files and lines, through the build's source maps.
  process.setSourceMapsEnabled(true);
  // Before the build's modules, so that it covers them (see src/compile-cache.ts).
  module.enableCompileCache?.();
  await import(pathToFileURL(join(BUNDLE_DIR, `${entry}.js`)).href);
}

// A lock left by a build that died is taken over after this long (a build takes a few seconds).
const LOCK_STALE_MS = 60_000;

async function withBuildLock(outdir, build) {
  const lock = `${outdir}.lock`;
  await mkdir(dirname(outdir), { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const held = await stat(lock).then(({ mtimeMs }) => Date.now() - mtimeMs, () => 0);
      if (held > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await build();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** The newest modification time of a file, or of any file or folder under a folder. */
function newestChange(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) newest = Math.max(newest, newestChange(join(path, entry.name)));
  return newest;
}

function ignoreMissing(error) {
  if (error.code !== 'ENOENT') throw error;
}
