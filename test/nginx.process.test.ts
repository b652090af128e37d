// The nginx configuration the project ships (deploy/nginx/zhaoshang.conf), run by a real nginx in
// front of two stand-in instances that answer with what reached them: the headers the app relies
// on, the spread over instances, HTTPS only, body limits as the app's, /metrics kept in, and the
// one-second micro-cache of anonymous page reads.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { request } from 'node:https';
import { get } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import { DEFAULT_UPLOAD_MAX_BYTES } from '../src/config.ts';
import { UPLOAD_FORM_OVERHEAD } from '../src/uploads/attachment.service.ts';
import { checkShippedConfig, nginxAvailable, startProxy, type RunningProxy } from './helpers/nginx.ts';
import { freePort } from './helpers/processes.ts';

/** What a stand-in instance saw of a request. */
interface Seen {
  instance: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
  /** The stand-in's content when it answered: what a change of content changes. */
  headline: string;
}

const PAGE = '<!doctype html><title>页面</title>' + '<p>招商引资项目签约。</p>'.repeat(200);

/** The content both stand-ins answer with; a test changes it as an editor would. */
let headline = '招商引资项目签约';

// Headers of the stand-ins' answers, by path, as the app sends them: its pages say no-cache (so
// browsers revalidate), forms and status pages no-store, a form's first visit sets the CSRF cookie.
const PAGE_HEADERS = { 'Cache-Control': 'no-cache' };
const ANSWER_HEADERS: Record<string, Record<string, string>> = {
  '/sets-cookie': { ...PAGE_HEADERS, 'Set-Cookie': 'zs_csrf=0123456789abcdef0123456789abcdef; Path=/; HttpOnly; SameSite=Strict' },
  '/no-store': { 'Cache-Control': 'no-store' },
  '/private': { 'Cache-Control': 'private, max-age=60' },
};

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
      // Negotiated as the app does (src/http/compressed-body.ts): brotli for those who accept it.
      if (req.url === '/negotiated') {
        const brotli = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
        return res
          .writeHead(200, { ...PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', Vary: 'Accept-Encoding', ...(brotli && { 'Content-Encoding': 'br' }) })
          .end(brotli ? brotliCompressSync(PAGE) : PAGE);
      }
      const seen: Seen = { instance, method: req.method!, url: req.url!, headers: req.headers, bodyBytes, headline };
      const path = req.url!.split('?')[0]!;
      res.writeHead(200, { 'Content-Type': 'application/json', ...(ANSWER_HEADERS[path] ?? PAGE_HEADERS) }).end(JSON.stringify(seen));
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
    const named = seenBy(await viaProxy(port, '/named', { headers: { 'X-Request-Id': 'client-chosen.id_1' } }));
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

  it('limits bodies as the app does: 20 MB and the form for attachments, 2 MB for the editor, 256 KB for 投稿, 64 KB elsewhere, with a Chinese page', {
    skip: !withNginx,
  }, async () => {
    const post = (path: string, bytes: number) =>
      viaProxy(port, path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: Buffer.alloc(bytes, 'a') });
    for (const [path, limit] of [
      ['/contact', 64 * 1024],
      ['/submit', 256 * 1024],
      ['/admin/articles/7', 2 * 1024 * 1024],
      ['/admin/articles', 2 * 1024 * 1024],
      ['/admin/attachments/upload/policy/1', DEFAULT_UPLOAD_MAX_BYTES + UPLOAD_FORM_OVERHEAD],
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

  describe('micro-cache', () => {
    const cacheStatus = (answer: Answer) => answer.headers['x-cache-status'];
    /** The request id the stand-in saw: two answers with the same one are one rendering. */
    const renderingOf = (answer: Answer) => seenBy(answer).headers['x-request-id'];

    it('answers a public page read again within the second from the cache, Cache-Control passed on', { skip: !withNginx }, async () => {
      const first = await viaProxy(port, '/channels/xihu?page=2');
      assert.equal(cacheStatus(first), 'MISS');
      assert.equal(first.headers['cache-control'], 'no-cache', "the app's answer to browsers is unchanged");
      const second = await viaProxy(port, '/channels/xihu?page=2');
      assert.equal(cacheStatus(second), 'HIT');
      assert.equal(second.text, first.text, 'the same rendering');
      assert.equal(second.headers['strict-transport-security'], 'max-age=31536000');

      const otherQuery = await viaProxy(port, '/channels/xihu?page=3');
      assert.equal(cacheStatus(otherQuery), 'MISS', 'the query is part of the key');
      assert.equal(seenBy(otherQuery).url, '/channels/xihu?page=3');
    });

    it('shows a change of content once the cached copy has expired', { skip: !withNginx }, async () => {
      const before = seenBy(await viaProxy(port, '/articles/42'));
      headline = '新能源电池项目落户经开区';
      try {
        const answers: Answer[] = [];
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          const answer = await viaProxy(port, '/articles/42');
          answers.push(answer);
          if (seenBy(answer).headline === headline) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const changed = answers.at(-1)!;
        assert.equal(seenBy(changed).headline, headline, 'the change shows');
        assert.equal(cacheStatus(changed), 'EXPIRED', 'nginx asked an instance again when its copy ran out');
        for (const old of answers.slice(0, -1)) {
          assert.equal(cacheStatus(old), 'HIT');
          assert.equal(renderingOf(old), before.headers['x-request-id'], 'until then, the copy from before the change');
        }
      } finally {
        headline = '招商引资项目签约';
      }
    });

    it('keeps an encoding apart from the others: a client gets only an encoding it accepts', { skip: !withNginx }, async () => {
      const brotli = await viaProxy(port, '/negotiated', { headers: { 'Accept-Encoding': 'gzip, br' } });
      assert.equal(brotli.headers['content-encoding'], 'br');
      const plain = await viaProxy(port, '/negotiated');
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.text, PAGE);
      const brotliAgain = await viaProxy(port, '/negotiated', { headers: { 'Accept-Encoding': 'gzip, br' } });
      assert.equal(cacheStatus(brotliAgain), 'HIT');
      assert.equal(brotliAgain.headers['content-encoding'], 'br');
      assert.equal(brotliAgain.bytes, brotliCompressSync(PAGE).length);
    });

    it('never stores an answer that sets a cookie or says no-store or private', { skip: !withNginx }, async () => {
      for (const path of ['/sets-cookie', '/no-store', '/private']) {
        const first = await viaProxy(port, path);
        const second = await viaProxy(port, path);
        assert.notEqual(renderingOf(second), renderingOf(first), `${path}: each read reaches an instance`);
        assert.equal(cacheStatus(second), 'MISS', path);
      }
    });

    it('never answers a signed-in request from the cache nor stores its answer', { skip: !withNginx }, async () => {
      const anonymous = await viaProxy(port, '/policies');
      const signedIn: Array<Record<string, string>> = [
        { Cookie: `zs_csrf=0123456789abcdef0123456789abcdef; __Host-zs_session=${'a'.repeat(32)}` },
        { Cookie: `zs_session=${'b'.repeat(32)}` },
        { Authorization: 'Bearer token' },
      ];
      for (const headers of signedIn) {
        const own = await viaProxy(port, '/policies', { headers });
        assert.equal(cacheStatus(own), 'BYPASS', JSON.stringify(headers));
        const seen = seenBy(own);
        assert.notEqual(seen.headers['x-request-id'], renderingOf(anonymous), 'its own rendering');
        assert.equal(seen.headers.cookie ?? seen.headers.authorization, Object.values(headers)[0]);
      }
      const again = await viaProxy(port, '/policies');
      assert.equal(cacheStatus(again), 'HIT');
      assert.equal(renderingOf(again), renderingOf(anonymous), 'the anonymous copy, not a signed-in answer');
      const otherCookie = await viaProxy(port, '/policies', { headers: { Cookie: 'zs_csrf=0123456789abcdef0123456789abcdef' } });
      assert.equal(cacheStatus(otherCookie), 'HIT', 'a form cookie alone is no session');
    });

    it('passes the console, the API, forms, status pages and health checks straight through', { skip: !withNginx }, async () => {
      for (const path of [
        '/admin',
        '/admin/articles/3',
        '/%61dmin/users',
        '/api/v1/articles?limit=5',
        '/submit',
        '/submit/status?code=TG-7K4M-Q9XZ',
        '/contact',
        '/en/contact',
        '/enterprises/apply',
        '/en/enterprises/apply',
        '/qa/ask',
        '/qa/status?code=WD-7K4M-Q9XZ',
        '/appeals',
        '/appeals/track?code=SQ-7K4M-Q9XZ',
        '/healthz',
        '/readyz',
      ]) {
        const first = await viaProxy(port, path);
        const second = await viaProxy(port, path);
        assert.equal(cacheStatus(second), 'BYPASS', path);
        assert.notEqual(renderingOf(second), renderingOf(first), `${path}: each read reaches an instance`);
      }
    });

    it('lets the app decide / for a visitor who may read English; everyone else shares the cached home', { skip: !withNginx }, async () => {
      const undecided: Array<Record<string, string>> = [
        { 'Accept-Language': 'en-GB,en;q=0.9' },
        { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' },
        { Cookie: 'zs_lang=en', 'Accept-Language': 'zh-CN' },
      ];
      for (const headers of undecided) {
        const first = await viaProxy(port, '/', { headers });
        const second = await viaProxy(port, '/', { headers });
        assert.equal(cacheStatus(second), 'BYPASS', JSON.stringify(headers));
        assert.notEqual(renderingOf(second), renderingOf(first), 'each read reaches an instance');
      }
      const decided: Array<Record<string, string>> = [{}, { 'Accept-Language': 'zh-CN,zh;q=0.9' }, { Cookie: 'zs_lang=zh', 'Accept-Language': 'en' }];
      await viaProxy(port, '/');
      for (const headers of decided) assert.equal(cacheStatus(await viaProxy(port, '/', { headers })), 'HIT', JSON.stringify(headers));
      // Only the home page: English pages are English whoever reads them.
      await viaProxy(port, '/en/articles/5', { headers: undecided[0] });
      assert.equal(cacheStatus(await viaProxy(port, '/en/articles/5', { headers: undecided[0] })), 'HIT');
    });

    it('never caches a POST', { skip: !withNginx }, async () => {
      const post = () =>
        viaProxy(port, '/search', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: Buffer.from('q=1') });
      const first = await post();
      const second = await post();
      assert.notEqual(renderingOf(second), renderingOf(first));
      assert.equal(cacheStatus(second), undefined);
      const read = await viaProxy(port, '/search');
      assert.equal(seenBy(read).method, 'GET', 'a read after them is not answered with a post');
    });
  });
});
