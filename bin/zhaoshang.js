#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx zhaoshang …` works without a build step. The module
// compile cache goes on first, before the modules it should cover (see src/compile-cache.ts).
import module from 'node:module';
import { register } from 'tsx/esm/api';

module.enableCompileCache?.();
register();
await import('../src/cli.ts');
