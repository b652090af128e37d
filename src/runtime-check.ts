// Imported first by every entry point: on an unsupported Node the process stops with a clear
// message before a native addon is loaded. better-sqlite3 13's prebuilt binary needs Node-API 10,
// which Node 22 has from 22.14; on 22.0–22.13 it crashes with a bare segmentation fault.
import { unsupportedNodeMessage } from './lib/node-version.ts';

const problem = unsupportedNodeMessage(process.versions.node);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
