import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bodyBytes, compressBody, recompressed, withEncodingFor, type CompressedBody } from './compressed-body.ts';

const page = Buffer.from(Array.from({ length: 800 }, (_, i) => `<li>招商引资第 ${i} 条 ${(i * 7919) % 1000}</li>`).join(''));

/** Each encoding's bytes, asserting it holds memory of its own size only (not a view of zlib's chunk). */
function ownSized(body: CompressedBody): number[] {
  return [body.identity, body.gzip, body.br]
    .filter((bytes) => bytes !== undefined)
    .map((bytes) => {
      assert.equal(bytes.buffer.byteLength, bytes.length, 'the memory behind the bytes is theirs alone');
      return bytes.length;
    });
}

describe('compressed bodies', () => {
  it('hold memory of their own size in every encoding, made fast, added, or at the best level', async () => {
    const fast = compressBody(page, { fast: true, acceptEncoding: 'br' });
    const both = withEncodingFor(fast, 'gzip');
    const best = await recompressed(both);
    for (const body of [fast, both, best, compressBody(page)]) {
      const sizes = ownSized(body);
      assert.equal(
        bodyBytes(body),
        sizes.reduce((sum, n) => sum + n, 0),
      );
    }
    assert.deepEqual(brotliDecompressSync(best.br!), page);
    assert.deepEqual(gunzipSync(both.gzip!), page);
    assert.ok(bodyBytes(best) < 3 * page.length && bodyBytes(best) > page.length, 'identity and the two compressed forms');
  });
});
