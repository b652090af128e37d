import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseSeedText } from '../importer/seed-format.ts';
import { seedText, segmenter } from '../../test/helpers/seed.ts';
import { indexedTextOf } from './indexed-text.ts';
import { postgresDialect } from '../db/dialect.ts';
import { SearchIndex } from './search-index.ts';
import { SegmentingThread } from './segmenting-thread.ts';

it('segments on a worker thread exactly as the main thread does, and fails loudly once closed', async () => {
  const english = { title: 'Work Report', summary: 'A review of the year.', body: 'Investment grew.' };
  // One article with an English version: the thread indexes it with the Chinese text, as the main thread does.
  const articles = parseSeedText(seedText()).flatMap((item, i) =>
    item.kind === 'block' ? [{ title: item.block.title, body: item.block.body, english: i === 0 ? english : undefined }] : [],
  );
  assert.ok(articles[0]!.english);
  assert.equal(articles.length, 10);
  const thread = new SegmentingThread(segmenter);
  try {
    const [first, second] = await Promise.all([thread.segment(articles.slice(0, 4)), thread.segment(articles.slice(4))]);
    const expected = articles.map((article) => indexedTextOf(segmenter, article));
    assert.deepEqual([...first!, ...second!], expected);
    assert.match(first![0]!.title, / work report$/, 'the English title is indexed, case-folded, after the Chinese one');
    assert.ok(
      expected.some((text) => text.subwords.split(' ').includes('经开区')),
      'our dictionary is loaded there too',
    );
  } finally {
    await thread.close();
  }
  await assert.rejects(thread.segment(articles.slice(0, 1)), /exited/);
});

it('forgets prepared texts when preparing ends early, without failing the process', async () => {
  const english = { title: 'Work Report', summary: 'A review of the year.', body: 'Investment grew.' };
  // One article with an English version: the thread indexes it with the Chinese text, as the main thread does.
  const articles = parseSeedText(seedText()).flatMap((item, i) =>
    item.kind === 'block' ? [{ title: item.block.title, body: item.block.body, english: i === 0 ? english : undefined }] : [],
  );
  assert.ok(articles[0]!.english);
  const index = new SearchIndex(segmenter, postgresDialect.search);
  const unhandled: unknown[] = [];
  const noteUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', noteUnhandled);
  try {
    // The thread is stopped before it answers, as when an import fails or every article is unchanged.
    index.prepare(articles);
    await index.endPreparing();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', noteUnhandled);
  }
});
