// A real nginx in front of the app on loopback, as production runs it, with the configuration the
// project ships (deploy/nginx/zhaoshang.conf): templated with loopback ports, a self-signed
// certificate and a temp folder (log, page cache), included in an http block like Debian's nginx.conf, and started as
// a child process.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { basename, dirname, join } from 'node:path';
import { testEnvironment } from '../../src/config.ts';
import { freePort, PROJECT_ROOT, stopProcess } from './processes.ts';
import { tempDir } from './test-db.ts';

const NGINX = '/usr/sbin/nginx';
/** The file operators copy to /etc/nginx/conf.d/. */
export const SHIPPED_CONFIG = join(PROJECT_ROOT, 'deploy/nginx/zhaoshang.conf');

/** True when nginx is installed; otherwise a loud notice, or under CI=true a failure (as launchBrowser). */
export function nginxAvailable(): boolean {
  if (existsSync(NGINX)) return true;
  const message = `nginx not found at ${NGINX} (apt-get install nginx)`;
  if (testEnvironment.ci) throw new Error(`${message}; CI=true requires the proxy tests to run.`);
  process.stderr.write(`\n!!!!!!!! SKIPPING PROXY TESTS: ${message} !!!!!!!!\n\n`);
  return false;
}

/** Where the templated configuration puts nginx. */
export interface ProxyPlacement {
  dir: string;
  httpPort: number;
  httpsPort: number;
  /** The app instances, `127.0.0.1:PORT` each. */
  upstreams: readonly string[];
  /** Answer every request with this file instead of asking the instances (bench:scale's yardstick). */
  servingFile?: string;
}

/** Replaces `from` (which must occur, exactly once) in `text`: a changed shipped file fails loudly. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, `${from.flags}g`))?.length ?? 0);
  if (count !== 1) throw new Error(`deploy/nginx/zhaoshang.conf: expected "${String(from)}" once, found it ${count} times`);
  return text.replace(from, to);
}

/** The shipped site configuration with loopback ports, test certificate, log, page cache and upstreams. */
export function templatedSiteConfig(placement: ProxyPlacement): string {
  const { dir, httpPort, httpsPort, upstreams, servingFile } = placement;
  let text = readFileSync(SHIPPED_CONFIG, 'utf8');
  text = replaceOnce(
    text,
    /^ {4}server 127\.0\.0\.1:3001 (.*)\n {4}server 127\.0\.0\.1:3002 .*\n/m,
    upstreams.map((upstream) => `    server ${upstream} $1\n`).join(''),
  );
  text = replaceOnce(text, '    listen 80;\n    listen [::]:80;\n', `    listen 127.0.0.1:${httpPort};\n`);
  text = replaceOnce(text, '    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n', `    listen 127.0.0.1:${httpsPort} ssl http2;\n`);
  text = replaceOnce(text, '/etc/ssl/zhaoshang/fullchain.pem', join(dir, 'cert.pem'));
  text = replaceOnce(text, '/etc/ssl/zhaoshang/privkey.pem', join(dir, 'key.pem'));
  text = replaceOnce(text, '/var/log/nginx/zhaoshang.access.log', join(dir, 'access.log'));
  text = replaceOnce(text, 'proxy_cache_path /var/cache/nginx-zhaoshang ', `proxy_cache_path ${join(dir, 'cache')} `);
  if (servingFile) {
    // Everything else (TLS, headers, logging, workers) stays as shipped, so only the answering differs.
    text = replaceOnce(
      text,
      '    location / {\n        proxy_pass http://zhaoshang;\n    }\n',
      `    location / {\n        root ${dirname(servingFile)};\n        try_files /${basename(servingFile)} =404;\n    }\n`,
    );
  }
  return text;
}

/** An nginx.conf like Debian's (its http settings, gzip on included) that includes `siteFile`. */
function mainConfig(dir: string, siteFile: string, workerProcesses: number | 'auto'): string {
  return `daemon off;
worker_processes ${workerProcesses};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  sendfile on;
  tcp_nopush on;
  types_hash_max_size 2048;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
  ssl_prefer_server_ciphers on;
  access_log ${dir}/access.log;
  gzip on;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${siteFile};
}
`;
}

/** Writes the certificate and both configuration files into `placement.dir`; the nginx.conf path. */
function writeConfig(placement: ProxyPlacement, workerProcesses: number | 'auto'): string {
  const { dir } = placement;
  // Started as root, nginx's workers run as nobody: they must reach the temp folders nginx makes
  // here (a large body goes to client_body/).
  chmodSync(dir, 0o755);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(join(dir, 'zhaoshang.conf'), templatedSiteConfig(placement));
  writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir, join(dir, 'zhaoshang.conf'), workerProcesses));
  return join(dir, 'nginx.conf');
}

/** `nginx -t` on the shipped configuration: its exit status and what it said. */
export async function checkShippedConfig(): Promise<{ status: number | null; output: string }> {
  const dir = tempDir('zhaoshang-nginx-');
  try {
    const config = writeConfig({ dir: dir.path, httpPort: await freePort(), httpsPort: await freePort(), upstreams: ['127.0.0.1:3001', '127.0.0.1:3002'] }, 1);
    const result = spawnSync(NGINX, ['-t', '-c', config, '-p', dir.path, '-e', join(dir.path, 'error.log')], { encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    dir.remove();
  }
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

/** A running nginx: its https and http origins, its folder (access.log) and close(). */
export interface RunningProxy {
  origin: string;
  httpOrigin: string;
  httpsPort: number;
  dir: string;
  close(): Promise<void>;
}

/** Starts nginx with the shipped configuration in front of `upstreams` (`127.0.0.1:PORT` each). */
export async function startProxy(
  upstreams: readonly string[],
  { workerProcesses = 1 as number | 'auto', servingFile = undefined as string | undefined } = {},
): Promise<RunningProxy> {
  const dir = tempDir('zhaoshang-nginx-');
  const placement = { dir: dir.path, httpPort: await freePort(), httpsPort: await freePort(), upstreams, servingFile };
  const config = writeConfig(placement, workerProcesses);
  const child = spawn(NGINX, ['-c', config, '-p', dir.path, '-e', join(dir.path, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const close = async () => {
    await stopProcess(child);
    dir.remove();
  };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await answers(placement.httpsPort)) {
      return {
        origin: `https://127.0.0.1:${placement.httpsPort}`,
        httpOrigin: `http://127.0.0.1:${placement.httpPort}`,
        httpsPort: placement.httpsPort,
        dir: dir.path,
        close,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await close();
  throw new Error(`nginx did not start:\n${log}`);
}

/** Starts nginx with TLS on a free loopback port in front of one app at `upstream` (http://127.0.0.1:PORT). */
export function startTlsProxy(upstream: string): Promise<RunningProxy> {
  return startProxy([new URL(upstream).host]);
}
