// Crash safety: a contribution the server acknowledged (303 to its tracking code) survives the
// whole server (primary and workers) being killed at any moment, and is stored exactly once.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { acknowledgedCode, clientAddressFor, contributionRequest, httpRequest, openSubmitForm } from './helpers/http-client.ts';
import { freePort, killProcessGroup, startNodeProcess } from './helpers/processes.ts';
import { randomSource } from './helpers/random.ts';
import { serverEngines } from './helpers/server-db.ts';

const ROUNDS = 10;
const CONCURRENT_POSTS = 4;
// Each round streams for a random time in this range before the kill.
const STREAM_MS = [300, 1500] as const;

for (const engine of serverEngines()) {
  describe(`crash safety on ${engine.name}`, { skip: engine.skip }, () => {
    it(`stores every acknowledged contribution exactly once through ${ROUNDS} SIGKILLs of the server`, async (t) => {
      const started = Date.now();
      const seed = started % 2 ** 31;
      const random = randomSource(seed);
      const run = randomBytes(3).toString('hex');
      const database = await engine.create();
      const port = await freePort();
      const env = { PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', DATABASE_URL: database.url, LOG_LEVEL: 'warn', TRUST_PROXY: 'true' };
      const acknowledged = new Map<string, string>();
      const answered = new Map<number, number>();
      let posted = 0;
      try {
        for (let round = 0; round < ROUNDS; round += 1) {
          const server = await startNodeProcess(['--import', 'tsx', 'src/main.ts'], env, port, { detached: true, startTimeoutMs: 120_000 });
          let streaming = true;
          try {
            const form = await openSubmitForm(port);
            const postUntilKilled = async () => {
              while (streaming) {
                posted += 1;
                const n = posted;
                const marker = `${run}-${n}`;
                try {
                  const exchange = await httpRequest(port, '/submit', contributionRequest(port, form, marker, clientAddressFor(n)));
                  answered.set(exchange.status, (answered.get(exchange.status) ?? 0) + 1);
                  const code = acknowledgedCode(exchange);
                  if (code) acknowledged.set(marker, code);
                } catch {
                  // Cut off by the kill: not acknowledged, so it may or may not have been stored.
                }
              }
            };
            const streams = Array.from({ length: CONCURRENT_POSTS }, postUntilKilled);
            await new Promise((resolve) => setTimeout(resolve, STREAM_MS[0] + random() * (STREAM_MS[1] - STREAM_MS[0])));
            streaming = false;
            await killProcessGroup(server.child);
            await Promise.all(streams);
          } finally {
            streaming = false;
            await killProcessGroup(server.child);
          }
        }

        const opened = await database.open();
        let stored: Array<{ title: string; tracking_code: string }>;
        try {
          stored = await opened.db.selectFrom('submission').select(['title', 'tracking_code']).execute();
        } finally {
          await opened.close();
        }
        const storedCodes = new Map<string, string[]>();
        for (const row of stored) {
          const marker = / (\w+-\d+)$/.exec(row.title)?.[1];
          if (marker?.startsWith(`${run}-`)) storedCodes.set(marker, [...(storedCodes.get(marker) ?? []), row.tracking_code]);
        }
        const context = `seed ${seed}, ${posted} posted, ${acknowledged.size} acknowledged, ${stored.length} stored`;
        for (const [marker, code] of acknowledged) assert.deepEqual(storedCodes.get(marker), [code], `acknowledged ${marker} (${context})`);
        for (const [marker, codes] of storedCodes) assert.ok(codes.length === 1, `${marker} stored ${codes.length} times (${context})`);
        // Every answer the server gave was an acknowledgement: nothing was refused or failed.
        assert.deepEqual([...answered.keys()], [303], `answers by status: ${JSON.stringify(Object.fromEntries(answered))}`);
        assert.ok(acknowledged.size >= ROUNDS, `the stream got through in every round (${context})`);
        t.diagnostic(
          `${engine.name}: ${context}, ${stored.length - acknowledged.size} stored but cut off before the answer, ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      } finally {
        await database.remove();
      }
    });
  });
}
