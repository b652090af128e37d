// Child processes on loopback ports, for tests and benchmarks that run the real server.
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';

export const PROJECT_ROOT = new URL('../..', import.meta.url).pathname;

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A GET on a new connection each time, so a cluster spreads requests over its workers. */
export function fetchFresh(port: number, path: string): Promise<{ status: number; body: Buffer; text: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response
        .on('data', (chunk: Buffer) => chunks.push(chunk))
        .on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: response.statusCode!, body, text: body.toString('utf8') });
        });
    }).on('error', reject);
  });
}

/**
 * Starts `node ARGS` in the project root and waits (at most `startTimeoutMs`) until it answers on
 * `port`. `detached` makes it lead its own process group, which killProcessGroup() ends with every
 * worker it forked.
 */
export async function startNodeProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  { detached = false, startTimeoutMs = 30_000 } = {},
): Promise<{ child: ChildProcess; log: () => string }> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetchFresh(port, '/')).status < 500) return { child, log: () => log };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  if (detached) await killProcessGroup(child);
  else child.kill('SIGKILL');
  throw new Error(`node ${args.join(' ')} did not start:\n${log}`);
}

/** Stops a child with SIGTERM and waits for it to exit. */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** SIGKILLs a detached child and everything in its process group; resolves once all are gone. */
export async function killProcessGroup(child: ChildProcess): Promise<void> {
  const group = child.pid!;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
  await exited;
  // The workers are reaped by init, not by us: wait until no process of the group is left.
  for (;;) {
    try {
      process.kill(-group, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
