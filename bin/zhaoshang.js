#!/usr/bin/env node
// `zhaoshang <command>` (and `zhaoshang serve` in the systemd units): the command line from the
// bundled build (bin/bundle.js), built first when src/ changed, so `npx zhaoshang …` works from a
// fresh clone.
import { runBundled } from './bundle.js';

await runBundled('cli');
