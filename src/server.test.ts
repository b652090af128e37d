import assert from 'node:assert/strict';
import { it } from 'node:test';
import { workerExecArgv } from './server.ts';

it('starts workers with the primary’s Node options and a bounded young generation, unless the deployment bounds it', () => {
  assert.deepEqual(workerExecArgv(['--import', 'tsx']), ['--import', 'tsx', '--max-semi-space-size=4']);
  assert.deepEqual(workerExecArgv([]), ['--max-semi-space-size=4']);
  assert.deepEqual(workerExecArgv(['--max-semi-space-size=8']), ['--max-semi-space-size=8']);
  assert.deepEqual(workerExecArgv(['--import', 'tsx'], '--enable-source-maps --max-semi-space-size=16'), ['--import', 'tsx']);
});
