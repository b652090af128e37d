import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLoopback, metricsAccess } from './metrics-access.ts';

const TOKEN = 'k3n8Qw0Zb1Yx7Lm2Nc5Vp9Rt4Sd6Fg0H';

function request(remoteAddress: string | undefined, headers: Record<string, string> = {}) {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { remoteAddress, header: (name: string) => lower[name.toLowerCase()] };
}

describe('who may read /metrics', () => {
  it('tells loopback addresses from others', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) assert.equal(isLoopback(address), true, address);
    for (const address of [
      undefined,
      '',
      '10.0.0.1',
      '192.168.1.127',
      '::ffff:10.0.0.1',
      '::2',
      'fe80::1',
      '128.0.0.1',
      '127.0.0.1.example.com',
      'localhost',
    ]) {
      assert.equal(isLoopback(address), false, String(address));
    }
  });

  it('without a token: only a direct loopback client, never one a proxy forwarded', () => {
    assert.deepEqual(metricsAccess(request('127.0.0.1'), undefined), { allowed: true });
    assert.deepEqual(metricsAccess(request('::1'), undefined), { allowed: true });
    const refused: Array<[string | undefined, Record<string, string>]> = [
      ['10.1.2.3', {}],
      [undefined, {}],
      // A reverse proxy on the same host connects from loopback for every visitor.
      ['127.0.0.1', { 'X-Forwarded-For': '203.0.113.9' }],
      ['127.0.0.1', { 'X-Forwarded-For': '127.0.0.1' }],
      ['127.0.0.1', { Forwarded: 'for=203.0.113.9' }],
      ['127.0.0.1', { 'X-Real-IP': '203.0.113.9' }],
      ['127.0.0.1', { 'X-Forwarded-Proto': 'https' }],
      ['127.0.0.1', { 'X-Forwarded-Host': 'zs.example.gov.cn' }],
      ['::1', { Via: '1.1 proxy' }],
      ['127.0.0.1', { 'X-Forwarded-For': '' }],
      // A token is not asked for, so sending one gains nothing.
      ['10.1.2.3', { Authorization: `Bearer ${TOKEN}` }],
    ];
    for (const [address, headers] of refused) {
      const access = metricsAccess(request(address, headers), undefined);
      assert.equal(access.allowed, false, `${address} ${JSON.stringify(headers)}`);
      assert.equal(!access.allowed && access.status, 403);
      assert.match(!access.allowed ? access.detail : '', /METRICS_TOKEN/);
    }
  });

  it('with a token: whoever sends it, from anywhere, and nobody else, loopback included', () => {
    for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `Bearer  ${TOKEN} `]) {
      assert.deepEqual(
        metricsAccess(request('203.0.113.9', { Authorization: authorization, 'X-Forwarded-For': '198.51.100.1' }), TOKEN),
        { allowed: true },
        authorization,
      );
    }
    const missing = metricsAccess(request('127.0.0.1'), TOKEN);
    assert.equal(missing.allowed, false);
    assert.equal(!missing.allowed && missing.status, 401);
    assert.equal(!missing.allowed && missing.challenge, 'Bearer realm="metrics"');
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, 'Bearer x', `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN} extra`, 'Bearer']) {
      const access = metricsAccess(request('127.0.0.1', { Authorization: authorization }), TOKEN);
      assert.equal(access.allowed, false, authorization);
      assert.equal(!access.allowed && access.status, 401, authorization);
      assert.match(!access.allowed ? (access.challenge ?? '') : '', /^Bearer realm="metrics"/, authorization);
    }
  });
});
