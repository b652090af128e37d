#!/usr/bin/env node
// `npm start`: the portal from the bundled build (bin/bundle.js), built first when src/ changed.
import { runBundled } from './bundle.js';

await runBundled('main');
