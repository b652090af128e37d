import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MINIMUM_NODE, unsupportedNodeMessage } from './node-version.ts';

describe('supported Node versions', () => {
  it('accepts 22.14 and later lines, refuses older ones with the version in the message', () => {
    for (const version of ['22.14.0', '22.23.5', '24.0.0', '26.12.1', '30.1.0']) assert.equal(unsupportedNodeMessage(version), undefined, version);
    for (const version of ['20.20.2', '22.12.0', '22.13.1', '21.7.3', '18.0.0']) {
      assert.match(
        unsupportedNodeMessage(version) ?? '',
        new RegExp(`needs Node\\.js 22\\.14 or later.*this is Node\\.js ${version.replaceAll('.', '\\.')}`),
        version,
      );
    }
  });

  it('is the floor package.json declares, so npm (engine-strict) and the start agree', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
    assert.equal(manifest.engines.node, `>=${MINIMUM_NODE.join('.')}`);
  });
});
