import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ClientRateLimiter } from './client-rate-limit.ts';

const limit = { name: 'api', max: 2, windowSeconds: 60 };

it('counts each client in fixed windows and allows again in the next one', () => {
  const limiter = new ClientRateLimiter(limit);
  const start = 1_800_000_000_000; // a window boundary (a multiple of 60 s)
  assert.deepEqual(limiter.count('a', start), { allowed: true, remaining: 1, resetSeconds: 60 });
  assert.deepEqual(limiter.count('a', start + 15_500), { allowed: true, remaining: 0, resetSeconds: 45 });
  assert.deepEqual(limiter.count('a', start + 30_000), { allowed: false, remaining: 0, resetSeconds: 30 });
  assert.equal(limiter.count('b', start + 30_000).allowed, true, 'clients are counted apart');
  assert.deepEqual(limiter.count('a', start + 60_000), { allowed: true, remaining: 1, resetSeconds: 60 });
});

it('holds at most maxClients, forgetting the least recently seen', () => {
  const limiter = new ClientRateLimiter(limit, 3);
  const now = 1_800_000_000_000;
  for (const client of ['a', 'b', 'c']) limiter.count(client, now);
  limiter.count('a', now); // a is seen again: b is now the least recent
  limiter.count('d', now);
  assert.equal(limiter.clients, 3);
  assert.equal(limiter.count('a', now).allowed, false, 'a was kept with its count');
  assert.equal(limiter.count('b', now).remaining, 1, 'b was forgotten and starts afresh');
});
