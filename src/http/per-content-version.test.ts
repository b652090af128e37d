import assert from 'node:assert/strict';
import { it } from 'node:test';
import { perContentVersion } from './per-content-version.ts';

it('computes a value once per content version, shared by the requests that ask meanwhile, and not after a failure', async () => {
  let version = 1;
  let computed = 0;
  let failNext = false;
  const value = perContentVersion(
    async () => version,
    async () => {
      computed += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failNext) {
        failNext = false;
        throw new Error('database unavailable');
      }
      return `counts at version ${version}`;
    },
  );
  assert.deepEqual(await Promise.all([value(), value(), value()]), Array(3).fill('counts at version 1'));
  assert.equal(await value(), 'counts at version 1');
  assert.equal(computed, 1);

  version = 2;
  assert.equal(await value(), 'counts at version 2', 'a change of content is seen at once');
  assert.equal(computed, 2);

  version = 3;
  failNext = true;
  await assert.rejects(value(), /database unavailable/);
  assert.equal(await value(), 'counts at version 3', 'a failure is not kept');
  assert.equal(computed, 4);
});
