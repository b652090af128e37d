// The nginx configuration the project ships (deploy/nginx/zhaoshang.conf), run by a real nginx in
// front of two stand-in instances that answer with what reached them: the headers the app relies
// on, the spread over instances, HTTPS only, body limits as the app's, /metrics kept in.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { request } from 'node:https';
import { get } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import { checkShippedConfig, nginxAvailable, startProxy, type RunningProxy } from './helpers/nginx.ts';
import { freePort } from './helpers/processes.ts';

/** What a stand-in instance saw of a request. */
interface Seen {
  instance: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
}

const PAGE = '<!doctype html><title>页面</title>' + '<p>招商引资项目签约。</p>'.repeat(200);

/** An instance stand-in on a free port: answers every request with what it saw, as JSON. */
async function standIn(instance: number): Promise<{ server: Server; address: string }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on('end', () => {
      if (req.url === '/page') return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
      if (req.url === '/encoded')
        return res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'br', Vary: 'Accept-Encoding' })
          .end(brotliCompressSync(PAGE));
      const seen: Seen = { instance, method: req.method!, url: req.url!, headers: req.headers, bodyBytes };
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(seen));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, address: `127.0.0.1:${port}` };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  bytes: number;
}

/** One request through the proxy over HTTPS on a new connection. */
function viaProxy(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers, ...(options.body && { 'Content-Length': String(options.body.length) }) };
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers, rejectUnauthorized: false, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode!, headers: response.headers, text: body.toString('utf8'), bytes: body.length });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const seenBy = (answer: Answer): Seen => {
  assert.equal(answer.status, 200, answer.text);
  return JSON.parse(answer.text) as Seen;
};

describe('the shipped nginx configuration', () => {
  const withNginx = nginxAvailable();
  const instances: Array<{ server: Server; address: string }> = [];
  let proxy: RunningProxy | undefined;
  let port: number;
  before(async () => {
    if (!withNginx) return;
    instances.push(await standIn(1), await standIn(2));
    proxy = await startProxy(instances.map((instance) => instance.address));
    port = proxy.httpsPort;
  });
  after(async () => {
    await proxy?.close();
    for (const { server } of instances) server.close();
  });

  it('passes nginx -t', { skip: !withNginx }, async () => {
    const { status, output } = await checkShippedConfig();
    assert.equal(status, 0, output);
    assert.match(output, /test is successful/);
  });

  it('tells the app the scheme, host, client address and a request id', { skip: !withNginx }, async () => {
    const seen = seenBy(await viaProxy(port, '/articles/1?utm_source=x', { headers: { 'X-Forwarded-For': '6.6.6.6', 'X-Forwarded-Proto': 'http' } }));
    assert.equal(seen.url, '/articles/1?utm_source=x');
    assert.equal(seen.headers['x-forwarded-proto'], 'https', "nginx's scheme, not the client's claim");
    assert.equal(seen.headers['x-forwarded-host'], `127.0.0.1:${port}`, 'the host and port the browser used, as its Origin names them');
    assert.equal(seen.headers['x-forwarded-for'], '6.6.6.6, 127.0.0.1', 'the last entry is the address nginx saw');
    assert.match(String(seen.headers['x-request-id']), /^[0-9a-f]{32}$/, 'nginx names a request that came without an id');
    const named = seenBy(await viaProxy(port, '/', { headers: { 'X-Request-Id': 'client-chosen.id_1' } }));
    assert.equal(named.headers['x-request-id'], 'client-chosen.id_1', "the client's own id is passed on");
  });

  it('spreads requests over both instances and, with one stopped, answers every page from the other', { skip: !withNginx }, async () => {
    const answeredBy = new Set<number>();
    for (let i = 0; i < 6; i += 1) answeredBy.add(seenBy(await viaProxy(port, `/channels/donghu?i=${i}`)).instance);
    assert.deepEqual([...answeredBy].sort(), [1, 2]);

    const stopped = instances[1]!.server;
    stopped.closeAllConnections();
    await new Promise((resolve) => stopped.close(resolve));
    for (let i = 0; i < 6; i += 1) {
      assert.equal(seenBy(await viaProxy(port, `/search?q=${i}`)).instance, 1, `request ${i} answered by the running instance`);
    }
  });

  it('redirects plain HTTP to HTTPS, path and query kept', { skip: !withNginx }, async () => {
    const answer = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      get(`${proxy!.httpOrigin}/articles/3?page=2`, (response) => {
        response.resume();
        resolve({ status: response.statusCode!, location: response.headers.location });
      }).on('error', reject);
    });
    assert.deepEqual(answer, { status: 301, location: 'https://127.0.0.1/articles/3?page=2' });
  });

  it('refuses /metrics from outside; the app behind never sees the request', { skip: !withNginx }, async () => {
    const answer = await viaProxy(port, '/metrics');
    assert.equal(answer.status, 403);
    assert.doesNotMatch(answer.text, /"instance"/);
    assert.equal((await viaProxy(port, '/metrics/')).status, 200, 'only the exact path is kept in');
  });

  it('limits bodies as the app does: 2 MB for the editor, 256 KB for 投稿, 64 KB elsewhere, with a Chinese page', { skip: !withNginx }, async () => {
    const post = (path: string, bytes: number) =>
      viaProxy(port, path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: Buffer.alloc(bytes, 'a') });
    for (const [path, limit] of [
      ['/contact', 64 * 1024],
      ['/submit', 256 * 1024],
      ['/admin/articles/7', 2 * 1024 * 1024],
      ['/admin/articles', 2 * 1024 * 1024],
    ] as const) {
      assert.equal(seenBy(await post(path, limit)).bodyBytes, limit, `${path} takes ${limit} bytes`);
      const refused = await post(path, limit + 1);
      assert.equal(refused.status, 413, `${path} refuses ${limit + 1} bytes`);
      assert.match(refused.text, /提交的内容过大/);
      assert.match(String(refused.headers['content-type']), /^text\/html; charset=utf-8/);
    }
  });

  it('leaves compression to the app: a plain page stays plain, an encoded one passes untouched', { skip: !withNginx }, async () => {
    const plain = await viaProxy(port, '/page', { headers: { 'Accept-Encoding': 'gzip, br' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.bytes, Buffer.byteLength(PAGE));
    const encoded = await viaProxy(port, '/encoded', { headers: { 'Accept-Encoding': 'gzip, br' } });
    assert.equal(encoded.headers['content-encoding'], 'br');
    assert.equal(encoded.bytes, brotliCompressSync(PAGE).length);
  });

  it('marks every answer Strict-Transport-Security', { skip: !withNginx }, async () => {
    assert.equal((await viaProxy(port, '/')).headers['strict-transport-security'], 'max-age=31536000');
  });
});
