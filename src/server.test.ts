import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { WORKER_SEMI_SPACE, workerExecArgv } from './server.ts';

it('starts workers with the primary’s Node options and a bounded young generation, unless the deployment bounds it', () => {
  assert.deepEqual(workerExecArgv(['--import', 'tsx']), ['--import', 'tsx', '--max-semi-space-size=4']);
  assert.deepEqual(workerExecArgv([]), ['--max-semi-space-size=4']);
  assert.deepEqual(workerExecArgv(['--max-semi-space-size=8']), ['--max-semi-space-size=8']);
  assert.deepEqual(workerExecArgv(['--import', 'tsx'], '--enable-source-maps --max-semi-space-size=16'), ['--import', 'tsx']);
});

it('is started by `npm start` with the same bound: with WORKERS=1 that process serves', () => {
  const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  assert.deepEqual(scripts.start.split(' '), ['node', WORKER_SEMI_SPACE, 'bin/start.js']);
});
