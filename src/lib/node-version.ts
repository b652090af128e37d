// The oldest Node the product runs on, kept equal to package.json's `engines` (a test checks).

/** The minimum Node version as [major, minor]. */
export const MINIMUM_NODE: readonly [number, number] = [22, 14];

/** Why this Node cannot run the product, or undefined when it can (`version` as in process.versions.node). */
export function unsupportedNodeMessage(version: string): string | undefined {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  return `zhaoshang needs Node.js ${needMajor}.${needMinor} or later (a maintained line: 22, 24 or 26); this is Node.js ${version}. See README.md, "Quick start".`;
}
