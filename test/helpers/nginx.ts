// A real nginx terminating TLS in front of the app on loopback, as production runs it: a
// self-signed certificate and a config made in a temp folder, nginx started as a child process.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { testEnvironment } from '../../src/config.ts';
import { freePort, stopProcess } from './processes.ts';
import { tempDir } from './test-db.ts';

const NGINX = '/usr/sbin/nginx';

/** True when nginx is installed; otherwise a loud notice, or under CI=true a failure (as launchBrowser). */
export function nginxAvailable(): boolean {
  if (existsSync(NGINX)) return true;
  const message = `nginx not found at ${NGINX} (apt-get install nginx)`;
  if (testEnvironment.ci) throw new Error(`${message}; CI=true requires the proxy tests to run.`);
  process.stderr.write(`\n!!!!!!!! SKIPPING PROXY TESTS: ${message} !!!!!!!!\n\n`);
  return false;
}

/** The nginx.conf of a TLS proxy on `port` for the app at `upstream` (http://127.0.0.1:PORT). */
function proxyConfig(dir: string, port: number, upstream: string): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  # nginx's default of 1 MB would cut the article editor's 2 MB short; the app limits each route.
  client_max_body_size 2m;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    location / {
      proxy_pass ${upstream};
      # $http_host keeps the port the browser used, which is part of its Origin.
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}
`;
}

/** Whether the proxy answers over TLS yet (any status). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', rejectUnauthorized: false, agent: false }, (response) => {
      response.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Starts nginx with TLS on a free loopback port in front of `upstream`; its https origin and close(). */
export async function startTlsProxy(upstream: string): Promise<{ origin: string; close(): Promise<void> }> {
  const dir = tempDir('zhaoshang-nginx-');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir.path, 'key.pem'), '-out', join(dir.path, 'cert.pem')], { stdio: 'ignore' });
  const port = await freePort();
  writeFileSync(join(dir.path, 'nginx.conf'), proxyConfig(dir.path, port, upstream));
  const child = spawn(NGINX, ['-c', join(dir.path, 'nginx.conf'), '-p', dir.path, '-e', join(dir.path, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const close = async () => {
    await stopProcess(child);
    dir.remove();
  };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await answers(port)) return { origin: `https://127.0.0.1:${port}`, close };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await close();
  throw new Error(`nginx did not start:\n${log}`);
}
