// npm run bench:uploads: what an upload costs on this machine. Type detection of a 20 MB PDF,
// the web copies of a 12-megapixel photo, and putting and reading 5 MB on each store kind (a
// folder, and s3rver standing in for an S3-compatible server).
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { openLocalTestStore, openS3TestStore, type TestBlobStore } from '../test/helpers/blob-stores.ts';
import { pdfFile } from '../test/helpers/upload-files.ts';
import { readBlob } from '../src/uploads/blob-store.ts';
import { detectFileType } from '../src/uploads/file-type.ts';
import { processImage } from '../src/uploads/image-variants.ts';

const ms = (started: number) => `${(performance.now() - started).toFixed(0)} ms`;

/** The median of `runs` timings of `task`, in ms. */
async function median(runs: number, task: () => Promise<unknown> | unknown): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return `${times.sort((a, b) => a - b)[Math.floor(runs / 2)]!.toFixed(0)} ms`;
}

const bigPdf = Buffer.concat([pdfFile(), randomBytes(20 * 1024 * 1024)]);
console.log(`type of a 20 MB PDF (scanned for scripts): ${await median(5, () => detectFileType(bigPdf))}`);

const width = 4000;
const height = 3000;
const noise = randomBytes(width * height * 3);
const photo = await sharp(noise, { raw: { width, height, channels: 3 } })
  .jpeg({ quality: 85 })
  .toBuffer();
let started = performance.now();
const processed = await processImage(photo);
if ('refused' in processed) throw new Error(processed.refused);
console.log(
  `web copies of a ${width}×${height} JPEG (${(photo.length / 1e6).toFixed(1)} MB): ${ms(started)}, copies ${processed.variants.map((v) => `${v.width} px ${(v.bytes.length / 1e3).toFixed(0)} kB`).join(', ')}`,
);

const payload = randomBytes(5 * 1024 * 1024);
for (const open of [async () => openLocalTestStore(), openS3TestStore]) {
  const opened = (await open()) as TestBlobStore | { skipped: string };
  if ('skipped' in opened) {
    console.log(opened.skipped);
    continue;
  }
  try {
    started = performance.now();
    const hash = await opened.store.put(payload);
    const put = ms(started);
    started = performance.now();
    await readBlob(opened.store, hash);
    console.log(`${opened.store.kind} store, 5 MB: put ${put}, read ${ms(started)}`);
  } finally {
    await opened.close();
  }
}
