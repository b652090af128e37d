import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { pino } from 'pino';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { csrfProtection, csrfToken, CSRF_FIELD } from './csrf.ts';
import { errorHandler } from './errors.tsx';
import { countRequest, rateLimited } from './rate-limit.ts';
import { testChrome } from '../../test/helpers/test-chrome.ts';

const chrome = testChrome;

function formApp(): Hono {
  const app = new Hono();
  app.onError(errorHandler(pino({ level: 'silent' }), chrome));
  app.use(csrfProtection());
  app.get('/form', (c) => c.text(csrfToken(c)));
  app.post('/form', (c) => c.text('stored'));
  return app;
}

describe('CSRF protection', () => {
  it('accepts a form that returns its cookie token, and refuses every other', async () => {
    const app = formApp();
    const page = await app.request('/form');
    const token = await page.text();
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
    assert.match(page.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Strict/);
    const post = (headers: Record<string, string>, field?: string) =>
      app.request('/form', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: field === undefined ? 'x=1' : `${CSRF_FIELD}=${field}`,
      });

    assert.equal((await post({ Cookie: cookie }, token)).status, 200);
    assert.equal(await (await post({ Cookie: cookie, Origin: 'http://localhost' }, token)).text(), 'stored');
    for (const [why, response] of [
      ['no token', await post({ Cookie: cookie })],
      ['no cookie', await post({}, token)],
      ['wrong token', await post({ Cookie: cookie }, 'f'.repeat(32))],
      ['other origin', await post({ Cookie: cookie, Origin: 'https://evil.example' }, token)],
    ] as const) {
      assert.equal(response.status, 403, why);
      assert.match(await response.text(), /请刷新页面后重新提交/, why);
    }
  });

  it('keeps the same token across pages of one browser', async () => {
    const app = formApp();
    const first = await app.request('/form');
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    const second = await app.request('/form', { headers: { Cookie: cookie } });
    assert.equal(await second.text(), await first.text());
    assert.equal(second.headers.get('set-cookie'), null);
  });
});

for (const dialect of testDialects()) {
  describe(`rate limits on ${dialect.name}`, () => {
    it('allows max requests per window and client, then says when to retry', () =>
      withTestDb(dialect, async ({ db }) => {
        const limit = { name: 'submit', max: 3, windowSeconds: 600 };
        const start = Date.UTC(2026, 0, 1, 10, 0, 0);
        const results = [];
        for (let i = 0; i < 4; i += 1) results.push(await countRequest(db, 'submit:1.2.3.4', limit, start + i * 1000));
        assert.deepEqual(
          results.map((r) => r.allowed),
          [true, true, true, false],
        );
        assert.equal(results[3]!.retryAfterSeconds, 597);
        assert.equal((await countRequest(db, 'submit:5.6.7.8', limit, start)).allowed, true, 'other clients are counted apart');
        assert.equal((await countRequest(db, 'submit:1.2.3.4', limit, start + 600_000)).allowed, true, 'a new window starts afresh');
        const rows = await db.selectFrom('rate_limit').selectAll().where('bucket', '=', 'submit:1.2.3.4').execute();
        assert.equal(rows.length, 1, 'old windows are removed');
      }));

    it('answers a 429 page with Retry-After once the limit is reached', () =>
      withTestDb(dialect, async ({ db }) => {
        const app = new Hono();
        app.onError(errorHandler(pino({ level: 'silent' }), chrome));
        app.use(rateLimited(db, { name: 'contact', max: 2, windowSeconds: 60 }, (c) => c.req.header('X-Test-Client') ?? ''));
        app.post('/contact', (c) => c.text('ok'));
        const post = (client: string) => app.request('/contact', { method: 'POST', headers: { 'X-Test-Client': client } });
        assert.deepEqual([(await post('a')).status, (await post('a')).status], [200, 200]);
        const refused = await post('a');
        assert.equal(refused.status, 429);
        assert.ok(Number(refused.headers.get('retry-after')) > 0 && Number(refused.headers.get('retry-after')) <= 60);
        assert.match(await refused.text(), /提交过于频繁,请在 1 分钟后再试/);
        assert.equal((await post('b')).status, 200);
        assert.equal((await app.request('/contact')).status, 404, 'GET requests are not counted or refused');
      }));
  });
}
