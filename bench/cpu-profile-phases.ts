// node --import tsx bench/cpu-profile-phases.ts DIR
// Sums up the V8 CPU profiles a server wrote (bench:search-http --cpu-prof DIR): the busy time of
// all its processes by phase of a request, each sample counted for the innermost frame of its stack
// that belongs to a phase. Idle time and the start (loading modules, the dictionary) are left out.
// Shares, not milliseconds: a sample's interval is wall time, which on a busy machine includes
// time the process waited for a core; bench:search-http prints the CPU time per request.
// Profiles of the build (the benches' default) name bundled chunks, not our modules: each frame
// is traced back to its source file through the chunk's source map, which the build writes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// First match wins, tried from the innermost frame outwards.
const PHASES: Array<[phase: string, matches: (frame: Pick<CallFrame, 'functionName' | 'url'>) => boolean]> = [
  ['(idle)', (f) => f.functionName === '(idle)'],
  [
    '(start: loading code and the dictionary)',
    (f) => /esm\/loader|cjs\/loader|modules\/run_main|Segmenter|serveHere|portalDeps/.test(`${f.url} ${f.functionName}`),
  ],
  ['compression', (f) => f.url === 'node:zlib' || f.url.endsWith('compressed-body.ts')],
  ['database statements (driver, SQLite)', (f) => /sqlite-driver\.ts|better-sqlite3|node_modules\/kysely|pg-pool|node_modules\/pg\//.test(f.url)],
  ['word segmentation (jieba)', (f) => /segmenter\.ts|@node-rs\/jieba/.test(f.url)],
  ['query folding (NFKC, OpenCC)', (f) => /normalize\.ts|opencc/.test(f.url)],
  ['titles and snippets marked', (f) => f.url.endsWith('highlight.ts')],
  ['rendering HTML (JSX)', (f) => /hono\/dist\/(jsx|helper\/html|utils\/html)|\.tsx$/.test(f.url)],
  ['search and policy services', (f) => /search\/|policies\/|articles\//.test(f.url)],
  ['HTTP, routing, page cache', (f) => /hono|node:_http|node:net|node:stream|http\//.test(f.url)],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
];

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node --import tsx bench/cpu-profile-phases.ts DIR');
  process.exit(2);
}
const sourceMaps = new Map<string, SourceMap | undefined>();
/** The frame with the URL of the source file its code came from, where a source map tells. */
function fromSources(frame: CallFrame): Pick<CallFrame, 'functionName' | 'url'> {
  if (!frame.url.startsWith('file:') || !frame.url.endsWith('.js')) return frame;
  if (!sourceMaps.has(frame.url)) {
    const mapFile = `${fileURLToPath(frame.url)}.map`;
    sourceMaps.set(frame.url, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined);
  }
  const entry = sourceMaps.get(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  const source = entry && 'originalSource' in entry ? entry.originalSource : undefined;
  return source ? { functionName: frame.functionName, url: new URL(source, frame.url).href } : frame;
}

const spent = new Map<string, number>();
for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const phaseOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = phaseOf.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const frame = fromSources(node.callFrame);
    const own = PHASES.find(([, matches]) => matches(frame))?.[0];
    const up = parent.get(id);
    const phase = own ?? (up === undefined ? 'other' : classify(up));
    phaseOf.set(id, phase);
    return phase;
  };
  profile.samples.forEach((id, i) => {
    const phase = classify(id);
    spent.set(phase, (spent.get(phase) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
}
const busy = [...spent].filter(([phase]) => !phase.startsWith('('));
const busyMs = busy.reduce((sum, [, ms]) => sum + ms, 0);
console.log(`busy time while serving: ${(busyMs / 1000).toFixed(1)} s`);
for (const [phase, ms] of busy.sort((a, b) => b[1] - a[1])) console.log(`  ${phase.padEnd(40)} ${((100 * ms) / busyMs).toFixed(1).padStart(5)} %`);
console.log(
  `left out: ${[...spent]
    .filter(([phase]) => phase.startsWith('('))
    .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
    .join(', ')}`,
);
