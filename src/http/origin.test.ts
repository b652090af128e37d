import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { pino } from 'pino';
import { csrfProtection, csrfToken, CSRF_FIELD } from './csrf.ts';
import { errorHandler } from './errors.tsx';
import { expectedOrigin, publicOrigin, type OriginSettings } from './origin.ts';
import { testChrome } from '../../test/helpers/test-chrome.ts';

const chrome = testChrome;
const direct: OriginSettings = { trustProxy: false, publicOrigin: undefined };
const proxied: OriginSettings = { trustProxy: true, publicOrigin: undefined };
const configured: OriginSettings = { trustProxy: true, publicOrigin: 'https://zs.example.gov.cn' };
// What nginx terminating TLS for zs.example.gov.cn sends to the app on 127.0.0.1:3000.
const behindTls = { Host: 'zs.example.gov.cn', 'X-Forwarded-Proto': 'https' };

describe('the expected origin', () => {
  const cases: [string, OriginSettings, Record<string, string>, string | null][] = [
    ['direct: the request URL', direct, {}, 'http://127.0.0.1:3000'],
    ['direct: proxy headers are not believed', direct, { ...behindTls, 'X-Forwarded-Host': 'evil.example' }, 'http://127.0.0.1:3000'],
    ['proxy: forwarded protocol and Host', proxied, behindTls, 'https://zs.example.gov.cn'],
    ['proxy: the first of several protocols', proxied, { ...behindTls, 'X-Forwarded-Proto': 'HTTPS, http' }, 'https://zs.example.gov.cn'],
    [
      'proxy: X-Forwarded-Host wins over Host',
      proxied,
      { ...behindTls, 'X-Forwarded-Host': 'zs.example.gov.cn:8443, inner' },
      'https://zs.example.gov.cn:8443',
    ],
    ['proxy: a default port is dropped as browsers do', proxied, { ...behindTls, Host: 'zs.example.gov.cn:443' }, 'https://zs.example.gov.cn'],
    ['proxy: no forwarded protocol keeps the URL scheme', proxied, { Host: 'zs.example.gov.cn' }, 'http://zs.example.gov.cn'],
    ['proxy: an unknown protocol is ignored', proxied, { ...behindTls, 'X-Forwarded-Proto': 'gopher' }, 'http://zs.example.gov.cn'],
    ['proxy: a host with a path names no origin', proxied, { ...behindTls, 'X-Forwarded-Host': 'evil.example/zs.example.gov.cn' }, null],
    ['proxy: a host with user info names no origin', proxied, { ...behindTls, 'X-Forwarded-Host': 'zs.example.gov.cn@evil.example' }, null],
    [
      'PUBLIC_ORIGIN wins over the proxy headers',
      configured,
      { ...behindTls, 'X-Forwarded-Host': 'other.example', 'X-Forwarded-Proto': 'http' },
      'https://zs.example.gov.cn',
    ],
    ['PUBLIC_ORIGIN wins without a proxy', { ...configured, trustProxy: false }, {}, 'https://zs.example.gov.cn'],
  ];
  for (const [name, settings, headers, expected] of cases) {
    it(name, () => assert.equal(expectedOrigin(new Request('http://127.0.0.1:3000/submit', { headers }), settings), expected));
  }
});

/** A form app as createApp builds it: the origin middleware, then the CSRF check. */
function formApp(settings: OriginSettings): Hono {
  const app = new Hono();
  app.onError(errorHandler(pino({ level: 'silent' }), chrome));
  app.use(publicOrigin(settings), csrfProtection());
  app.get('/form', (c) => c.text(csrfToken(c)));
  app.post('/form', (c) => c.text('stored'));
  return app;
}

async function formSession(app: Hono, headers: Record<string, string>) {
  const page = await app.request('http://127.0.0.1:3000/form', { headers });
  const token = await page.text();
  const setCookie = page.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  return {
    setCookie,
    post: async (extra: Record<string, string>, withToken = true) =>
      (
        await app.request('http://127.0.0.1:3000/form', {
          method: 'POST',
          headers: { ...headers, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', ...extra },
          body: withToken ? `${CSRF_FIELD}=${token}` : 'x=1',
        })
      ).status,
  };
}

describe('the CSRF origin check', () => {
  it('accepts the browser’s https origin behind a TLS proxy when TRUST_PROXY is on', async () => {
    const form = await formSession(formApp(proxied), behindTls);
    assert.equal(await form.post({ Origin: 'https://zs.example.gov.cn' }), 200);
    assert.match(form.setCookie, /; Secure/, 'the token cookie is Secure like the origin');
    assert.equal(await form.post({ Origin: 'http://zs.example.gov.cn' }), 403, 'the plain-http origin is another origin');
  });

  it('refuses the https origin when the proxy is not trusted, and does not make cookies Secure', async () => {
    const form = await formSession(formApp(direct), behindTls);
    assert.equal(await form.post({ Origin: 'https://zs.example.gov.cn' }), 403);
    assert.doesNotMatch(form.setCookie, /Secure/);
    assert.equal(await form.post({ Origin: 'http://127.0.0.1:3000' }), 200);
  });

  it('accepts only PUBLIC_ORIGIN when it is set', async () => {
    const form = await formSession(formApp(configured), { Host: '127.0.0.1:3000' });
    assert.equal(await form.post({ Origin: 'https://zs.example.gov.cn' }), 200);
    assert.match(form.setCookie, /; Secure/);
    assert.equal(await form.post({ Origin: 'http://127.0.0.1:3000' }), 403);
  });

  it('refuses foreign origins, Origin: null, and a missing Origin without the token', async () => {
    for (const settings of [direct, proxied, configured]) {
      const form = await formSession(formApp(settings), behindTls);
      assert.equal(await form.post({ Origin: 'https://evil.example' }), 403, 'foreign');
      assert.equal(await form.post({ Origin: 'null' }), 403, 'null');
      // Only a trusted proxy may name the host; a cross-site form cannot set this header anyway.
      if (settings !== proxied)
        assert.equal(await form.post({ 'X-Forwarded-Host': 'evil.example', Origin: 'https://evil.example' }), 403, 'forged forwarded host');
      assert.equal(await form.post({}, false), 403, 'no Origin and no token');
      assert.equal(await form.post({}), 200, 'no Origin (older browsers) with the token');
    }
  });
});
