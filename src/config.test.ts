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
    for (const bad of ['zs.example.gov.cn', 'https://zs.example.gov.cn/portal', 'https://zs.example.gov.cn?x=1', 'https://zs.example.gov.cn#top', 'https://user@zs.example.gov.cn', 'ftp://zs.example.gov.cn', 'https://', 'https://zs.example.gov.cn:99999']) {
      assert.throws(() => loadConfig({ PUBLIC_ORIGIN: bad }), /PUBLIC_ORIGIN: must be an origin such as https:\/\/zs\.example\.gov\.cn/, bad);
    }
  });
});
