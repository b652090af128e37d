import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.ts';

describe('PUBLIC_ORIGIN', () => {
  it('is optional', () => assert.equal(loadConfig({}).publicOrigin, undefined));

  it('is normalised as browsers write the Origin header', () => {
    for (const [given, origin] of [
      ['https://zs.example.gov.cn', 'https://zs.example.gov.cn'],
      ['https://ZS.Example.gov.cn:443/', 'https://zs.example.gov.cn'],
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
      ['  https://[::1]:8443  ', 'https://[::1]:8443'],
    ]) {
      assert.equal(loadConfig({ PUBLIC_ORIGIN: given }).publicOrigin, origin, given);
    }
  });

  it('fails fast on anything but scheme, host and port', () => {
    for (const bad of [
      'zs.example.gov.cn',
      'https://zs.example.gov.cn/portal',
      'https://zs.example.gov.cn?x=1',
      'https://zs.example.gov.cn#top',
      'https://user@zs.example.gov.cn',
      'ftp://zs.example.gov.cn',
      'https://',
      'https://zs.example.gov.cn:99999',
    ]) {
      assert.throws(() => loadConfig({ PUBLIC_ORIGIN: bad }), /PUBLIC_ORIGIN: must be an origin such as https:\/\/zs\.example\.gov\.cn/, bad);
    }
  });
});

describe('METRICS_TOKEN', () => {
  const token = 'a'.repeat(32);

  it('is optional, and blank means none', () => {
    assert.equal(loadConfig({}).metricsToken, undefined);
    assert.equal(loadConfig({ METRICS_TOKEN: '   ' }).metricsToken, undefined);
  });

  it('is read as given, trimmed', () => {
    for (const given of [token, '0123456789abcdef0123456789ABCDEF', 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9v==', 'a.b_c~d+e/f-g'.padEnd(40, 'x')]) {
      assert.equal(loadConfig({ METRICS_TOKEN: ` ${given} ` }).metricsToken, given, given);
    }
  });

  it('fails fast when it is short or holds what a Bearer header cannot carry', () => {
    assert.throws(() => loadConfig({ METRICS_TOKEN: 'a'.repeat(31) }), /METRICS_TOKEN: must be at least 32 characters/);
    for (const bad of [`${token} x`, `${token}"`, `${token},x`, `${token}é`, `=${token}`]) {
      assert.throws(() => loadConfig({ METRICS_TOKEN: bad }), /METRICS_TOKEN: may hold only letters, digits/, bad);
    }
  });
});

describe('API_RATE_LIMIT', () => {
  it('allows 120 API requests a minute per client unless set, and fails fast on a bad number', () => {
    assert.equal(loadConfig({}).apiRequestsPerMinute, 120);
    assert.equal(loadConfig({ API_RATE_LIMIT: '600' }).apiRequestsPerMinute, 600);
    for (const bad of ['0', '-5', '1.5', 'many', '1000000']) assert.throws(() => loadConfig({ API_RATE_LIMIT: bad }), /API_RATE_LIMIT/, bad);
  });
});

describe('INSIGHTS_PUBLIC', () => {
  it('marks unconfirmed figures unless told to hide them', () => {
    assert.equal(loadConfig({}).insightsPublic, 'marked');
    assert.equal(loadConfig({ INSIGHTS_PUBLIC: 'marked' }).insightsPublic, 'marked');
    assert.equal(loadConfig({ INSIGHTS_PUBLIC: 'confirmed' }).insightsPublic, 'confirmed');
  });

  it('fails fast on any other value', () => {
    for (const bad of ['hidden', 'CONFIRMED', 'true', '']) {
      assert.throws(() => loadConfig({ INSIGHTS_PUBLIC: bad }), /INSIGHTS_PUBLIC: Invalid option: expected one of "confirmed"\|"marked"/, bad);
    }
  });
});
