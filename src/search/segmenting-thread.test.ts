import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseSeedText } from '../importer/seed-format.ts';
import { seedText, segmenter } from '../../test/helpers/seed.ts';
import { indexedTextOf } from './indexed-text.ts';
import { SegmentingThread } from './segmenting-thread.ts';

it('segments on a worker thread exactly as the main thread does, and fails loudly once closed', async () => {
  const articles = parseSeedText(seedText()).flatMap((item) => (item.kind === 'block' ? [{ title: item.block.title, body: item.block.body }] : []));
  assert.equal(articles.length, 10);
  const thread = new SegmentingThread(segmenter);
  try {
    const [first, second] = await Promise.all([thread.segment(articles.slice(0, 4)), thread.segment(articles.slice(4))]);
    const expected = articles.map((article) => indexedTextOf(segmenter, article));
    assert.deepEqual([...first!, ...second!], expected);
    assert.ok(expected.some((text) => text.subwords.split(' ').includes('经开区')), 'our dictionary is loaded there too');
  } finally {
    await thread.close();
  }
  await assert.rejects(thread.segment(articles.slice(0, 1)), /exited/);
});
