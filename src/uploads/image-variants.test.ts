// Web copies of pictures: the widths made, upright, without metadata; a decompression bomb and a
// broken file refused with their reasons.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { imageFile } from '../../test/helpers/upload-files.ts';
import { processImage } from './image-variants.ts';

/** A PNG whose header claims `width`×`height` pixels, in a few hundred bytes. */
function claimedPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('makes WebP copies narrower than the original, upright and without metadata', async () => {
  const processed = await processImage(await imageFile('jpeg', 1700, 1000, { orientation: 8 }));
  assert.ok(!('refused' in processed));
  assert.deepEqual([processed.width, processed.height], [1000, 1700], 'orientation 8 is a quarter turn');
  assert.deepEqual(
    processed.variants.map((variant) => variant.width),
    [480, 960],
  );
  for (const variant of processed.variants) {
    const meta = await sharp(variant.bytes).metadata();
    assert.deepEqual(
      [meta.format, meta.width, meta.height, meta.exif, meta.orientation],
      ['webp', variant.width, Math.round((variant.width * 1700) / 1000), undefined, undefined],
    );
  }
  const small = await processImage(await imageFile('png', 300, 200));
  assert.ok(!('refused' in small));
  assert.deepEqual(small.variants, [], 'a small picture needs no copies');
});

test('refuses a decompression bomb by its header, and a broken picture', async () => {
  const bomb = claimedPng(30_000, 30_000);
  assert.ok(bomb.length < 1000);
  assert.deepEqual(await processImage(bomb), { refused: '图片过大(30000×30000 像素),超过 50 百万像素,请缩小后上传。' });
  const broken = (await imageFile('jpeg', 800, 600)).subarray(0, 300);
  assert.deepEqual(await processImage(broken), { refused: '图片已损坏或无法读取,不能上传。' });
});
