#!/usr/bin/env node
// `npm run build`: builds src/ into build/server/ (bin/bundle.js) whether or not it is current.
import { BUNDLE_DIR, buildBundle } from './bundle.js';

const started = performance.now();
await buildBundle();
process.stdout.write(`built ${BUNDLE_DIR} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
