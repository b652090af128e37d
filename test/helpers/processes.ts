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

/** Starts `node ARGS` in the project root and waits until it answers on `port`. */
export async function startNodeProcess(args: string[], env: NodeJS.ProcessEnv, port: number): Promise<{ child: ChildProcess; log: () => string }> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetchFresh(port, '/')).status < 500) return { child, log: () => log };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  child.kill('SIGKILL');
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
