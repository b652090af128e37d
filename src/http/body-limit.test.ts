import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { pino } from 'pino';
import { listen } from '../../test/helpers/browser.ts';
import { openForm } from '../../test/helpers/forms.ts';
import { MESSAGE_MAX, SUBJECT_MAX } from '../contact/message.ts';
import { COMPANY_MAX, DESCRIPTION_MAX } from '../enterprises/application.ts';
import { BODY_MAX, NAME_MAX, TITLE_MAX } from '../submissions/submission.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { requestBodyLimit } from './body-limit.ts';
import { errorHandler } from './errors.tsx';
import { testChrome } from '../../test/helpers/test-chrome.ts';

const chrome = testChrome;
const KB = 1024;

/** A request body of `total` bytes in `chunk`-sized pieces that counts how much was read of it. */
function countedBody(total: number, chunk = 16 * KB) {
  const counter = { read: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.read >= total) return controller.close();
        counter.read += chunk;
        controller.enqueue(new Uint8Array(chunk).fill(97));
      },
    },
    // Nothing is read ahead: every byte counted was asked for by the server.
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

function limitedApp(): Hono {
  const app = new Hono();
  app.onError(errorHandler(pino({ level: 'silent' }), chrome));
  app.use(requestBodyLimit(64 * KB, [['/admin/articles', 2048 * KB]]));
  for (const path of ['/form', '/admin/articles/7', '/admin/articlesx', '/api/things'])
    app.post(path, async (c) => c.text(`read ${(await c.req.arrayBuffer()).byteLength}`));
  return app;
}

const post = (app: Hono, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('request body limits', () => {
  it('refuses a declared Content-Length over the limit with a 413 without reading the body', async () => {
    const { stream, counter } = countedBody(600 * 1024 * KB);
    const response = await post(limitedApp(), '/form', stream, { 'Content-Length': String(600 * 1024 * KB) });
    assert.equal(response.status, 413);
    assert.equal(counter.read, 0);
    assert.equal(response.headers.get('connection'), 'close', 'the client may not go on sending on this connection');
    assert.match(await response.text(), /提交的内容过大\(超过 64 KB\)/);
  });

  it('counts a chunked body while it streams and stops reading just past the limit', async () => {
    const { stream, counter } = countedBody(20 * 1024 * KB);
    const response = await post(limitedApp(), '/form', stream);
    assert.equal(response.status, 413);
    assert.ok(counter.read <= 64 * KB + 16 * KB, `read ${counter.read} bytes`);
  });

  it('lets bodies within the limit through whole, and gives the editor 2 MB', async () => {
    const app = limitedApp();
    assert.equal(await (await post(app, '/form', new Uint8Array(64 * KB))).text(), `read ${64 * KB}`);
    assert.equal(await (await post(app, '/form', countedBody(64 * KB).stream)).text(), `read ${64 * KB}`, 'a chunked body is passed on intact');
    assert.equal(await (await post(app, '/admin/articles/7', new Uint8Array(2048 * KB))).text(), `read ${2048 * KB}`);
    assert.equal((await post(app, '/admin/articles/7', new Uint8Array(2048 * KB + 1))).status, 413);
    assert.equal((await post(app, '/admin/articlesx', new Uint8Array(64 * KB + 1))).status, 413, 'only paths under the prefix');
  });

  it('answers the API with problem JSON', async () => {
    const response = await post(limitedApp(), '/api/things', new Uint8Array(65 * KB));
    assert.equal(response.status, 413);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal((await response.json()).code, 'payload_too_large');
  });
});

describe('request body limits on a listening server', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  let server: Awaited<ReturnType<typeof listen>>;
  before(async () => {
    seeded = await openSeededApp();
    server = await listen(seeded.app);
  });
  after(async () => {
    await server.close();
    await seeded.close();
  });

  /** Streams up to `total` bytes to `path` as fast as the server takes them; what happened. */
  function upload(path: string, total: number, headers: Record<string, string> = {}) {
    const { hostname, port } = new URL(server.origin);
    const agent = new Agent({ keepAlive: true });
    return new Promise<{ status: number; connection: string | undefined; sentBeforeAnswer: number; sent: number }>((resolve, reject) => {
      const chunk = Buffer.alloc(64 * KB, 'a');
      let sent = 0;
      let answer: { status: number; connection: string | undefined; sentBeforeAnswer: number } | undefined;
      const req = request({ hostname, port, path, method: 'POST', agent, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } });
      const pump = () => {
        while (sent < total && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!req.destroyed) req.end();
      };
      req.on('response', (response) => {
        answer = { status: response.statusCode!, connection: response.headers.connection, sentBeforeAnswer: sent };
        response.resume();
      });
      // The server closing the connection on us is what we want; a write error after it is expected.
      req.on('error', () => {});
      req.on('close', () => {
        agent.destroy();
        if (answer) resolve({ ...answer, sent });
        else reject(new Error(`no answer after ${sent} bytes`));
      });
      pump();
    });
  }

  it('gives the article editor 2 MB, 投稿 256 KB and every other route 64 KB', async () => {
    const body = new Uint8Array(100 * KB).fill(97);
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '192.0.2.90' };
    // Past the size check, a post without a session or token is refused by the CSRF check instead.
    for (const [path, max] of [
      ['/admin/articles/1', 2048 * KB],
      ['/submit', 256 * KB],
    ] as const) {
      assert.equal((await seeded.app.request(path, { method: 'POST', body, headers })).status, 403, path);
      assert.equal((await seeded.app.request(path, { method: 'POST', body: new Uint8Array(max + 1), headers })).status, 413, path);
    }
    for (const path of ['/admin/logout', '/admin/login', '/contact', '/enterprises/apply', '/admin/users']) {
      assert.equal((await seeded.app.request(path, { method: 'POST', body, headers })).status, 413, path);
    }
  });

  it('admits the longest valid post of every public form, in Chinese', async () => {
    const posts = [
      [
        '/submit',
        { title: '长'.repeat(TITLE_MAX), body: '投'.repeat(BODY_MAX), channel: 'donghu', name: '名'.repeat(NAME_MAX), contact: '13800138000', consent: 'yes' },
        '/submit/status?code=',
      ],
      [
        '/contact',
        { channel: 'xihu', subject: '主'.repeat(SUBJECT_MAX), body: '留'.repeat(MESSAGE_MAX), name: '钱七', contact: 'qian@example.cn', consent: 'yes' },
        '/contact/status?code=',
      ],
      [
        '/enterprises/apply',
        {
          companyName: '企'.repeat(COMPANY_MAX),
          creditCode: '91110000802100433B',
          industry: 'I',
          channel: 'donghu',
          plannedInvestment: '3000',
          contactPerson: '赵六',
          contactMobile: '13700137000',
          description: '介'.repeat(DESCRIPTION_MAX),
          consent: 'yes',
        },
        '/enterprises/status?code=',
      ],
    ] as const;
    for (const [path, fields, next] of posts) {
      const response = await (await openForm(seeded.app, path, '192.0.2.91')).post(fields);
      assert.equal(response.status, 303, path);
      assert.ok(response.headers.get('location')?.startsWith(next), path);
    }
  });

  it('refuses a 20 MB chunked post to /admin/logout before it is sent, and closes the connection', async () => {
    const total = 20 * 1024 * KB;
    const rssBefore = process.memoryUsage().rss;
    const result = await upload('/admin/logout', total);
    assert.equal(result.status, 413);
    assert.equal(result.connection, 'close');
    assert.ok(result.sentBeforeAnswer < total / 2, `answered after ${result.sentBeforeAnswer} bytes`);
    assert.ok(result.sent < total, `the server stopped taking the body after ${result.sent} bytes`);
    assert.ok(process.memoryUsage().rss - rssBefore < total / 2, 'the body was never held in memory');
  });

  it('refuses a declared 600 MB body at once', async () => {
    const result = await upload('/admin/logout', 600 * 1024 * KB, { 'Content-Length': String(600 * 1024 * KB) });
    assert.equal(result.status, 413);
    assert.equal(result.connection, 'close');
    assert.ok(result.sent < 64 * 1024 * KB, `the server stopped taking the body after ${result.sent} bytes`);
  });
});
